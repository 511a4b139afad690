package io.github.rejoinerbroadleaf.settings;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * The one declaration of a setting: its name, type, default, whether it is secret, what the admin
 * accepts, its admin label and help, and where it is stored. The resolver, the admin screen and its
 * validation, the property and variable names, the admin table's column and the README's settings
 * tables all follow from it ({@link SettingKey} for settings read per request, {@link StartupSetting}
 * for tuning read at start-up). Built with the package's fluent methods while those enums are
 * initialised, never changed afterwards. About 300 lines: one field, builder and accessor per fact
 * a declaration holds, which is the point of having them in one place.
 */
public final class Setting {

    /**
     * How a raw value is parsed and shown: TEXT (trimmed), SECRET (text never shown, logged or echoed;
     * write-only in the admin), URL (absolute), FLAG (true/false, yes/no, on/off, 1/0), NUMBER (whole,
     * within {@link #min()}..{@link #max()}), LIST (comma- or newline-separated), CHOICE (one of
     * {@link #choices()}, case-insensitive, '-' and ' ' read as '_'), CHOICES (any of them,
     * comma-separated; unknown items dropped with a warning).
     */
    public enum Kind {
        TEXT, SECRET, URL, FLAG, NUMBER, LIST, CHOICE, CHOICES
    }

    /** A rule on an entered value (already trimmed, never blank), for the admin's field check. */
    public interface Rule {
        boolean accepts(String value);
    }

    private final String name;
    private final Kind kind;
    private String defaultValue;
    private String defaultText;
    private List<String> choices = Collections.emptyList();
    private List<String> choiceLabels = Collections.emptyList();
    private List<String> aliases = Collections.emptyList();
    private long min = Long.MIN_VALUE;
    private long max = Long.MAX_VALUE;
    private String label;
    private String help;
    private String placeholder;
    private String column;
    private int columnLength;
    private int maxLength;
    private Rule rule;
    private String invalidMessage;
    private String tooLongMessage;
    private boolean required;
    private boolean trailingSlashDropped;
    private boolean secretHint;
    private boolean multiline;

    private Setting(String name, Kind kind) {
        this.name = name;
        this.kind = kind;
    }

    public static Setting of(String name, Kind kind) {
        return new Setting(name, kind);
    }

    // ---- fluent declaration (used only while the enums are built) ----

    Setting label(String label, String help) {
        this.label = label;
        this.help = help;
        return this;
    }

    Setting byDefault(String value) {
        this.defaultValue = value;
        return this;
    }

    /** How the README names a default that is not a literal value ("the generation's"). */
    Setting defaultText(String text) {
        this.defaultText = text;
        return this;
    }

    /** Canonical values with their admin labels: value, label, value, label, ... */
    Setting choices(String... valuesAndLabels) {
        List<String> values = new ArrayList<String>();
        List<String> labels = new ArrayList<String>();
        for (int i = 0; i < valuesAndLabels.length; i += 2) {
            values.add(valuesAndLabels[i]);
            labels.add(valuesAndLabels[i + 1]);
        }
        this.choices = Collections.unmodifiableList(values);
        this.choiceLabels = Collections.unmodifiableList(labels);
        return this;
    }

    /** Other spellings accepted for the choices, pairwise: alias, choice, alias, choice, ... */
    Setting aliases(String... aliasAndChoice) {
        this.aliases = Collections.unmodifiableList(Arrays.asList(aliasAndChoice));
        return this;
    }

    Setting bounds(long min, long max) {
        this.min = min;
        this.max = max;
        return this;
    }

    /** Stored in the admin's row ({@code RJ_ADMIN_SETTINGS}) in this column, at most this long. */
    Setting column(String column, int length) {
        this.column = column;
        this.columnLength = length;
        return this;
    }

    Setting placeholder(String placeholder) {
        this.placeholder = placeholder;
        return this;
    }

    /** The admin's check of an entered value, and the message it shows when the check fails. */
    Setting check(int maxLength, Rule rule, String invalidMessage) {
        this.maxLength = maxLength;
        this.rule = rule;
        this.invalidMessage = invalidMessage;
        return this;
    }

    /** A message of its own for a value over {@link #maxLength()} (else the invalid-value message). */
    Setting tooLong(String message) {
        this.tooLongMessage = message;
        return this;
    }

    /** The admin refuses a blank value. */
    Setting required() {
        this.required = true;
        return this;
    }

    Setting withoutTrailingSlash() {
        this.trailingSlashDropped = true;
        return this;
    }

    /** A list edited one item per line (a text area in the admin, stored newline-separated). */
    Setting onePerLine() {
        this.multiline = true;
        return this;
    }

    /** The admin may show the stored value's last four characters (long keys only). */
    Setting lastFourShown() {
        this.secretHint = true;
        return this;
    }

    // ---- what follows from the declaration ----

    /** The camel-case name: admin field, property suffix, e.g. {@code siteId} or {@code delivery.threads}. */
    public String name() {
        return name;
    }

    public Kind kind() {
        return kind;
    }

    /** The JVM system property (and the store's runtime property), e.g. {@code rejoiner.siteId}. */
    public String systemProperty() {
        return "rejoiner." + name;
    }

    /** The environment variable: {@code REJOINER_} and the name in upper snake case, e.g. {@code REJOINER_SITE_ID}. */
    public String environmentVariable() {
        return "REJOINER_" + upperSnake(name);
    }

    public boolean isSecret() {
        return kind == Kind.SECRET;
    }

    /** The raw default (parsed like any value), or null for none. */
    public String defaultValue() {
        return defaultValue;
    }

    /** The default as documented: {@link #defaultText(String)} or the raw default, or null. */
    public String documentedDefault() {
        return defaultText != null ? defaultText : defaultValue;
    }

    public List<String> choices() {
        return choices;
    }

    public List<String> choiceLabels() {
        return choiceLabels;
    }

    public long min() {
        return min;
    }

    public long max() {
        return max;
    }

    public String label() {
        return label;
    }

    /** One line of help: the README's "meaning" and the admin's hint. */
    public String help() {
        return help;
    }

    public String placeholder() {
        return placeholder;
    }

    /** The admin table's column, or null when the admin does not store this setting. */
    public String column() {
        return column;
    }

    public int columnLength() {
        return columnLength;
    }

    public boolean storedInAdmin() {
        return column != null;
    }

    /** Longest value the admin accepts (0: no limit of its own). */
    public int maxLength() {
        return maxLength;
    }

    public boolean dropsTrailingSlash() {
        return trailingSlashDropped;
    }

    public boolean isOnePerLine() {
        return multiline;
    }

    public boolean showsLastFour() {
        return secretHint;
    }

    /**
     * The admin's verdict on an entered value: null when it may be saved, else the message to show.
     * Blank values pass (unset) unless the setting is declared required.
     */
    public String problemWith(String value) {
        String v = value == null ? null : value.trim();
        if (v == null || v.isEmpty()) {
            return required ? invalidMessage : null;
        }
        if (maxLength > 0 && v.length() > maxLength) {
            return tooLongMessage != null ? tooLongMessage : invalidMessage;
        }
        boolean accepted = rule == null || rule.accepts(v);
        if (kind == Kind.NUMBER) {
            accepted &= number(v) != null;
        } else if (kind == Kind.CHOICE) {
            accepted &= choiceOf(v) != null;
        } else if (kind == Kind.CHOICES) {
            for (String item : SettingsResolver.list(v)) {
                accepted &= choiceOf(item) != null;
            }
        }
        return accepted ? null : invalidMessage;
    }

    /** The canonical choice a raw value names, or null. */
    public String choiceOf(String raw) {
        String normalised = raw.trim().toUpperCase(Locale.ROOT).replace('-', '_').replace(' ', '_');
        for (String choice : choices) {
            if (choice.equalsIgnoreCase(normalised) || choice.equalsIgnoreCase(raw.trim())) {
                return choice;
            }
        }
        for (int i = 0; i + 1 < aliases.size(); i += 2) {
            if (aliases.get(i).equalsIgnoreCase(normalised)) {
                return aliases.get(i + 1);
            }
        }
        return null;
    }

    /** The whole number a raw value names, if it is one within the bounds; else null. */
    public Long number(String raw) {
        try {
            long n = Long.parseLong(raw.trim());
            return n >= min && n <= max ? Long.valueOf(n) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String upperSnake(String camel) {
        return camel.replace('.', '_').replaceAll("([a-z0-9])([A-Z])", "$1_$2").toUpperCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return systemProperty();
    }
}
