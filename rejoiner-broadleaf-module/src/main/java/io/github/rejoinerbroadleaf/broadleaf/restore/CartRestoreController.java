package io.github.rejoinerbroadleaf.broadleaf.restore;

import io.github.rejoinerbroadleaf.restore.InvalidRestoreTokenException;
import io.github.rejoinerbroadleaf.restore.RestoreToken;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceAware;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.io.UnsupportedEncodingException;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * {@code GET /rejoiner/cart/restore?t=...}: the link in Rejoiner's e-mails. A valid link merges its
 * lines into the visitor's cart and redirects to the cart page, keeping {@code utm_*} and Rejoiner's
 * own ({@code rj*}, {@code rejoiner*}) parameters; {@code promo} applies an offer code. A bad link
 * renders the cart page (the visitor's cart untouched) with a message and status 400, or 410 when
 * it has expired.
 *
 * <p>Messages reach the cart page as the model attribute {@value #MESSAGES} (a list of strings,
 * {@link RestoreMessages}), a flash attribute after the redirect. The automatic placement shows them
 * at the start of the page's {@code <body>} unless the template shows them itself. Texts come from
 * the store's message source (codes {@code rejoiner.restore.*}), with English defaults.
 *
 * <p>Lives in the storefront's DispatcherServlet context: list {@code classpath*:bl-rejoiner-servlet.xml}
 * in its {@code contextConfigLocation}. Bean {@code blRejoinerCartRestoreController}.
 */
@Controller
public class CartRestoreController implements MessageSourceAware {

    /** Model / flash attribute with the shopper-facing messages. */
    public static final String MESSAGES = "rejoinerRestoreMessages";

    private static final Logger LOG = LoggerFactory.getLogger(CartRestoreController.class);
    private static final Pattern PASS_THROUGH = Pattern.compile("(?i)(utm_|rj|rejoiner)[a-z0-9_.\\-]{0,40}");
    private static final int MAX_PASS_THROUGH = 20;
    private static final int MAX_VALUE_LENGTH = 200;

    private final CartRestoreService restoreService;
    private MessageSource messages;
    private String cartPath = "/cart";
    private String invalidLinkView = "cart/cart";

    public CartRestoreController(CartRestoreService restoreService) {
        this.restoreService = restoreService;
    }

    /** Where a restored cart is shown (context-relative); default {@code /cart}. */
    public void setCartPath(String cartPath) {
        this.cartPath = cartPath;
    }

    /** View rendered for a bad link; default {@code cart/cart}. */
    public void setInvalidLinkView(String invalidLinkView) {
        this.invalidLinkView = invalidLinkView;
    }

    @Override
    public void setMessageSource(MessageSource messageSource) {
        this.messages = messageSource;
    }

    /**
     * Browsers announce speculative loads (link prefetch, prerender); a restore must only happen when
     * the shopper really opens the link. Declined with 503 and {@code no-store}, which makes the
     * browser drop the prefetch and load the link for real on a click; no session, no cart.
     */
    @RequestMapping(value = CartRestoreService.PATH, method = RequestMethod.GET, headers = "Sec-Purpose")
    public void declineSecPurposePrefetch(HttpServletResponse response) {
        declineSpeculativeLoad(response);
    }

    @RequestMapping(value = CartRestoreService.PATH, method = RequestMethod.GET, headers = "Purpose")
    public void declinePurposePrefetch(HttpServletResponse response) {
        declineSpeculativeLoad(response);
    }

    @RequestMapping(value = CartRestoreService.PATH, method = RequestMethod.GET, headers = "X-Moz")
    public void declineMozPrefetch(HttpServletResponse response) {
        declineSpeculativeLoad(response);
    }

    /** HEAD (link checkers, mail scanners) and every other method: 405, nothing restored. */
    @RequestMapping(value = CartRestoreService.PATH, method = {RequestMethod.HEAD, RequestMethod.POST,
            RequestMethod.PUT, RequestMethod.DELETE, RequestMethod.PATCH})
    public void otherMethods(HttpServletResponse response) {
        RestoreLinkRequestFilter.methodNotAllowed(response);
    }

    private static void declineSpeculativeLoad(HttpServletResponse response) {
        RestoreLinkRequestFilter.declineSpeculativeLoad(response);
    }

    @RequestMapping(value = CartRestoreService.PATH, method = RequestMethod.GET)
    public String restore(@RequestParam(value = CartRestoreService.TOKEN_PARAMETER, required = false) String token,
                          @RequestParam(value = "promo", required = false) String promo,
                          HttpServletRequest request, HttpServletResponse response, Model model,
                          RedirectAttributes redirect) {
        RestoreToken verified;
        try {
            verified = restoreService.verify(token);
        } catch (InvalidRestoreTokenException e) {
            LOG.info("Refused a cart restore link: {} ({} characters)", e.reason(), token == null ? 0 : token.length());
            boolean expired = e.reason() == InvalidRestoreTokenException.Reason.EXPIRED;
            response.setStatus(expired ? HttpServletResponse.SC_GONE : HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute(MESSAGES, messages(expired
                    ? text(request, "rejoiner.restore.expired", "This cart link has expired. Your cart has not been changed.", null)
                    : text(request, "rejoiner.restore.invalid", "This cart link is not valid. Please check that you opened the whole link.", null)));
            return invalidLinkView;
        } catch (RuntimeException e) {
            LOG.warn("Cart restore links cannot be checked now: {}", e.toString());
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            model.addAttribute(MESSAGES, messages(
                    text(request, "rejoiner.restore.unavailable", "Cart links cannot be opened right now. Please try again later.", null)));
            return invalidLinkView;
        }

        RestoreOutcome outcome = restoreService.restore(verified, promo, request);
        LOG.info("Restored a cart from a link: {}", outcome);
        List<String> shown = new ArrayList<String>();
        for (RestoreOutcome.Notice notice : outcome.notices()) {
            shown.add(describe(request, notice));
        }
        if (!shown.isEmpty()) {
            redirect.addFlashAttribute(MESSAGES, new RestoreMessages(shown));
        }
        return "redirect:" + cartPath + passThroughQuery(request);
    }

    private static RestoreMessages messages(String text) {
        return new RestoreMessages(Collections.singletonList(text));
    }

    private String describe(HttpServletRequest request, RestoreOutcome.Notice notice) {
        String subject = notice.subject();
        switch (notice.problem()) {
            case UNAVAILABLE:
                return subject == null
                        ? text(request, "rejoiner.restore.itemUnavailable", "An item from your saved cart is no longer available.", null)
                        : text(request, "rejoiner.restore.productUnavailable", "{0} is no longer available and was not added to your cart.", subject);
            case NOT_ADDED:
                return subject == null
                        ? text(request, "rejoiner.restore.itemNotAdded", "An item from your saved cart could not be added.", null)
                        : text(request, "rejoiner.restore.productNotAdded", "{0} could not be added to your cart.", subject);
            case PROMO_USED_UP:
                return text(request, "rejoiner.restore.promoUsedUp", "The promo code {0} can no longer be used.", subject);
            case PROMO_INVALID:
            default:
                return subject == null
                        ? text(request, "rejoiner.restore.promoInvalid", "The promo code is not valid.", null)
                        : text(request, "rejoiner.restore.promoCodeInvalid", "The promo code {0} is not valid.", subject);
        }
    }

    private String text(HttpServletRequest request, String code, String defaultText, String argument) {
        Object[] args = argument == null ? null : new Object[] {argument};
        Locale locale = RequestContextUtils.getLocale(request);
        if (messages != null) {
            try {
                return messages.getMessage(code, args, defaultText, locale == null ? Locale.getDefault() : locale);
            } catch (RuntimeException e) {
                LOG.debug("Message {} not resolved: {}", code, e.toString());
            }
        }
        return argument == null ? defaultText : defaultText.replace("{0}", argument);
    }

    /** {@code ?utm_source=...&rjid=...}: allow-listed tracking parameters, first value each, length-capped. */
    static String passThroughQuery(HttpServletRequest request) {
        StringBuilder query = new StringBuilder();
        int kept = 0;
        TreeSet<String> names = new TreeSet<String>();
        for (Enumeration<String> e = request.getParameterNames(); e.hasMoreElements(); ) {
            names.add(e.nextElement());
        }
        for (String name : names) {
            if (kept >= MAX_PASS_THROUGH) {
                break;
            }
            if (!PASS_THROUGH.matcher(name).matches()) {
                continue;
            }
            String value = request.getParameter(name);
            if (value == null || value.length() > MAX_VALUE_LENGTH) {
                continue;
            }
            query.append(kept == 0 ? '?' : '&').append(encode(name)).append('=').append(encode(value));
            kept++;
        }
        return query.toString();
    }

    private static String encode(String s) {
        try {
            return URLEncoder.encode(s, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
