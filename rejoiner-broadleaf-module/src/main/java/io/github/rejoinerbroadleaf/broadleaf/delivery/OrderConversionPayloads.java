package io.github.rejoinerbroadleaf.broadleaf.delivery;

import io.github.rejoinerbroadleaf.broadleaf.mapping.OrderMapper;
import io.github.rejoinerbroadleaf.core.CampaignType;
import io.github.rejoinerbroadleaf.core.LeadConversion;
import io.github.rejoinerbroadleaf.core.LeadOperation;
import io.github.rejoinerbroadleaf.core.LeadPayloads;
import io.github.rejoinerbroadleaf.delivery.PayloadBuilder;
import io.github.rejoinerbroadleaf.delivery.PayloadUnavailableException;
import io.github.rejoinerbroadleaf.settings.ItemIdentity;
import io.github.rejoinerbroadleaf.settings.RejoinerSettings;
import org.broadleafcommerce.common.i18n.service.TranslationConsiderationContext;
import org.broadleafcommerce.common.i18n.service.TranslationService;
import org.broadleafcommerce.common.locale.service.LocaleService;
import org.broadleafcommerce.common.web.BroadleafRequestContext;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.service.OrderService;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

import java.io.UnsupportedEncodingException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST {@code lead/convert} body of a submitted order, built on a delivery thread just before
 * the first send, so that checkout pays for one small INSERT and not for the mapping.
 *
 * <p>Checkout records with {@link #reference} only what cannot be read back later: the order id,
 * the request's base URL and locale, and the settings values the body depends on (campaign types
 * and ids, item identity) as they were when the order was placed. {@link #build} reads the stored
 * order in its own read-only transaction (Broadleaf's {@code OrderService}, lazy collections
 * loaded inside it), under the recorded locale, and maps it with the same {@link OrderMapper} as
 * the confirmation page's {@code sendConversion}.
 *
 * <p>An order that is gone, or has no usable e-mail address, can never be sent: that is a
 * {@link PayloadUnavailableException} (the row becomes DISCARDED with the reason). Anything else
 * (database down) is thrown as it is, and the worker retries it like a failed send.
 */
public class OrderConversionPayloads implements PayloadBuilder {

    private final OrderService orderService;
    private final OrderMapper mapper;
    private final TransactionTemplate readOnly;
    private LocaleService localeService;
    private TranslationService translationService;

    public OrderConversionPayloads(OrderService orderService, OrderMapper mapper,
                                   PlatformTransactionManager transactionManager) {
        this.orderService = orderService;
        this.mapper = mapper;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /** Finds the recorded locale, so that translated catalog names are those the shopper saw. */
    public void setLocaleService(LocaleService localeService) {
        this.localeService = localeService;
    }

    /** Translates catalog names when the store's requests do (the checkout's request did). */
    public void setTranslationService(TranslationService translationService) {
        this.translationService = translationService;
    }

    /**
     * What checkout records for an order (a few hundred characters, no personal data, no secret).
     *
     * @param localeCode the request's Broadleaf locale code, or "" when none
     * @param translated whether the request translated catalog names (then the locale matters)
     */
    public static String reference(Order order, RejoinerSettings settings, String baseUrl, String localeCode,
                                   boolean translated) {
        Map<String, List<String>> fields = new LinkedHashMap<String, List<String>>();
        add(fields, "order", String.valueOf(order.getId()));
        add(fields, "base", baseUrl);
        add(fields, "locale", localeCode);
        add(fields, "translate", translated ? "1" : null);
        add(fields, "identity", settings.itemIdentity().name());
        for (CampaignType type : settings.campaignTypes()) {
            add(fields, "type", type.name());
        }
        for (String id : settings.campaignIds()) {
            add(fields, "campaign", id);
        }
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, List<String>> e : fields.entrySet()) {
            for (String value : e.getValue()) {
                sb.append(sb.length() == 0 ? "" : "&").append(e.getKey()).append('=').append(encode(value));
            }
        }
        return sb.toString();
    }

    @Override
    public String build(String site, LeadOperation operation, final String orderKey, String reference)
            throws PayloadUnavailableException {
        if (operation != LeadOperation.CONVERT) {
            throw new PayloadUnavailableException("only conversions are queued with a reference, not " + operation);
        }
        final Map<String, List<String>> fields = parse(reference);
        final Long orderId = orderId(fields);
        Object built;
        try {
            built = readOnly.execute(new TransactionCallback<Object>() {
                @Override
                public Object doInTransaction(TransactionStatus status) {
                    return underLocale(fields, orderId, orderKey);
                }
            });
        } catch (IllegalArgumentException e) {
            // A value of the reference no longer parses (e.g. a campaign type removed since): it never will.
            throw new PayloadUnavailableException("the queued reference is unusable: " + e.getMessage());
        }
        if (built instanceof String) {
            return (String) built;
        }
        throw new PayloadUnavailableException(String.valueOf(((Object[]) built)[0]));
    }

    /** The body, or a one-element array holding why there is none. */
    private Object underLocale(Map<String, List<String>> fields, Long orderId, String orderKey) {
        BroadleafRequestContext previous = BroadleafRequestContext.getBroadleafRequestContext();
        Boolean previousTranslation = TranslationConsiderationContext.getTranslationConsiderationContext();
        TranslationService previousService = TranslationConsiderationContext.getTranslationService();
        String locale = first(fields, "locale");
        boolean translate = "1".equals(first(fields, "translate")) && translationService != null;
        try {
            if (locale != null && localeService != null) {
                BroadleafRequestContext context = new BroadleafRequestContext();
                context.setLocale(localeService.findLocaleByCode(locale));
                BroadleafRequestContext.setBroadleafRequestContext(context);
            }
            if (translate) {
                TranslationConsiderationContext.setTranslationConsiderationContext(Boolean.TRUE);
                TranslationConsiderationContext.setTranslationService(translationService);
            }
            return map(fields, orderId, orderKey);
        } finally {
            BroadleafRequestContext.setBroadleafRequestContext(previous);
            if (translate) {
                TranslationConsiderationContext.setTranslationConsiderationContext(previousTranslation);
                TranslationConsiderationContext.setTranslationService(previousService);
            }
        }
    }

    private Object map(Map<String, List<String>> fields, Long orderId, String orderKey) {
        Order order = orderService.findOrderById(orderId);
        if (order == null || !orderKey.equals(order.getOrderNumber())) {
            return new Object[]{"order " + orderKey + " (id " + orderId + ") no longer exists"};
        }
        List<CampaignType> types = new ArrayList<CampaignType>();
        for (String type : all(fields, "type")) {
            types.add(CampaignType.valueOf(type));
        }
        String identity = first(fields, "identity");
        LeadConversion conversion = mapper.leadConversion(order, types, all(fields, "campaign"),
                identity == null ? ItemIdentity.PRODUCT : ItemIdentity.valueOf(identity), first(fields, "base"));
        if (conversion == null) {
            return new Object[]{"order " + orderKey + " has no usable e-mail address"};
        }
        return LeadPayloads.conversion(conversion);
    }

    private static Long orderId(Map<String, List<String>> fields) throws PayloadUnavailableException {
        try {
            return Long.valueOf(first(fields, "order"));
        } catch (NumberFormatException e) {
            throw new PayloadUnavailableException("the queued reference names no order id");
        }
    }

    private static Map<String, List<String>> parse(String reference) throws PayloadUnavailableException {
        Map<String, List<String>> fields = new LinkedHashMap<String, List<String>>();
        for (String pair : reference == null ? new String[0] : reference.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) {
                throw new PayloadUnavailableException("the queued reference is unreadable");
            }
            try {
                add(fields, pair.substring(0, eq), decode(pair.substring(eq + 1)));
            } catch (IllegalArgumentException e) {
                throw new PayloadUnavailableException("the queued reference is unreadable");
            }
        }
        return fields;
    }

    private static void add(Map<String, List<String>> fields, String key, String value) {
        if (value == null || value.isEmpty()) {
            return;
        }
        List<String> values = fields.get(key);
        if (values == null) {
            values = new ArrayList<String>();
            fields.put(key, values);
        }
        values.add(value);
    }

    private static String first(Map<String, List<String>> fields, String key) {
        List<String> values = fields.get(key);
        return values == null ? null : values.get(0);
    }

    private static List<String> all(Map<String, List<String>> fields, String key) {
        List<String> values = fields.get(key);
        return values == null ? new ArrayList<String>() : values;
    }

    private static String encode(String s) {
        try {
            return URLEncoder.encode(s, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String decode(String s) {
        try {
            return URLDecoder.decode(s, "UTF-8");
        } catch (UnsupportedEncodingException e) {
            throw new IllegalStateException(e);
        }
    }
}
