package io.github.rejoinerbroadleaf.broadleaf.mapping;

import io.github.rejoinerbroadleaf.core.CartItem;
import io.github.rejoinerbroadleaf.core.Cents;
import io.github.rejoinerbroadleaf.core.UrlResolver;
import io.github.rejoinerbroadleaf.settings.ItemIdentity;
import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.catalog.domain.Sku;
import org.broadleafcommerce.core.offer.domain.OfferCode;
import org.broadleafcommerce.core.order.domain.DiscreteOrderItem;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.domain.OrderItemAttribute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import static io.github.rejoinerbroadleaf.broadleaf.mapping.ProductFacts.amount;
import static io.github.rejoinerbroadleaf.broadleaf.mapping.ProductFacts.isBlank;
import static io.github.rejoinerbroadleaf.broadleaf.mapping.ProductFacts.productId;

/**
 * What Rejoiner sees of a cart or an order's lines: the value, the item count, the promo codes, and
 * the items. Lines of the same product (two sizes of a shirt) become <em>one</em> item: quantities
 * summed, {@code price} the unit price (the quantity-weighted average when the lines differ), the
 * line attributes that are product options as custom fields, e.g. {@code SIZE = "M, L"}.
 */
public final class OrderLines {

    private static final Logger LOG = LoggerFactory.getLogger(OrderLines.class);

    private OrderLines() {
    }

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

    /** Item id (per {@code identity}) to total quantity, in cart order; lines without product are left out. */
    public static Map<String, Integer> quantities(Order order, ItemIdentity identity) {
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

    /** Rejoiner's {@code product_id} of a cart line under the given identity: its product's id or its SKU's id. */
    static String itemId(DiscreteOrderItem line, ItemIdentity identity) {
        if (identity == ItemIdentity.SKU) {
            Sku sku = line.getSku();
            return sku == null || sku.getId() == null ? null : String.valueOf(sku.getId());
        }
        return productId(line.getProduct());
    }

    /** One item per product (or per SKU with {@code identity = SKU}), in cart order. */
    static List<CartItem> items(Order order, UrlResolver urls, ItemIdentity identity, ProductFacts products) {
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
                    a = new Aggregate(id, products.info(product));
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
