package io.github.rejoinerbroadleaf.broadleaf.mapping;

import org.broadleafcommerce.common.media.domain.Media;
import org.broadleafcommerce.common.money.Money;
import org.broadleafcommerce.core.catalog.domain.Category;
import org.broadleafcommerce.core.catalog.domain.CategoryProductXref;
import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.catalog.domain.ProductOption;
import org.broadleafcommerce.core.catalog.domain.Sku;
import org.broadleafcommerce.core.offer.domain.OfferCode;
import org.broadleafcommerce.core.order.domain.DiscreteOrderItem;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.domain.OrderItemAttribute;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

/** Mockito stand-ins for Broadleaf's catalog and order interfaces. */
public final class BroadleafMocks {

    private BroadleafMocks() {
    }

    public static Money usd(String amount) {
        return new Money(amount, "USD");
    }

    public static Category category(String name) {
        Category c = mock(Category.class);
        when(c.getName()).thenReturn(name);
        return c;
    }

    /** A product with a default SKU priced {@code price}, a default category and further parent categories. */
    public static Product product(long id, String name, String price, String url, String image,
                                  Category defaultCategory, Category... parents) {
        Product p = mock(Product.class);
        when(p.getId()).thenReturn(id);
        when(p.getName()).thenReturn(name);
        when(p.getUrl()).thenReturn(url);
        when(p.getDescription()).thenReturn(name + " description");
        Sku sku = mock(Sku.class);
        when(sku.getPrice()).thenReturn(price == null ? null : usd(price));
        when(p.getDefaultSku()).thenReturn(sku);
        when(p.getDefaultCategory()).thenReturn(defaultCategory);
        List<CategoryProductXref> xrefs = new ArrayList<>();
        for (Category parent : parents) {
            CategoryProductXref x = mock(CategoryProductXref.class);
            when(x.getCategory()).thenReturn(parent);
            xrefs.add(x);
        }
        when(p.getAllParentCategoryXrefs()).thenReturn(xrefs);
        Map<String, Media> media = new HashMap<>();
        if (image != null) {
            Media m = mock(Media.class);
            when(m.getUrl()).thenReturn(image);
            media.put("primary", m);
        }
        when(p.getMedia()).thenReturn(media);
        return p;
    }

    /** Gives a product options with these attribute names (e.g. "SIZE"); returns it. */
    public static Product withOptions(Product product, String... attributeNames) {
        List<ProductOption> options = new ArrayList<>();
        for (String name : attributeNames) {
            ProductOption option = mock(ProductOption.class);
            when(option.getAttributeName()).thenReturn(name);
            options.add(option);
        }
        when(product.getProductOptions()).thenReturn(options);
        return product;
    }

    /** A cart line: product, quantity, unit price and attributes as name/value pairs. */
    public static DiscreteOrderItem line(long id, Product product, int quantity, String unitPrice, String... attributes) {
        DiscreteOrderItem line = mock(DiscreteOrderItem.class);
        when(line.getId()).thenReturn(id);
        when(line.getProduct()).thenReturn(product);
        when(line.getQuantity()).thenReturn(quantity);
        when(line.getAveragePrice()).thenReturn(unitPrice == null ? null : usd(unitPrice));
        Map<String, OrderItemAttribute> map = new LinkedHashMap<>();
        for (int i = 0; i < attributes.length; i += 2) {
            OrderItemAttribute a = mock(OrderItemAttribute.class);
            when(a.getName()).thenReturn(attributes[i]);
            when(a.getValue()).thenReturn(attributes[i + 1]);
            map.put(attributes[i], a);
        }
        when(line.getOrderItemAttributes()).thenReturn(map);
        return line;
    }

    public static Order order(long id, String subTotal, String orderAdjustments, DiscreteOrderItem... lines) {
        Order o = mock(Order.class);
        when(o.getId()).thenReturn(id);
        when(o.getSubTotal()).thenReturn(usd(subTotal));
        when(o.getOrderAdjustmentsValue()).thenReturn(usd(orderAdjustments));
        // as Broadleaf's pricing keeps it (no shipping or tax in these carts)
        when(o.getTotal()).thenReturn(usd(subTotal).subtract(usd(orderAdjustments)));
        when(o.getDiscreteOrderItems()).thenReturn(new ArrayList<>(List.of(lines)));
        when(o.getAddedOfferCodes()).thenReturn(new ArrayList<>());
        return o;
    }

    public static OfferCode offerCode(String code) {
        OfferCode c = mock(OfferCode.class);
        when(c.getOfferCode()).thenReturn(code);
        return c;
    }
}
