package io.github.rejoinerbroadleaf.sample.controller;

import org.broadleafcommerce.common.exception.ServiceException;
import org.broadleafcommerce.core.pricing.service.exception.PricingException;
import org.broadleafcommerce.core.web.controller.account.BroadleafRegisterController;
import org.broadleafcommerce.profile.core.domain.Customer;
import org.broadleafcommerce.profile.core.domain.CustomerAttribute;
import org.broadleafcommerce.profile.core.domain.CustomerAttributeImpl;
import org.broadleafcommerce.profile.web.core.form.RegisterCustomerForm;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestMethod;

import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;

/**
 * Customer registration; a registered customer is logged in at once. The optional fields
 * {@code age} and {@code gender} are kept as customer attributes of those names, which the Rejoiner
 * module sends with {@code setCustomerData} (docs/tracking.md).
 */
@Controller
@RequestMapping("/register")
public class RegisterController extends BroadleafRegisterController {

    /** Customer attribute names (and form fields) the Rejoiner module reads for {@code setCustomerData}. */
    static final String AGE = "age";
    static final String GENDER = "gender";
    private static final List<String> GENDERS = Arrays.asList("female", "male");

    @RequestMapping(method = RequestMethod.GET)
    public String register(HttpServletRequest request, HttpServletResponse response, Model model,
                           @ModelAttribute("registrationForm") RegisterCustomerForm form) {
        return super.register(form, request, response, model);
    }

    @RequestMapping(method = RequestMethod.POST)
    public String processRegister(HttpServletRequest request, HttpServletResponse response, Model model,
                                  @ModelAttribute("registrationForm") RegisterCustomerForm form, BindingResult errors)
            throws ServiceException, PricingException {
        String age = trimmed(request.getParameter(AGE));
        String gender = trimmed(request.getParameter(GENDER));
        if (age != null && !age.matches("[0-9]{1,3}")) {
            errors.reject("register.age", "Please enter your age as a number, or leave it empty.");
        } else if (gender != null && !GENDERS.contains(gender)) {
            errors.reject("register.gender", "Please choose female, male or nothing.");
        } else if (form.getCustomer() != null) {
            attribute(form.getCustomer(), AGE, age);
            attribute(form.getCustomer(), GENDER, gender);
        }
        String view = super.processRegister(form, errors, request, response, model);
        if (errors.hasErrors()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        }
        return view;
    }

    /** Sets a customer attribute (saved with the customer); nothing for an empty value. */
    private static void attribute(Customer customer, String name, String value) {
        if (value == null) {
            return;
        }
        CustomerAttribute attribute = new CustomerAttributeImpl();
        attribute.setName(name);
        attribute.setValue(value);
        attribute.setCustomer(customer);
        if (customer.getCustomerAttributes() == null) {
            customer.setCustomerAttributes(new HashMap<String, CustomerAttribute>());
        }
        customer.getCustomerAttributes().put(name, attribute);
    }

    private static String trimmed(String value) {
        return value == null || value.trim().isEmpty() ? null : value.trim();
    }

    @Override
    @ModelAttribute("registrationForm")
    public RegisterCustomerForm initCustomerRegistrationForm() {
        return super.initCustomerRegistrationForm();
    }
}
