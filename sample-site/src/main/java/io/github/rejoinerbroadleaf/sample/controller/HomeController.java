package io.github.rejoinerbroadleaf.sample.controller;

import org.broadleafcommerce.core.catalog.domain.Category;
import org.broadleafcommerce.core.catalog.domain.Product;
import org.broadleafcommerce.core.catalog.service.CatalogService;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import javax.annotation.Resource;
import java.util.ArrayList;
import java.util.List;

/** The home page: the primary navigation categories and the featured products. */
@Controller
public class HomeController {

    /** The seeded "Primary Nav" category whose children are the shop's departments. */
    static final long PRIMARY_NAV_CATEGORY_ID = 2L;

    @Resource(name = "blCatalogService")
    protected CatalogService catalogService;

    @RequestMapping(value = "/", method = RequestMethod.GET)
    public String home(Model model) {
        Category nav = catalogService.findCategoryById(PRIMARY_NAV_CATEGORY_ID);
        model.addAttribute("categories", nav == null ? new ArrayList<Category>() : nav.getChildCategories());
        List<Product> featured = new ArrayList<Product>();
        for (Product product : catalogService.findAllProducts()) {
            if (product.isFeaturedProduct() && product.isActive()) {
                featured.add(product);
            }
        }
        model.addAttribute("featuredProducts", featured);
        return "catalog/home";
    }
}
