package io.github.rejoinerbroadleaf.broadleaf.mapping;

import io.github.rejoinerbroadleaf.core.CampaignType;
import io.github.rejoinerbroadleaf.core.CartData;
import io.github.rejoinerbroadleaf.core.CartItem;
import io.github.rejoinerbroadleaf.core.Conversion;
import io.github.rejoinerbroadleaf.core.CustomerData;
import io.github.rejoinerbroadleaf.core.LeadConversion;
import io.github.rejoinerbroadleaf.core.ProductView;
import io.github.rejoinerbroadleaf.core.UrlResolver;
import io.github.rejoinerbroadleaf.settings.ItemIdentity;
import io.github.rejoinerbroadleaf.settings.RejoinerSettings;
import io.github.rejoinerbroadleaf.settings.RejoinerSettingsService;
import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.catalog.domain.Sku;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.profile.core.domain.Customer;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Maps Broadleaf's domain objects to Rejoiner's: the one place that defines what Rejoiner sees of
 * a store, shared by the storefront tracking (JavaScript) and the checkout activity (REST
 * {@code lead/convert}), so both send the same ids, values and items.
 *
 * <h2>Definitions</h2>
 * <ul>
 * <li>{@code product_id}: the Broadleaf product id as a string ({@link ProductFacts#productId(Product)}), for
 * product views, cart items and removals alike.</li>
 * <li>Cart lines of the same product (two sizes of a shirt) become <em>one</em> item: quantities
 * summed, {@code price} the unit price (the quantity-weighted average when the lines differ), the
 * line attributes that are product options as custom fields, e.g. {@code SIZE = "M, L"}.</li>
 * <li>{@code cart_value}: merchandise total after all discounts, before shipping and tax:
 * {@code order.getSubTotal() - order.getOrderAdjustmentsValue()} ({@link OrderLines#cartValue(Order)}).</li>
 * <li>{@code cart_item_count}: the total quantity of the cart's discrete items.</li>
 * <li>Categories: the default category first, then every other parent category
 * ({@code Product.getAllParentCategoryXrefs()}), by name, without duplicates.</li>
 * <li>Product view price: {@code defaultSku.getPrice()} (the sale price while a sale is active).
 * Cart item price: the line's {@code getAveragePrice()} (after item-level discounts).</li>
 * <li>URLs: Broadleaf's product, media and page URLs are context-relative ({@code /hot-sauces/x});
 * they are resolved under the store base URL including its context path.</li>
 * </ul>
 *
 * <p>This class is the entry point; the pieces are {@link ProductFacts} (products, the catalog
 * cache), {@link OrderLines} (values, counts, items), {@link CustomerFacts} (e-mail, customer data)
 * and {@link StoreUrls} (links, locale). Thread-safe; never throws for odd data (missing SKU, price,
 * media or categories): what cannot be mapped is left out.
 */
public class OrderMapper {

    private final ReturnUrls returnUrls;
    private final ProductFacts products;

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
        this.products = new ProductFacts(productCacheMillis);
    }

    public ReturnUrls returnUrls() {
        return returnUrls;
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

    /** {@code trackProductView} data for a product page or quick view. */
    public ProductView productView(Product product, UrlResolver urls) {
        String id = ProductFacts.productId(product);
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
        ProductInfo info = products.info(product);
        b.name(info.name).categories(info.categories);
        BigDecimal price = ProductFacts.viewPrice(product);
        if (price != null) {
            b.price(price);
        }
        b.productUrl(info.url);
        b.imageUrl(info.imageUrl);
        return b.build();
    }

    /** Item id (per the {@code itemIdentity} setting) to total quantity, in cart order. */
    public Map<String, Integer> itemQuantities(Order order) {
        return OrderLines.quantities(order, itemIdentity());
    }

    /**
     * One {@link CartItem} per product of the order (lines of the same product aggregated), or with
     * {@code itemIdentity = SKU} one per SKU (its id as {@code product_id}), in cart order.
     */
    public List<CartItem> cartItems(Order order, UrlResolver urls) {
        return OrderLines.items(order, urls, itemIdentity(), products);
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
            b.promo(OrderLines.promo(order));
            b.returnUrl(returnUrls.orderReturnUrl(order, storeBaseUrl));
        }
        return b.build();
    }

    /** Value and item count: the part of cart data a cart and a converted order share. */
    private static CartData.Builder totals(Order order, String storeBaseUrl) {
        CartData.Builder b = CartData.builder(StoreUrls.urls(storeBaseUrl));
        BigDecimal value = OrderLines.cartValue(order);
        if (value != null) {
            b.cartValue(value);
        }
        return b.cartItemCount(OrderLines.totalQuantity(order));
    }

    /**
     * The argument of the JavaScript {@code sendConversion}: order data, items, and the campaign
     * type(s) and id(s) configured in the settings.
     */
    public Conversion conversion(Order order, RejoinerSettings settings, String storeBaseUrl) {
        Conversion.Builder b = Conversion.builder()
                .cartData(orderData(order, storeBaseUrl))
                .items(cartItems(order, StoreUrls.urls(storeBaseUrl)));
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
        String email = CustomerFacts.conversionEmail(order);
        if (email == null) {
            return null;
        }
        LeadConversion.Builder b = LeadConversion.builder()
                .email(email)
                .cartData(orderData(order, storeBaseUrl))
                .items(OrderLines.items(order, StoreUrls.urls(storeBaseUrl), identity, products));
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

    /** {@link CustomerFacts#customerData}. */
    public CustomerData customerData(Customer customer, Locale locale) {
        return CustomerFacts.customerData(customer, locale);
    }
}
