package io.github.rejoinerbroadleaf.broadleaf.mapping;

import io.github.rejoinerbroadleaf.settings.ItemIdentity;
import io.github.rejoinerbroadleaf.settings.RejoinerSettings;
import io.github.rejoinerbroadleaf.settings.RejoinerSettingsService;
import io.github.rejoinerbroadleaf.core.CampaignType;
import io.github.rejoinerbroadleaf.core.CartData;
import io.github.rejoinerbroadleaf.core.CartItem;
import io.github.rejoinerbroadleaf.core.Cents;
import io.github.rejoinerbroadleaf.core.Conversion;
import io.github.rejoinerbroadleaf.core.CustomerData;
import io.github.rejoinerbroadleaf.core.LeadConversion;
import io.github.rejoinerbroadleaf.core.ProductView;
import io.github.rejoinerbroadleaf.core.UrlResolver;
import org.broadleafcommerce.common.media.domain.Media;
import org.broadleafcommerce.common.money.Money;
import org.broadleafcommerce.common.web.BroadleafRequestContext;
import org.broadleafcommerce.core.catalog.domain.Category;
import org.broadleafcommerce.core.catalog.domain.CategoryProductXref;
import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.catalog.domain.ProductOption;
import org.broadleafcommerce.core.catalog.domain.Sku;
import org.broadleafcommerce.core.offer.domain.OfferCode;
import org.broadleafcommerce.core.order.domain.DiscreteOrderItem;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.domain.OrderItemAttribute;
import org.broadleafcommerce.profile.core.domain.Customer;
import org.broadleafcommerce.profile.core.domain.CustomerAttribute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Maps Broadleaf's domain objects to Rejoiner's: the one place that defines what Rejoiner sees of
 * a store, shared by the storefront tracking (JavaScript) and the checkout activity (REST
 * {@code lead/convert}), so both send the same ids, values and items.
 *
 * <h2>Definitions</h2>
 * <ul>
 * <li>{@code product_id}: the Broadleaf product id as a string ({@link #productId(Product)}), for
 * product views, cart items and removals alike.</li>
 * <li>Cart lines of the same product (two sizes of a shirt) become <em>one</em> item: quantities
 * summed, {@code price} the unit price (the quantity-weighted average when the lines differ), the
 * line attributes that are product options as custom fields, e.g. {@code SIZE = "M, L"}.</li>
 * <li>{@code cart_value}: merchandise total after all discounts, before shipping and tax:
 * {@code order.getSubTotal() - order.getOrderAdjustmentsValue()} ({@link #cartValue(Order)}).</li>
 * <li>{@code cart_item_count}: the total quantity of the cart's discrete items.</li>
 * <li>Categories: the default category first, then every other parent category
 * ({@code Product.getAllParentCategoryXrefs()}), by name, without duplicates.</li>
 * <li>Product view price: {@code defaultSku.getPrice()} (the sale price while a sale is active).
 * Cart item price: the line's {@code getAveragePrice()} (after item-level discounts).</li>
 * <li>URLs: Broadleaf's product, media and page URLs are context-relative ({@code /hot-sauces/x});
 * they are resolved under the store base URL including its context path.</li>
 * </ul>
 *
 * <p>Stateless and thread-safe; never throws for odd data (missing SKU, price, media or
 * categories): what cannot be mapped is left out.
 */
public class OrderMapper {

    private static final Logger LOG = LoggerFactory.getLogger(OrderMapper.class);

    /** Longest description sent for a cart item (characters); longer ones are cut. */
    public static final int MAX_DESCRIPTION_LENGTH = 500;

    /** Products whose catalog facts are kept at most. */
    static final int PRODUCT_CACHE_ENTRIES = 10000;

    private final ReturnUrls returnUrls;
    /** Product facts by product id and locale, or null when not cached. */
    private final ExpiringCache<String, ProductInfo> productCache;

    /** A mapper that reads every product afresh (tests, one-off use). */
    public OrderMapper(ReturnUrls returnUrls) {
        this(returnUrls, 0);
    }

    /**
     * @param productCacheMillis how long a product's catalog facts (name, categories, URLs,
     *        description; never prices) are reused; 0 for no cache
     */
    public OrderMapper(ReturnUrls returnUrls, long productCacheMillis) {
        this.returnUrls = returnUrls == null ? new DefaultReturnUrls() : returnUrls;
        this.productCache = productCacheMillis > 0
                ? new ExpiringCache<String, ProductInfo>(PRODUCT_CACHE_ENTRIES, productCacheMillis) : null;
    }

    public ReturnUrls returnUrls() {
        return returnUrls;
    }

    // ------------------------------------------------------------------ products

    /** Rejoiner's {@code product_id}: the Broadleaf product id as a string, or null. */
    public static String productId(Product product) {
        return product == null || product.getId() == null ? null : String.valueOf(product.getId());
    }

    private volatile RejoinerSettingsService settingsService;

    /** Where the {@code itemIdentity} setting is read (without one, items are products). */
    public void setSettingsService(RejoinerSettingsService settingsService) {
        this.settingsService = settingsService;
    }

    /** The {@code itemIdentity} in force; PRODUCT when it cannot be read. */
    public ItemIdentity itemIdentity() {
        RejoinerSettingsService s = settingsService;
        if (s == null) {
            return ItemIdentity.PRODUCT;
        }
        try {
            return s.current().itemIdentity();
        } catch (RuntimeException e) {
            return ItemIdentity.PRODUCT;
        }
    }

    /** Rejoiner's {@code product_id} of a cart line under the given identity: its product's id or its SKU's id. */
    static String itemId(DiscreteOrderItem line, ItemIdentity identity) {
        if (identity == ItemIdentity.SKU) {
            Sku sku = line.getSku();
            return sku == null || sku.getId() == null ? null : String.valueOf(sku.getId());
        }
        return productId(line.getProduct());
    }

    /** {@code trackProductView} data for a product page or quick view. */
    public ProductView productView(Product product, UrlResolver urls) {
        String id = productId(product);
        if (product != null && itemIdentity() == ItemIdentity.SKU) {
            // A product page shows the default SKU until the shopper picks options.
            Sku sku = product.getDefaultSku();
            id = sku == null || sku.getId() == null ? id : String.valueOf(sku.getId());
        }
        ProductView.Builder b = ProductView.builder(urls)
                .productId(id);
        if (product == null) {
            return b.build();
        }
        ProductInfo info = info(product);
        b.name(info.name).categories(info.categories);
        BigDecimal price = viewPrice(product);
        if (price != null) {
            b.price(price);
        }
        b.productUrl(info.url);
        b.imageUrl(info.imageUrl);
        return b.build();
    }

    /** The price a product view shows: the default SKU's price (the sale price while a sale is active), or null. */
    public static BigDecimal viewPrice(Product product) {
        return product == null ? null : amount(skuPrice(product.getDefaultSku()));
    }

    /** The product's catalog facts, from the short-lived cache when enabled. */
    ProductInfo info(Product product) {
        String key = null;
        if (productCache != null && product.getId() != null) {
            key = product.getId() + "|" + localeCode();
            ProductInfo cached = productCache.get(key);
            if (cached != null) {
                return cached;
            }
        }
        ProductInfo info = new ProductInfo(product.getName(), categories(product),
                contextRelative(product.getUrl()), contextRelative(primaryImageUrl(product)), description(product),
                optionNames(product));
        if (key != null) {
            productCache.put(key, info);
        }
        return info;
    }

    /** The request's Broadleaf locale code ("" outside a request): translated catalog facts depend on it. */
    public static String localeCode() {
        try {
            BroadleafRequestContext context = BroadleafRequestContext.getBroadleafRequestContext();
            org.broadleafcommerce.common.locale.domain.Locale locale = context == null ? null : context.getLocale();
            return locale == null ? "" : String.valueOf(locale.getLocaleCode());
        } catch (RuntimeException e) {
            return "";
        }
    }

    /** Category names: the default category first, then the other parent categories in display order. */
    public static List<String> categories(Product product) {
        Set<String> names = new LinkedHashSet<String>();
        if (product == null) {
            return new ArrayList<String>(names);
        }
        addCategory(names, product.getDefaultCategory());
        List<CategoryProductXref> xrefs = product.getAllParentCategoryXrefs();
        if (xrefs != null) {
            for (CategoryProductXref xref : xrefs) {
                if (xref != null) {
                    addCategory(names, xref.getCategory());
                }
            }
        }
        return new ArrayList<String>(names);
    }

    private static void addCategory(Set<String> names, Category category) {
        if (category != null && category.getName() != null && !category.getName().trim().isEmpty()) {
            names.add(category.getName());
        }
    }

    /**
     * The cart-line attribute names that are the product's options (e.g. {@code SIZE}): only these
     * are sent as custom fields and kept in restore links; other line attributes may hold free text
     * a shopper typed.
     */
    public static Set<String> optionNames(Product product) {
        Set<String> names = new LinkedHashSet<String>();
        List<ProductOption> options = product == null ? null : product.getProductOptions();
        if (options != null) {
            for (ProductOption option : options) {
                if (option != null && !isBlank(option.getAttributeName())) {
                    names.add(option.getAttributeName());
                }
            }
        }
        return names;
    }

    /** The URL of the product's {@code primary} media, or null. */
    public static String primaryImageUrl(Product product) {
        Map<String, Media> media = product == null ? null : product.getMedia();
        Media primary = media == null ? null : media.get("primary");
        return primary == null ? null : primary.getUrl();
    }

    private static Money skuPrice(Sku sku) {
        return sku == null ? null : sku.getPrice();
    }

    // ------------------------------------------------------------------ carts and orders

    /** {@code cart_value} in currency units: sub total minus order-level adjustments, never negative; null when unknown. */
    public static BigDecimal cartValue(Order order) {
        BigDecimal subTotal = order == null ? null : amount(order.getSubTotal());
        if (subTotal == null) {
            return null;
        }
        BigDecimal adjustments = amount(order.getOrderAdjustmentsValue());
        BigDecimal value = adjustments == null ? subTotal : subTotal.subtract(adjustments);
        return value.signum() < 0 ? BigDecimal.ZERO : value;
    }

    /** {@code cart_item_count}: the total quantity of the order's discrete items. */
    public static int totalQuantity(Order order) {
        long total = 0;
        List<DiscreteOrderItem> lines = order == null ? null : order.getDiscreteOrderItems();
        if (lines != null) {
            for (DiscreteOrderItem line : lines) {
                if (line != null && line.getQuantity() > 0) {
                    total += line.getQuantity();
                }
            }
        }
        return (int) Math.min(total, Integer.MAX_VALUE);
    }

    /**
     * Product id to total quantity, in cart order (what the storefront tracking remembers to detect
     * removals). Lines without product are left out.
     */
    public static Map<String, Integer> productQuantities(Order order) {
        return quantities(order, ItemIdentity.PRODUCT);
    }

    /** Item id (per the {@code itemIdentity} setting) to total quantity, in cart order. */
    public Map<String, Integer> itemQuantities(Order order) {
        return quantities(order, itemIdentity());
    }

    private static Map<String, Integer> quantities(Order order, ItemIdentity identity) {
        Map<String, Integer> out = new LinkedHashMap<String, Integer>();
        List<DiscreteOrderItem> lines = order == null ? null : order.getDiscreteOrderItems();
        if (lines != null) {
            for (DiscreteOrderItem line : lines) {
                String id = line == null ? null : itemId(line, identity);
                if (id != null && line.getQuantity() > 0) {
                    Integer q = out.get(id);
                    out.put(id, (int) Math.min((long) (q == null ? 0 : q) + line.getQuantity(), Integer.MAX_VALUE));
                }
            }
        }
        return out;
    }

    /**
     * One {@link CartItem} per product of the order (lines of the same product aggregated), or with
     * {@code itemIdentity = SKU} one per SKU (its id as {@code product_id}), in cart order.
     */
    public List<CartItem> cartItems(Order order, UrlResolver urls) {
        return cartItems(order, urls, itemIdentity());
    }

    private List<CartItem> cartItems(Order order, UrlResolver urls, ItemIdentity identity) {
        Map<String, Aggregate> byProduct = new LinkedHashMap<String, Aggregate>();
        List<DiscreteOrderItem> lines = order == null ? null : order.getDiscreteOrderItems();
        if (lines != null) {
            for (DiscreteOrderItem line : lines) {
                if (line == null || line.getQuantity() <= 0) {
                    continue;
                }
                Product product = line.getProduct();
                String id = product == null ? null : itemId(line, identity);
                if (id == null) {
                    LOG.debug("Cart line {} has no product; not sent to Rejoiner", line.getId());
                    continue;
                }
                Aggregate a = byProduct.get(id);
                if (a == null) {
                    a = new Aggregate(id, info(product));
                    byProduct.put(id, a);
                }
                a.add(line);
            }
        }
        List<CartItem> items = new ArrayList<CartItem>(byProduct.size());
        for (Aggregate a : byProduct.values()) {
            items.add(a.toItem(urls));
        }
        return items;
    }

    /** The cart-level data of {@code setCartData} for the current cart. */
    public CartData cartData(Order cart, String storeBaseUrl) {
        CartData.Builder b = totals(cart, storeBaseUrl);
        if (cart != null) {
            b.returnUrl(returnUrls.cartReturnUrl(cart, storeBaseUrl));
        }
        return b.build();
    }

    /** The cart data of a conversion: value, count, order number, promo codes and the order's return URL. */
    public CartData orderData(Order order, String storeBaseUrl) {
        CartData.Builder b = totals(order, storeBaseUrl);
        if (order != null) {
            b.customerOrderNumber(order.getOrderNumber());
            b.promo(promo(order));
            b.returnUrl(returnUrls.orderReturnUrl(order, storeBaseUrl));
        }
        return b.build();
    }

    /** Value and item count: the part of cart data a cart and a converted order share. */
    private static CartData.Builder totals(Order order, String storeBaseUrl) {
        CartData.Builder b = CartData.builder(urls(storeBaseUrl));
        BigDecimal value = cartValue(order);
        if (value != null) {
            b.cartValue(value);
        }
        return b.cartItemCount(totalQuantity(order));
    }

    /** The offer codes the shopper applied, comma separated, or null. */
    public static String promo(Order order) {
        List<OfferCode> codes = order == null ? null : order.getAddedOfferCodes();
        if (codes == null || codes.isEmpty()) {
            return null;
        }
        Set<String> distinct = new LinkedHashSet<String>();
        for (OfferCode code : codes) {
            if (code != null && code.getOfferCode() != null && !code.getOfferCode().trim().isEmpty()) {
                distinct.add(code.getOfferCode().trim());
            }
        }
        return distinct.isEmpty() ? null : join(distinct);
    }

    /**
     * The argument of the JavaScript {@code sendConversion}: order data, items, and the campaign
     * type(s) and id(s) configured in the settings.
     */
    public Conversion conversion(Order order, RejoinerSettings settings, String storeBaseUrl) {
        Conversion.Builder b = Conversion.builder()
                .cartData(orderData(order, storeBaseUrl))
                .items(cartItems(order, urls(storeBaseUrl)));
        if (settings != null) {
            for (CampaignType type : settings.campaignTypes()) {
                b.campaignType(type);
            }
            for (String id : settings.campaignIds()) {
                b.campaignId(id);
            }
        }
        return b.build();
    }

    /**
     * The body of the REST {@code lead/convert} call for a submitted order (same data as the
     * JavaScript conversion), or null when the order has no usable e-mail address. The REST call
     * takes one campaign type: it is set when exactly one is configured.
     */
    public LeadConversion leadConversion(Order order, RejoinerSettings settings, String storeBaseUrl) {
        return settings == null
                ? leadConversion(order, null, null, itemIdentity(), storeBaseUrl)
                : leadConversion(order, settings.campaignTypes(), settings.campaignIds(), settings.itemIdentity(),
                        storeBaseUrl);
    }

    /**
     * {@link #leadConversion(Order, RejoinerSettings, String)} with the settings values it depends
     * on given one by one: the delivery worker passes those recorded when the order was queued.
     */
    public LeadConversion leadConversion(Order order, List<CampaignType> campaignTypes, List<String> campaignIds,
            ItemIdentity identity, String storeBaseUrl) {
        String email = conversionEmail(order);
        if (email == null) {
            return null;
        }
        LeadConversion.Builder b = LeadConversion.builder()
                .email(email)
                .cartData(orderData(order, storeBaseUrl))
                .items(cartItems(order, urls(storeBaseUrl), identity));
        if (campaignTypes != null && campaignTypes.size() == 1) {
            b.campaignType(campaignTypes.get(0));
        }
        if (campaignIds != null) {
            b.campaignIds(campaignIds);
        }
        try {
            return b.build();
        } catch (IllegalArgumentException malformedEmail) {
            return null;
        }
    }

    /** The e-mail address a conversion goes to: the order's, else a registered customer's; null when none. */
    public static String conversionEmail(Order order) {
        if (order == null) {
            return null;
        }
        String email = order.getEmailAddress();
        if (isBlank(email) && order.getCustomer() != null && !order.getCustomer().isAnonymous()) {
            email = order.getCustomer().getEmailAddress();
        }
        return isBlank(email) ? null : email;
    }

    // ------------------------------------------------------------------ customers

    /**
     * The shopper's e-mail address as far as the store knows it: the logged-in customer's, else the
     * one entered at checkout ({@code cart.getEmailAddress()}); null when unknown.
     */
    public static String email(Customer customer, Order cart) {
        if (customer != null && customer.isLoggedIn() && !isBlank(customer.getEmailAddress())) {
            return customer.getEmailAddress().trim();
        }
        if (cart != null && cart.getId() != null && !isBlank(cart.getEmailAddress())) {
            return cart.getEmailAddress().trim();
        }
        return null;
    }

    /**
     * {@code setCustomerData}: first name, the language of {@code locale}, and gender and age when
     * the customer has attributes named {@code gender} / {@code age}.
     */
    public CustomerData customerData(Customer customer, Locale locale) {
        CustomerData.Builder b = CustomerData.builder();
        if (locale != null && !locale.getLanguage().isEmpty()) {
            b.language(locale.getLanguage());
        }
        if (customer == null) {
            return b.build();
        }
        if (!isBlank(customer.getFirstName())) {
            b.name(customer.getFirstName().trim());
        }
        if (customer.isAnonymous()) {
            return b.build();
        }
        Map<String, CustomerAttribute> attributes = customer.getCustomerAttributes();
        if (attributes != null && !attributes.isEmpty()) {
            String gender = attributeValue(attributes, "gender");
            if (gender != null) {
                b.gender(gender);
            }
            String age = attributeValue(attributes, "age");
            if (age != null) {
                try {
                    b.age(Integer.parseInt(age.trim()));
                } catch (NumberFormatException notANumber) {
                    LOG.debug("Customer attribute age is not a number; not sent");
                }
            }
        }
        return b.build();
    }

    private static String attributeValue(Map<String, CustomerAttribute> attributes, String name) {
        CustomerAttribute a = attributes.get(name);
        String v = a == null ? null : a.getValue();
        return isBlank(v) ? null : v.trim();
    }

    // ------------------------------------------------------------------ URLs and helpers

    /**
     * A resolver for the store base URL (absolute, with context path, without trailing slash); a
     * resolver that drops relative URLs when the base is missing or unusable.
     */
    public static UrlResolver urls(String storeBaseUrl) {
        if (isBlank(storeBaseUrl)) {
            return UrlResolver.none();
        }
        try {
            return UrlResolver.forBase(storeBaseUrl);
        } catch (IllegalArgumentException e) {
            LOG.warn("Rejoiner: store base URL is unusable, relative links are dropped: {}", e.getMessage());
            return UrlResolver.none();
        }
    }

    /**
     * Broadleaf's URLs ({@code /hot-sauces/x}, {@code /img/x.png}) are relative to the web
     * application; without the leading slash they resolve under the base URL's context path.
     * Absolute and protocol-relative URLs are returned unchanged.
     */
    public static String contextRelative(String url) {
        if (url == null) {
            return null;
        }
        String u = url.trim();
        if (u.startsWith("/") && !u.startsWith("//")) {
            return u.substring(1);
        }
        return u;
    }

    static BigDecimal amount(Money money) {
        return money == null ? null : money.getAmount();
    }

    private static boolean isBlank(String s) {
        return s == null || s.trim().isEmpty();
    }

    private static String join(Iterable<String> values) {
        StringBuilder sb = new StringBuilder();
        for (String v : values) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(v);
        }
        return sb.toString();
    }

    static String description(Product product) {
        String d = product.getDescription();
        if (isBlank(d)) {
            d = product.getLongDescription();
        }
        if (isBlank(d)) {
            return null;
        }
        d = d.trim();
        if (d.length() > MAX_DESCRIPTION_LENGTH) {
            int end = MAX_DESCRIPTION_LENGTH;
            if (Character.isHighSurrogate(d.charAt(end - 1))) {
                end--;
            }
            d = d.substring(0, end);
        }
        return d;
    }

    /** The lines of one product being summed up into one Rejoiner item. */
    private static final class Aggregate {
        private final String productId;
        private final ProductInfo info;
        private long quantity;
        private long totalCents;
        private Long sameUnitCents;
        private boolean unitPricesDiffer;
        private boolean priceUnknown;
        private final Map<String, Set<String>> options = new TreeMap<String, Set<String>>();

        Aggregate(String productId, ProductInfo info) {
            this.productId = productId;
            this.info = info;
        }

        void add(DiscreteOrderItem line) {
            int q = line.getQuantity();
            quantity += q;
            BigDecimal unit = amount(line.getAveragePrice());
            if (unit == null || unit.signum() < 0) {
                priceUnknown = true;
            } else {
                long cents = Cents.of(unit);
                if (sameUnitCents == null) {
                    sameUnitCents = cents;
                } else if (sameUnitCents != cents) {
                    unitPricesDiffer = true;
                }
                totalCents += cents * q;
            }
            Map<String, OrderItemAttribute> attributes = line.getOrderItemAttributes();
            if (attributes != null) {
                for (Map.Entry<String, OrderItemAttribute> e : attributes.entrySet()) {
                    OrderItemAttribute attribute = e.getValue();
                    String name = attribute != null && attribute.getName() != null ? attribute.getName() : e.getKey();
                    String value = attribute == null ? null : attribute.getValue();
                    if (!isBlank(name) && !isBlank(value) && info.optionNames.contains(name)) {
                        Set<String> values = options.get(name);
                        if (values == null) {
                            values = new LinkedHashSet<String>();
                            options.put(name, values);
                        }
                        values.add(value);
                    }
                }
            }
        }

        CartItem toItem(UrlResolver urls) {
            CartItem.Builder b = CartItem.builder(urls)
                    .productId(productId)
                    .name(info.name)
                    .categories(info.categories);
            if (!priceUnknown && sameUnitCents != null && quantity > 0) {
                long unit = unitPricesDiffer
                        ? BigDecimal.valueOf(totalCents).divide(BigDecimal.valueOf(quantity), 0, RoundingMode.HALF_UP).longValue()
                        : sameUnitCents;
                b.unitPriceCents(unit);
            }
            b.quantity((int) Math.min(quantity, Integer.MAX_VALUE));
            b.productUrl(info.url);
            b.imageUrl(info.imageUrl);
            b.description(info.description);
            for (Map.Entry<String, Set<String>> option : options.entrySet()) {
                b.customField(option.getKey(), join(option.getValue()));
            }
            return b.build();
        }
    }
}
