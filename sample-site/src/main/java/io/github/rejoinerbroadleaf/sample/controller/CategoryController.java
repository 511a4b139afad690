package io.github.rejoinerbroadleaf.sample.controller;

import org.broadleafcommerce.core.web.controller.catalog.BroadleafCategoryController;
import org.springframework.stereotype.Controller;

/** Category pages, found by {@code CategoryHandlerMapping} from the category URL (e.g. /hot-sauces). */
@Controller("blCategoryController")
public class CategoryController extends BroadleafCategoryController {
}
