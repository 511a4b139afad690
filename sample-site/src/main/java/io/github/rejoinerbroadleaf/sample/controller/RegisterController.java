package io.github.rejoinerbroadleaf.sample.controller;

import org.broadleafcommerce.common.exception.ServiceException;
import org.broadleafcommerce.core.pricing.service.exception.PricingException;
import org.broadleafcommerce.core.web.controller.account.BroadleafRegisterController;
import org.broadleafcommerce.profile.web.core.form.RegisterCustomerForm;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

/** Customer registration; a registered customer is logged in at once. */
@Controller
@RequestMapping("/register")
public class RegisterController extends BroadleafRegisterController {

    @RequestMapping(method = RequestMethod.GET)
    public String register(HttpServletRequest request, HttpServletResponse response, Model model,
                           @ModelAttribute("registrationForm") RegisterCustomerForm form) {
        return super.register(form, request, response, model);
    }

    @RequestMapping(method = RequestMethod.POST)
    public String processRegister(HttpServletRequest request, HttpServletResponse response, Model model,
                                  @ModelAttribute("registrationForm") RegisterCustomerForm form, BindingResult errors)
            throws ServiceException, PricingException {
        String view = super.processRegister(form, errors, request, response, model);
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return view;
    }

    @Override
    @ModelAttribute("registrationForm")
    public RegisterCustomerForm initCustomerRegistrationForm() {
        return super.initCustomerRegistrationForm();
    }
}
