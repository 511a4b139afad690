package io.github.rejoinerbroadleaf.broadleaf.tracking;

import io.github.rejoinerbroadleaf.broadleaf.web.ModulePaths;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * {@code GET /rejoiner/ajax-calls}: asked by the base snippet's AJAX bootstrap after the page's own
 * XHR or {@code fetch} requests; answers the Rejoiner calls for the cart changes since this browser
 * was last told ({@link StorefrontTracker#ajaxPushJson}), as a JSON array of {@code [name, argument]}
 * pairs. Always 200 with {@code Cache-Control: no-store} ("[]" when nothing changed or anything
 * fails, and without the bootstrap's {@code X-Requested-With} header: a cross-site page cannot make
 * a browser use up its one-off calls); written by hand, so the store's JSON converters are never involved.
 *
 * <p>Lives in the storefront's DispatcherServlet context ({@code classpath*:bl-rejoiner-servlet.xml}),
 * behind Broadleaf's filters, which load the shopper's cart. Being mapped is what switches the
 * bootstrap on: it registers its path with the tracker at start-up. Bean {@code blRejoinerAjaxCallsController}.
 */
@Controller
public class AjaxCallsController {

    /** The endpoint's path within the storefront servlet. */
    public static final String PATH = ModulePaths.AJAX_CALLS;

    private final StorefrontTracker tracker;

    public AjaxCallsController(StorefrontTracker tracker) {
        this.tracker = tracker;
        tracker.enableAjaxEndpoint(PATH);
    }

    @RequestMapping(value = PATH, method = RequestMethod.GET)
    public void calls(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String json;
        try {
            // Only the bootstrap's own XHR may move the snapshot on: another site can make a browser send
            // a plain GET (an image, a link) but not this header without a CORS preflight, which fails.
            json = isBootstrapRequest(request) ? tracker.ajaxPushJson(request, response) : "[]";
        } catch (RuntimeException | LinkageError e) {
            TrackingFailures.report("ajax endpoint", e);
            json = "[]";
        }
        response.setStatus(HttpServletResponse.SC_OK);
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setContentType("application/json;charset=UTF-8");
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(body.length);
        response.getOutputStream().write(body);
    }

    /** GET only: HEAD and every other method answer 405 (a 405 rather than Spring's exception, which stores render as 500). */
    @RequestMapping(value = PATH, method = {RequestMethod.HEAD, RequestMethod.POST, RequestMethod.PUT,
            RequestMethod.DELETE, RequestMethod.PATCH})
    public void otherMethods(HttpServletResponse response) {
        response.setHeader("Allow", "GET");
        response.setHeader("Cache-Control", "no-store");
        response.setStatus(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
    }

    /** The bootstrap's XHR: {@code X-Requested-With: XMLHttpRequest}, and not marked cross-site by the browser. */
    static boolean isBootstrapRequest(HttpServletRequest request) {
        return "XMLHttpRequest".equals(request.getHeader("X-Requested-With"))
                && !"cross-site".equals(request.getHeader("Sec-Fetch-Site"));
    }
}
