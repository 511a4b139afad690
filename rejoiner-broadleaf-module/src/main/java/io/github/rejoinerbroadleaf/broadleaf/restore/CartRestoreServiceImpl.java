package io.github.rejoinerbroadleaf.broadleaf.restore;

import io.github.rejoinerbroadleaf.broadleaf.mapping.ProductFacts;
import io.github.rejoinerbroadleaf.broadleaf.restore.RestoreOutcome.Problem;
import io.github.rejoinerbroadleaf.broadleaf.web.StoreContext;
import io.github.rejoinerbroadleaf.restore.InvalidRestoreTokenException;
import io.github.rejoinerbroadleaf.restore.RestoreLine;
import io.github.rejoinerbroadleaf.restore.RestoreToken;
import io.github.rejoinerbroadleaf.restore.RestoreTokenCodec;
import io.github.rejoinerbroadleaf.settings.RejoinerSettings;
import io.github.rejoinerbroadleaf.settings.RejoinerSettingsService;
import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.catalog.domain.Sku;
import org.broadleafcommerce.core.catalog.service.CatalogService;
import org.broadleafcommerce.core.offer.domain.Offer;
import org.broadleafcommerce.core.offer.domain.OfferCode;
import org.broadleafcommerce.core.offer.service.OfferService;
import org.broadleafcommerce.core.offer.service.exception.OfferMaxUseExceededException;
import org.broadleafcommerce.core.order.domain.BundleOrderItem;
import org.broadleafcommerce.core.order.domain.DiscreteOrderItem;
import org.broadleafcommerce.core.order.domain.NullOrderImpl;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.domain.OrderItem;
import org.broadleafcommerce.core.order.domain.OrderItemAttribute;
import org.broadleafcommerce.core.order.service.OrderService;
import org.broadleafcommerce.core.order.service.call.OrderItemRequestDTO;
import org.broadleafcommerce.core.web.order.CartState;
import org.broadleafcommerce.profile.web.core.CustomerState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.servlet.http.HttpServletRequest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Builds restore links from Broadleaf carts and rebuilds carts from them with
 * {@link OrderService#addItem}, the same call the storefront's add-to-cart makes.
 *
 * <p>Merge rule: a line already in the visitor's cart (same SKU, same product options) ends with
 * the larger of its quantity and the link's, never the sum, so opening the same e-mail link twice
 * does not double the cart, and nothing the visitor already chose is lowered or removed.
 */
public class CartRestoreServiceImpl implements CartRestoreService {

    private static final Logger LOG = LoggerFactory.getLogger(CartRestoreServiceImpl.class);
    private static final Pattern PROMO_CODE = Pattern.compile("[A-Za-z0-9_.\\-]{1,64}");

    private final RejoinerSettingsService settingsService;
    private final RestoreKeyProvider keyProvider;
    private final OrderService orderService;
    private final CatalogService catalogService;
    private final OfferService offerService;
    private final RestoreTokenCodec codec;

    public CartRestoreServiceImpl(RejoinerSettingsService settingsService, RestoreKeyProvider keyProvider,
                                  OrderService orderService, CatalogService catalogService, OfferService offerService) {
        this(settingsService, keyProvider, orderService, catalogService, offerService, Clock.systemUTC());
    }

    /** With the clock links are issued and checked against. */
    public CartRestoreServiceImpl(RejoinerSettingsService settingsService, RestoreKeyProvider keyProvider,
                                  OrderService orderService, CatalogService catalogService, OfferService offerService,
                                  Clock clock) {
        this.codec = new RestoreTokenCodec(clock);
        this.settingsService = settingsService;
        this.keyProvider = keyProvider;
        this.orderService = orderService;
        this.catalogService = catalogService;
        this.offerService = offerService;
    }

    // ---- links -------------------------------------------------------------------------------

    @Override
    public String restoreUrl(Order cart, String baseUrl) {
        return restoreUrl(linesOf(cart), baseUrl);
    }

    @Override
    public String restoreUrl(List<RestoreLine> lines, String baseUrl) {
        if (lines == null || lines.isEmpty()) {
            return null;
        }
        RejoinerSettings settings = settingsService.current();
        String base = StoreContext.baseUrl(notBlank(baseUrl) ? baseUrl : settings.storeBaseUrl());
        if (base == null) {
            LOG.debug("No store base URL (none configured, no current request): no restore link");
            return null;
        }
        String token;
        try {
            int days = settings.restoreLinkDays() > 0 ? settings.restoreLinkDays() : RejoinerSettings.DEFAULT_RESTORE_LINK_DAYS;
            RestoreTokenCodec current = codec;
            token = current.encode(current.issue(lines, days), keyProvider.keys(settings));
        } catch (RuntimeException e) {
            LOG.warn("No cart restore link: the signing key is not available ({})", e.getClass().getSimpleName());
            return null;
        }
        while (base.endsWith("/")) {
            base = base.substring(0, base.length() - 1);
        }
        return base + PATH + "?" + TOKEN_PARAMETER + "=" + token;
    }

    @Override
    public List<RestoreLine> linesOf(Order cart) {
        if (cart == null || cart instanceof NullOrderImpl || cart.getOrderItems() == null) {
            return Collections.emptyList();
        }
        List<RestoreLine> lines = new ArrayList<RestoreLine>();
        for (OrderItem item : cart.getOrderItems()) {
            if (item.getParentOrderItem() != null) {
                continue; // a child line comes back with its parent
            }
            Sku sku;
            Product product;
            if (item instanceof DiscreteOrderItem) {
                DiscreteOrderItem discrete = (DiscreteOrderItem) item;
                if (discrete.getBundleOrderItem() != null) {
                    continue;
                }
                sku = discrete.getSku();
                product = discrete.getProduct();
            } else if (item instanceof BundleOrderItem) {
                sku = ((BundleOrderItem) item).getSku();
                product = ((BundleOrderItem) item).getProduct();
            } else {
                continue; // gift wrap and other non-catalog lines
            }
            Long productId = product == null ? null : product.getId();
            Long skuId = sku == null ? null : sku.getId();
            if (productId == null && skuId == null) {
                continue;
            }
            try {
                lines.add(RestoreLine.of(productId, skuId, item.getQuantity(), optionsOf(item, product)));
            } catch (IllegalArgumentException e) {
                LOG.debug("Cart line {} left out of the restore link: {}", item.getId(), e.getMessage());
            }
        }
        return lines;
    }

    /** The line's product-option attributes only: other attributes may hold free text the shopper typed. */
    private static Map<String, String> optionsOf(OrderItem item, Product product) {
        Map<String, String> options = new TreeMap<String, String>();
        Map<String, OrderItemAttribute> attributes = item.getOrderItemAttributes();
        if (attributes == null || attributes.isEmpty()) {
            return options;
        }
        for (String name : ProductFacts.optionNames(product)) {
            OrderItemAttribute attribute = attributes.get(name);
            if (attribute != null && attribute.getValue() != null) {
                options.put(name, attribute.getValue());
            }
        }
        return options;
    }

    @Override
    public RestoreToken verify(String token) throws InvalidRestoreTokenException {
        RejoinerSettings settings = settingsService.current();
        // The configured lifetime counts from the issue time, not only the token's own expiry field.
        int days = settings.restoreLinkDays() > 0 ? settings.restoreLinkDays() : RejoinerSettings.DEFAULT_RESTORE_LINK_DAYS;
        return codec.decode(token, keyProvider.keys(settings), days);
    }

    // ---- rebuilding --------------------------------------------------------------------------

    @Override
    public RestoreOutcome restore(RestoreToken token, String promoCode, HttpServletRequest request) {
        RestoreOutcome outcome = new RestoreOutcome();
        Order cart = CartState.getCart();
        boolean changed = false;
        for (RestoreLine line : token.lines()) {
            Product product = line.productId() == null ? null : catalogService.findProductById(line.productId());
            Sku sku = line.skuId() == null ? null : catalogService.findSkuById(line.skuId());
            String name = product != null ? product.getName() : sku != null ? sku.getName() : null;
            if (!sellable(line, product, sku)) {
                LOG.info("Cart restore skipped product {} / SKU {}: no longer available", line.productId(), line.skuId());
                outcome.notice(Problem.UNAVAILABLE, name);
                continue;
            }
            if (!hasCart(cart)) {
                cart = orderService.createNewCartForCustomer(CustomerState.getCustomer(request));
            }
            try {
                DiscreteOrderItem existing = findLine(cart, line, product);
                if (existing == null) {
                    cart = orderService.addItem(cart.getId(), requestFor(line), false);
                    changed = true;
                } else if (existing.getQuantity() < line.quantity()) {
                    OrderItemRequestDTO update = requestFor(line);
                    update.setOrderItemId(existing.getId());
                    cart = orderService.updateItemQuantity(cart.getId(), update, false);
                    changed = true;
                }
                outcome.lineRestored();
            } catch (Exception e) {
                LOG.info("Cart restore could not add product {} / SKU {}: {}", line.productId(), line.skuId(), e.toString());
                outcome.notice(Problem.NOT_ADDED, name);
                cart = orderService.findOrderById(cart.getId()); // a failed workflow leaves the cart detached
            }
        }
        // The promo parameter is not covered by the link's signature: anyone can append one. It is
        // looked up first and applied only when it is a valid, active offer code; a bad one never
        // creates a cart.
        OfferCode offerCode = notBlank(promoCode) ? validPromo(promoCode.trim(), outcome) : null;
        if (offerCode != null) {
            if (!hasCart(cart)) {
                cart = orderService.createNewCartForCustomer(CustomerState.getCustomer(request));
            }
            changed |= applyPromo(cart, offerCode, outcome);
        }
        if (hasCart(cart)) {
            if (changed) {
                try {
                    cart = orderService.save(cart, true);
                } catch (Exception e) {
                    LOG.warn("Cart {} could not be priced after a restore: {}", cart.getId(), e.toString());
                    cart = orderService.findOrderById(cart.getId());
                }
            }
            CartState.setCart(cart);
        }
        return outcome;
    }

    /** The offer code when it exists, is not archived and both it and its offer are in their date range; else null with a notice. */
    private OfferCode validPromo(String code, RestoreOutcome outcome) {
        if (!PROMO_CODE.matcher(code).matches()) {
            outcome.notice(Problem.PROMO_INVALID, null);
            return null;
        }
        OfferCode offerCode = offerService.lookupOfferCodeByCode(code);
        if (offerCode == null || archived(offerCode.getArchived()) || !current(offerCode.getStartDate(), offerCode.getEndDate())
                || offerCode.getOffer() == null || archived(offerCode.getOffer().getArchived())
                || !current(offerCode.getOffer().getStartDate(), offerCode.getOffer().getEndDate())) {
            LOG.info("Cart restore: promo code not valid");
            outcome.notice(Problem.PROMO_INVALID, code);
            return null;
        }
        return offerCode;
    }

    private static boolean archived(Character flag) {
        return flag != null && (flag == 'Y' || flag == 'y');
    }

    private boolean applyPromo(Order cart, OfferCode offerCode, RestoreOutcome outcome) {
        String code = offerCode.getOfferCode();
        if (cart.getAddedOfferCodes() != null && cart.getAddedOfferCodes().contains(offerCode)) {
            outcome.promoApplied();
            return false;
        }
        try {
            orderService.addOfferCode(cart, offerCode, false);
            outcome.promoApplied();
            return true;
        } catch (OfferMaxUseExceededException e) {
            outcome.notice(Problem.PROMO_USED_UP, code);
        } catch (Exception e) {
            LOG.info("Cart restore could not apply a promo code: {}", e.toString());
            outcome.notice(Problem.PROMO_INVALID, code);
        }
        return false;
    }

    private static boolean current(Date start, Date end) {
        Date now = new Date();
        return (start == null || !start.after(now)) && (end == null || end.after(now));
    }

    private static boolean sellable(RestoreLine line, Product product, Sku sku) {
        if (line.productId() != null && (product == null || !product.isActive())) {
            return false;
        }
        if (line.skuId() != null && (sku == null || !sku.isActive() || Boolean.FALSE.equals(sku.isAvailable()))) {
            return false;
        }
        return true;
    }

    private static boolean hasCart(Order cart) {
        return cart != null && !(cart instanceof NullOrderImpl) && cart.getId() != null;
    }

    private static OrderItemRequestDTO requestFor(RestoreLine line) {
        OrderItemRequestDTO request = new OrderItemRequestDTO();
        request.setProductId(line.productId());
        request.setSkuId(line.skuId());
        request.setQuantity(line.quantity());
        request.setItemAttributes(new HashMap<String, String>(line.options()));
        return request;
    }

    /** The cart's top-level line for the same SKU (or product) with the same product options. */
    private static DiscreteOrderItem findLine(Order cart, RestoreLine line, Product product) {
        if (cart.getDiscreteOrderItems() == null) {
            return null;
        }
        for (DiscreteOrderItem item : cart.getDiscreteOrderItems()) {
            if (item.getBundleOrderItem() != null || item.getParentOrderItem() != null) {
                continue;
            }
            boolean sameItem = line.skuId() != null
                    ? item.getSku() != null && line.skuId().equals(item.getSku().getId())
                    : item.getProduct() != null && line.productId().equals(item.getProduct().getId());
            if (sameItem && optionsOf(item, product != null ? product : item.getProduct()).equals(line.options())) {
                return item;
            }
        }
        return null;
    }

    private static boolean notBlank(String s) {
        return s != null && !s.trim().isEmpty();
    }
}
