package io.github.rejoinerbroadleaf.broadleaf.tracking;

import io.github.rejoinerbroadleaf.broadleaf.restore.CartRestoreController;
import io.github.rejoinerbroadleaf.broadleaf.restore.RestoreMessages;
import org.thymeleaf.Arguments;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dom.Element;
import org.thymeleaf.dom.Macro;
import org.thymeleaf.dom.NestableNode;
import org.thymeleaf.processor.ElementNameProcessorMatcher;
import org.thymeleaf.processor.IProcessor;
import org.thymeleaf.processor.ProcessorResult;
import org.thymeleaf.processor.element.AbstractElementProcessor;

import java.util.HashSet;
import java.util.Set;

/**
 * Automatic placement of the tracking script: a Thymeleaf dialect the module merges into
 * Broadleaf's storefront template engine ({@code blWebTemplateEngine}; the admin's and the e-mail
 * engines do not get it), so every template with a {@code <body>} (a full page, with a layout or
 * without) ends with the Rejoiner script, and templates without one (AJAX fragments) never do.
 *
 * <p>Two steps, so that the decision is made after everything else in the page has rendered: the
 * {@code <body>} processor only appends an empty placeholder element as body's last child; Thymeleaf
 * processes children in document order, so the placeholder is processed after every other child of
 * the body, including a template hook {@code ${#rejoiner.trackingScript()}} anywhere in the page (a
 * hook in {@code <head>} renders even earlier). The placeholder then asks
 * {@link StorefrontTracker#automaticScript} and is replaced by the script, or by nothing when the
 * hook already placed it, automatic placement is off, or tracking is off.
 *
 * <p>The same placeholder places the outcome of a cart restore link: when the response carries
 * {@link RestoreMessages} (the page right after a restore link was opened) that the template did not
 * show itself ({@code ${rejoinerRestoreMessages}}), an escaped status block is inserted at the start
 * of {@code <body>}. Pages without such messages pay one variable look-up.
 *
 * <p>Matching costs nothing per node: Thymeleaf indexes element processors by element name, so
 * only {@code <body>} and the placeholder reach this dialect's code.
 */
public class RejoinerDialect extends AbstractDialect {

    /** The placeholder's element name (never in the output: it is always replaced). */
    static final String PLACEHOLDER = "rejoiner-placement";

    private final StorefrontTracker tracker;
    private final PageWorkMeter meter;

    public RejoinerDialect(StorefrontTracker tracker) {
        this(tracker, PageWorkMeter.OFF);
    }

    /** @param meter times the dialect's work for a {@link PageWorkListener} (measurements only) */
    public RejoinerDialect(StorefrontTracker tracker, PageWorkMeter meter) {
        this.tracker = tracker;
        this.meter = meter == null ? PageWorkMeter.OFF : meter;
    }

    @Override
    public String getPrefix() {
        return "rejoiner";
    }

    @Override
    public Set<IProcessor> getProcessors() {
        Set<IProcessor> processors = new HashSet<IProcessor>();
        processors.add(new BodyProcessor(meter));
        processors.add(new PlaceholderProcessor(tracker, meter));
        return processors;
    }

    /** Appends the placeholder to {@code <body>}; runs after the body's own attribute processors. */
    static final class BodyProcessor extends AbstractElementProcessor {

        private final PageWorkMeter meter;

        BodyProcessor(PageWorkMeter meter) {
            super(new ElementNameProcessorMatcher("body", false));
            this.meter = meter;
        }

        @Override
        public int getPrecedence() {
            // Last among the body's processors: a th:include/th:replace on <body> must not drop the placeholder.
            return Integer.MAX_VALUE;
        }

        @Override
        protected ProcessorResult processElement(Arguments arguments, Element body) {
            long span = meter.start();
            body.addChild(new Element(PLACEHOLDER));
            meter.stop("dialect.body", span);
            return ProcessorResult.OK;
        }
    }

    /** Replaces the placeholder with the script (or nothing). Never fails the page. */
    static final class PlaceholderProcessor extends AbstractElementProcessor {

        private final StorefrontTracker tracker;
        private final PageWorkMeter meter;

        PlaceholderProcessor(StorefrontTracker tracker, PageWorkMeter meter) {
            super(new ElementNameProcessorMatcher(PLACEHOLDER, false));
            this.tracker = tracker;
            this.meter = meter;
        }

        @Override
        public int getPrecedence() {
            return 1000;
        }

        @Override
        protected ProcessorResult processElement(Arguments arguments, Element placeholder) {
            long span = meter.start();
            String script;
            try {
                script = tracker.automaticScript(RejoinerVariableExpression.request(), RejoinerVariableExpression.response());
            } catch (RuntimeException | LinkageError e) {
                TrackingFailures.report("automatic placement", e);
                script = "";
            }
            placeholder.clearChildren();
            if (!script.isEmpty()) {
                placeholder.addChild(new Macro(script));
            }
            NestableNode parent = placeholder.getParent();
            if (parent != null) {
                parent.extractChild(placeholder); // the script (if any) takes the placeholder's place
                placeRestoreMessages(arguments, parent);
            }
            meter.stop("dialect.placement", span);
            return ProcessorResult.OK;
        }

        /** The restore link's messages at the start of the body, unless the template showed them. */
        private static void placeRestoreMessages(Arguments arguments, NestableNode body) {
            try {
                // The model (with the flash attributes after a redirect) is the template's variables.
                String html = RestoreMessages.unreadHtml(arguments.getContext().getVariables().get(CartRestoreController.MESSAGES));
                if (html != null) {
                    body.insertChild(0, new Macro(html));
                }
            } catch (RuntimeException | LinkageError e) {
                TrackingFailures.report("restore messages", e);
            }
        }
    }
}
