package io.github.rejoinerbroadleaf.sample.controller;

import org.broadleafcommerce.core.web.controller.account.BroadleafLoginController;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** The login form; Spring Security processes it at /login_post.htm. */
@Controller
public class LoginController extends BroadleafLoginController {

    @Override
    @RequestMapping(value = "/login", method = RequestMethod.GET)
    public String login(HttpServletRequest request, HttpServletResponse response, Model model) {
        return super.login(request, response, model);
    }
}
