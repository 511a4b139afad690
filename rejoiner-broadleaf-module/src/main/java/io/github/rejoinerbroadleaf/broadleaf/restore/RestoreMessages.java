package io.github.rejoinerbroadleaf.broadleaf.restore;

import org.springframework.web.util.HtmlUtils;

import java.io.Serializable;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.List;

/**
 * The shopper-facing messages of one restore-link outcome: the value of the model (or flash)
 * attribute {@value CartRestoreController#MESSAGES}, a list of strings for templates that show them
 * themselves. It notices being read (size, element or iteration, as {@code th:each} or
 * {@code #lists.isEmpty} do): a page whose template showed the messages does not get them again
 * from the automatic placement ({@code RejoinerDialect}), which puts {@link #unreadHtml} at the
 * start of {@code <body>} only when the template did not read them.
 */
public final class RestoreMessages extends AbstractList<String> implements Serializable {

    private static final long serialVersionUID = 1L;

    private final ArrayList<String> texts;
    /** Whether a template read the list; a copy taken from the session starts unread again. */
    private transient volatile boolean read;

    public RestoreMessages(List<String> texts) {
        this.texts = new ArrayList<String>(texts);
    }

    @Override
    public String get(int index) {
        read = true;
        return texts.get(index);
    }

    @Override
    public int size() {
        read = true;
        return texts.size();
    }

    // Logging, comparing or hashing the attribute (Spring does at DEBUG) is not a page showing it.
    @Override
    public String toString() {
        return texts.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof RestoreMessages ? texts.equals(((RestoreMessages) o).texts) : o instanceof List && texts.equals(o);
    }

    @Override
    public int hashCode() {
        return texts.hashCode();
    }

    /**
     * The block a page still has to show for {@code attribute}: {@link #html()} when it is a
     * {@code RestoreMessages} with texts that no template has read, else null. Placed once: the
     * list counts as read afterwards.
     */
    public static String unreadHtml(Object attribute) {
        if (!(attribute instanceof RestoreMessages)) {
            return null;
        }
        RestoreMessages messages = (RestoreMessages) attribute;
        return messages.read || messages.texts.isEmpty() ? null : messages.html();
    }

    /**
     * The messages as an accessible status block: every text HTML-escaped, no script, no style
     * (nothing a Content-Security-Policy has to allow). Marks the list read.
     */
    String html() {
        read = true;
        StringBuilder html = new StringBuilder(64 + 80 * texts.size());
        html.append("<div class=\"rejoiner-restore-messages\" role=\"status\">");
        for (String text : texts) {
            html.append("<p class=\"rejoiner-restore-message\">")
                    .append(HtmlUtils.htmlEscape(text == null ? "" : text)).append("</p>");
        }
        return html.append("</div>").toString();
    }
}
