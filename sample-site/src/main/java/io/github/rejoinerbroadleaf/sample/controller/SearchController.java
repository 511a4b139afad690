package io.github.rejoinerbroadleaf.sample.controller;

import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.catalog.service.CatalogService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;

import javax.annotation.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code /search?q=...}: active products whose name contains the text typed (any case). The sample's
 * catalog is small enough to filter in memory; a real store uses Broadleaf's search service (Solr),
 * the page stays the same.
 */
@Controller
public class SearchController {

    /** Longest query taken; longer input is cut. */
    static final int MAX_QUERY = 100;

    @Resource(name = "blCatalogService")
    protected CatalogService catalogService;

    @RequestMapping(value = "/search", method = RequestMethod.GET)
    public String search(@RequestParam(value = "q", required = false) String q, Model model) {
        String query = q == null ? "" : q.trim();
        if (query.length() > MAX_QUERY) {
            query = query.substring(0, MAX_QUERY);
        }
        List<Product> products = new ArrayList<Product>();
        if (!query.isEmpty()) {
            String needle = query.toLowerCase(Locale.ROOT);
            for (Product product : catalogService.findAllProducts()) {
                if (product.isActive() && product.getName() != null
                        && product.getName().toLowerCase(Locale.ROOT).contains(needle)) {
                    products.add(product);
                }
            }
        }
        model.addAttribute("query", query.isEmpty() ? null : query);
        model.addAttribute("products", products);
        return "catalog/search";
    }
}
