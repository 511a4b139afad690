package io.github.rejoinerbroadleaf.broadleaf.mapping;

import io.github.rejoinerbroadleaf.core.CustomerData;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.profile.core.domain.Customer;
import org.broadleafcommerce.profile.core.domain.CustomerAttribute;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Locale;
import java.util.Map;

import static io.github.rejoinerbroadleaf.broadleaf.mapping.ProductFacts.isBlank;

/** What Rejoiner sees of a shopper: the e-mail address and {@code setCustomerData}. */
public final class CustomerFacts {

    private static final Logger LOG = LoggerFactory.getLogger(CustomerFacts.class);

    private CustomerFacts() {
    }

    /**
     * The shopper's e-mail address as far as the store knows it: the logged-in customer's, else the
     * one entered at checkout ({@code cart.getEmailAddress()}); null when unknown.
     */
    public static String email(Customer customer, Order cart) {
        if (customer != null && customer.isLoggedIn() && !isBlank(customer.getEmailAddress())) {
            return customer.getEmailAddress().trim();
        }
        if (cart != null && cart.getId() != null && !isBlank(cart.getEmailAddress())) {
            return cart.getEmailAddress().trim();
        }
        return null;
    }

    /** The e-mail address a conversion goes to: the order's, else a registered customer's; null when none. */
    public static String conversionEmail(Order order) {
        if (order == null) {
            return null;
        }
        String email = order.getEmailAddress();
        if (isBlank(email) && order.getCustomer() != null && !order.getCustomer().isAnonymous()) {
            email = order.getCustomer().getEmailAddress();
        }
        return isBlank(email) ? null : email;
    }

    /**
     * {@code setCustomerData}: first name, the language of {@code locale}, and gender and age when
     * the customer has attributes named {@code gender} / {@code age}.
     */
    public static CustomerData customerData(Customer customer, Locale locale) {
        CustomerData.Builder b = CustomerData.builder();
        if (locale != null && !locale.getLanguage().isEmpty()) {
            b.language(locale.getLanguage());
        }
        if (customer == null) {
            return b.build();
        }
        if (!isBlank(customer.getFirstName())) {
            b.name(customer.getFirstName().trim());
        }
        if (customer.isAnonymous()) {
            return b.build();
        }
        Map<String, CustomerAttribute> attributes = customer.getCustomerAttributes();
        if (attributes != null && !attributes.isEmpty()) {
            String gender = attributeValue(attributes, "gender");
            if (gender != null) {
                b.gender(gender);
            }
            String age = attributeValue(attributes, "age");
            if (age != null) {
                try {
                    b.age(Integer.parseInt(age.trim()));
                } catch (NumberFormatException notANumber) {
                    LOG.debug("Customer attribute age is not a number; not sent");
                }
            }
        }
        return b.build();
    }

    private static String attributeValue(Map<String, CustomerAttribute> attributes, String name) {
        CustomerAttribute a = attributes.get(name);
        String v = a == null ? null : a.getValue();
        return isBlank(v) ? null : v.trim();
    }
}
