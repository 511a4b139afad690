package io.github.rejoinerbroadleaf.boot.shop;

import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import javax.annotation.PostConstruct;
import javax.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;

import io.github.rejoinerbroadleaf.boot.RejoinerConversions;
import io.github.rejoinerbroadleaf.boot.RejoinerTracking;
import io.github.rejoinerbroadleaf.core.CartData;
import io.github.rejoinerbroadleaf.core.CartItem;
import io.github.rejoinerbroadleaf.core.LeadConversion;
import io.github.rejoinerbroadleaf.core.ProductView;
import io.github.rejoinerbroadleaf.core.TrackingCommand;
import io.github.rejoinerbroadleaf.core.UrlResolver;

/** The shop's pages: a product page with the Rejoiner script, and a checkout that converts. */
@Controller
class ShopController {

    static final class Product {
        final String name;
        final String category;
        final long priceCents;

        Product(String name, String category, long priceCents) {
            this.name = name;
            this.category = category;
            this.priceCents = priceCents;
        }
    }

    static final Map<String, Product> CATALOG = new LinkedHashMap<>();

    static {
        CATALOG.put("p1", new Product("Trail Shoe", "Shoes", 8950));
        CATALOG.put("p2", new Product("Rain Jacket", "Jackets", 12900));
    }

    private final RejoinerTracking tracking;
    private final RejoinerConversions conversions;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    ShopController(RejoinerTracking tracking, RejoinerConversions conversions, JdbcTemplate jdbc,
            TransactionTemplate transactions) {
        this.tracking = tracking;
        this.conversions = conversions;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @PostConstruct
    void createTables() {
        jdbc.execute("CREATE TABLE IF NOT EXISTS SHOP_ORDER (ORDER_NUMBER VARCHAR(40) PRIMARY KEY, "
                + "EMAIL VARCHAR(255) NOT NULL, TOTAL_CENTS BIGINT NOT NULL)");
    }

    @GetMapping(value = "/products/{id}", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String product(@PathVariable String id, HttpServletRequest request) {
        Product p = product(id);
        ProductView view = ProductView.builder(UrlResolver.forBase(baseUrl(request)))
                .productId(id).name(p.name).category(p.category).priceCents(p.priceCents)
                .productUrl("/products/" + id).build();
        return page(p.name, "<h1>" + p.name + "</h1>",
                tracking.render(Collections.singletonList(TrackingCommand.trackProductView(view))));
    }

    @PostMapping(value = "/checkout", produces = MediaType.TEXT_HTML_VALUE)
    @ResponseBody
    String checkout(@RequestParam String email, @RequestParam String product, @RequestParam int quantity) {
        Product p = product(product);
        String orderNumber = "SHOP-" + UUID.randomUUID().toString().substring(0, 8);
        long total = p.priceCents * quantity;
        transactions.executeWithoutResult(status -> jdbc.update(
                "INSERT INTO SHOP_ORDER (ORDER_NUMBER, EMAIL, TOTAL_CENTS) VALUES (?, ?, ?)", orderNumber, email, total));
        // The order is committed: queue its conversion. No network here, and it never throws.
        List<CartItem> items = Collections.singletonList(CartItem.builder().productId(product).name(p.name)
                .category(p.category).unitPriceCents(p.priceCents).quantity(quantity).build());
        conversions.convert(orderNumber, LeadConversion.builder().email(email)
                .cartData(CartData.builder().cartValueCents(total).cartItemCountFrom(items)
                        .customerOrderNumber(orderNumber).build())
                .items(items).build());
        return page("Thank you", "<p id=\"order\">" + orderNumber + "</p>",
                tracking.render(Arrays.asList(TrackingCommand.setCustomerEmail(email), TrackingCommand.sendConversion())));
    }

    private static Product product(String id) {
        Product p = CATALOG.get(id);
        if (p == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return p;
    }

    private static String page(String title, String content, String rejoinerScript) {
        return "<!DOCTYPE html><html><head><title>" + title + "</title></head><body>" + content
                + rejoinerScript + "</body></html>";
    }

    private static String baseUrl(HttpServletRequest request) {
        return request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort() + request.getContextPath();
    }
}
