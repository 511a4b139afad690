package io.github.rejoinerbroadleaf.broadleaf.tracking;

import org.broadleafcommerce.common.web.BroadleafRequestContext;
import org.broadleafcommerce.core.catalog.domain.Product;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.handler.HandlerInterceptorAdapter;
import org.springframework.web.servlet.view.RedirectView;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/**
 * Spring MVC hook run after every storefront controller and before its view renders: records the
 * product the page shows (model attribute {@code product}: Broadleaf's product controller and
 * quick views) into the request's {@link RejoinerPageData}, and marks the response
 * {@code private, no-store} when its Rejoiner script will carry shopper data. For an XHR or
 * {@code fetch} request that renders a view it records the AJAX view ({@link StorefrontTracker#viewChosen}). The module registers
 * it for every dispatcher servlet through a {@code MappedInterceptor} bean in the root context.
 */
public class RejoinerTrackingInterceptor extends HandlerInterceptorAdapter {

    /** Model attribute Broadleaf's product controller uses for the product. */
    public static final String PRODUCT_ATTRIBUTE = "product";

    private final StorefrontTracker tracker;
    private final PageWorkMeter meter;
    private Runnable startupCheck;

    public RejoinerTrackingInterceptor(StorefrontTracker tracker) {
        this(tracker, PageWorkMeter.OFF);
    }

    /** @param meter times the interceptor's work for a {@link PageWorkListener} (measurements only) */
    public RejoinerTrackingInterceptor(StorefrontTracker tracker, PageWorkMeter meter) {
        this.tracker = tracker;
        this.meter = meter == null ? PageWorkMeter.OFF : meter;
    }

    /** The install check to report at the first request (all servlets have started by then). */
    public void setStartupCheck(Runnable startupCheck) {
        this.startupCheck = startupCheck;
    }

    @Override
    public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
        Runnable check = startupCheck;
        if (check != null) {
            startupCheck = null; // one report; later requests skip even the check
            check.run();
        }
        return true;
    }

    @Override
    public void postHandle(HttpServletRequest request, HttpServletResponse response, Object handler,
                           ModelAndView modelAndView) {
        long span = meter.start();
        try {
            if (modelAndView == null || isRedirect(modelAndView) || isAdmin()) {
                return;
            }
            Object product = modelAndView.getModelMap().get(PRODUCT_ATTRIBUTE);
            tracker.viewChosen(request, response, product instanceof Product ? (Product) product : null);
        } catch (RuntimeException | LinkageError e) {
            TrackingFailures.report("interceptor", e);
        } finally {
            meter.stop("interceptor.postHandle", span);
        }
    }

    private static boolean isRedirect(ModelAndView mav) {
        String name = mav.getViewName();
        return (name != null && (name.startsWith("redirect:") || name.startsWith("forward:")))
                || mav.getView() instanceof RedirectView;
    }

    private static boolean isAdmin() {
        BroadleafRequestContext context = BroadleafRequestContext.getBroadleafRequestContext();
        return context != null && Boolean.TRUE.equals(context.getAdmin());
    }
}
