package io.github.rejoinerbroadleaf.broadleaf.restore;

import io.github.rejoinerbroadleaf.broadleaf.web.StoreContext;
import io.github.rejoinerbroadleaf.restore.InvalidRestoreTokenException;
import io.github.rejoinerbroadleaf.restore.OrderLinkCodec;
import io.github.rejoinerbroadleaf.settings.RejoinerSettings;
import io.github.rejoinerbroadleaf.settings.RejoinerSettingsService;
import org.broadleafcommerce.core.order.domain.Order;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;

/**
 * Signed, expiring, read-only links to one order's summary ({@value #PATH}{@code ?t=...}), the
 * {@code return_url} of a guest's converted order. Keys and lifetime are those of cart restore
 * links ({@code restoreLinkKey}, the generated key, {@code restoreLinkDays}).
 */
public class OrderSummaryLinks {

    public static final String PATH = "/rejoiner/order";
    public static final String TOKEN_PARAMETER = "t";

    private static final Logger LOG = LoggerFactory.getLogger(OrderSummaryLinks.class);

    private final RejoinerSettingsService settingsService;
    private final RestoreKeyProvider keyProvider;
    private final OrderLinkCodec codec;

    public OrderSummaryLinks(RejoinerSettingsService settingsService, RestoreKeyProvider keyProvider) {
        this(settingsService, keyProvider, Clock.systemUTC());
    }

    public OrderSummaryLinks(RejoinerSettingsService settingsService, RestoreKeyProvider keyProvider, Clock clock) {
        this.settingsService = settingsService;
        this.keyProvider = keyProvider;
        this.codec = new OrderLinkCodec(clock);
    }

    /** The absolute link for a saved order, or null when none can be made (no id, no base URL, no key). */
    public String link(Order order, String baseUrl) {
        if (order == null || order.getId() == null) {
            return null;
        }
        RejoinerSettings settings = settingsService.current();
        String base = StoreContext.baseUrl(baseUrl != null && !baseUrl.trim().isEmpty() ? baseUrl : settings.storeBaseUrl());
        if (base == null) {
            return null;
        }
        try {
            String token = codec.encode(order.getId(), days(settings), keyProvider.keys(settings));
            while (base.endsWith("/")) {
                base = base.substring(0, base.length() - 1);
            }
            return base + PATH + "?" + TOKEN_PARAMETER + "=" + token;
        } catch (RuntimeException e) {
            LOG.warn("No order summary link: the signing key is not available ({})", e.getClass().getSimpleName());
            return null;
        }
    }

    /** The order id behind a link's token. */
    public long verify(String token) throws InvalidRestoreTokenException {
        RejoinerSettings settings = settingsService.current();
        return codec.decode(token, keyProvider.keys(settings), days(settings));
    }

    private static int days(RejoinerSettings settings) {
        return settings.restoreLinkDays() > 0 ? settings.restoreLinkDays() : RejoinerSettings.DEFAULT_RESTORE_LINK_DAYS;
    }
}
