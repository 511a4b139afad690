package io.github.rejoinerbroadleaf.sample.controller;

import org.broadleafcommerce.core.web.controller.catalog.BroadleafProductController;
import org.springframework.stereotype.Controller;

/** Product pages, found by {@code ProductHandlerMapping} from the product URL. */
@Controller("blProductController")
public class ProductController extends BroadleafProductController {
}
