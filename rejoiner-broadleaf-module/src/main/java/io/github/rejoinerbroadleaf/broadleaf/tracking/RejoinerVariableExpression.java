package io.github.rejoinerbroadleaf.broadleaf.tracking;

import org.broadleafcommerce.common.web.BroadleafRequestContext;
import org.broadleafcommerce.common.web.expression.BroadleafVariableExpression;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * The template hook, available in every Broadleaf template as {@code #rejoiner} (added to
 * Broadleaf's {@code blVariableExpressions}). The one line a store adds to its layout, at the end
 * of {@code <body>}:
 *
 * <pre>{@code <th:block th:utext="${#rejoiner.trackingScript()}"></th:block>}</pre>
 *
 * AJAX fragments that change what the shopper sees embed {@code ${#rejoiner.ajaxCommands()}} (a
 * JSON array of {@code [name, argument]} pairs) and push each pair with {@code _rejoiner.push}.
 *
 * <p>The hook is optional: the module places the script at the end of every full page's
 * {@code <body>} by itself ({@link RejoinerDialect}). A page whose template has the hook gets the
 * script there instead, once: whichever place renders first in a response gets it.
 *
 * <p>A shared singleton without fields of its own: everything is computed per request by
 * {@link StorefrontTracker}. Never throws; renders "" (or "[]") when there is nothing to send.
 */
public class RejoinerVariableExpression implements BroadleafVariableExpression {

    private final StorefrontTracker tracker;
    private final PageWorkMeter meter;

    public RejoinerVariableExpression(StorefrontTracker tracker) {
        this(tracker, PageWorkMeter.OFF);
    }

    /** @param meter times the hook's work for a {@link PageWorkListener} (measurements only) */
    public RejoinerVariableExpression(StorefrontTracker tracker, PageWorkMeter meter) {
        this.tracker = tracker;
        this.meter = meter == null ? PageWorkMeter.OFF : meter;
    }

    @Override
    public String getName() {
        return "rejoiner";
    }

    /** The Rejoiner script element for this page ("" when nothing is to be rendered). */
    public String trackingScript() {
        return trackingScript(null);
    }

    /** As {@link #trackingScript()}, with a CSP nonce (base64) on the script element. */
    public String trackingScript(String cspNonce) {
        long span = meter.start();
        try {
            return tracker.placeScript(request(), response(), cspNonce);
        } catch (RuntimeException | LinkageError e) {
            TrackingFailures.report("#rejoiner.trackingScript", e);
            return "";
        } finally {
            meter.stop("hook.trackingScript", span);
        }
    }

    /** This AJAX response's calls as a JSON array; {@code addPageView} uses the product shown or the request URL. */
    public String ajaxCommands() {
        return ajaxCommands(null);
    }

    /** As {@link #ajaxCommands()}, with the URL (absolute or context-relative) for {@code addPageView}. */
    public String ajaxCommands(String pageUrl) {
        long span = meter.start();
        try {
            return tracker.ajaxCommandsJson(request(), response(), pageUrl);
        } catch (RuntimeException | LinkageError e) {
            TrackingFailures.report("#rejoiner.ajaxCommands", e);
            return "[]";
        } finally {
            meter.stop("hook.ajaxCommands", span);
        }
    }

    static HttpServletRequest request() {
        BroadleafRequestContext context = BroadleafRequestContext.getBroadleafRequestContext();
        if (context != null && context.getRequest() != null) {
            return context.getRequest();
        }
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes ? ((ServletRequestAttributes) attributes).getRequest() : null;
    }

    static HttpServletResponse response() {
        BroadleafRequestContext context = BroadleafRequestContext.getBroadleafRequestContext();
        return context == null ? null : context.getResponse();
    }
}
