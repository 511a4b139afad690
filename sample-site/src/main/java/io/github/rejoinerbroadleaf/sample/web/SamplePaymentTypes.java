package io.github.rejoinerbroadleaf.sample.web;

import org.broadleafcommerce.common.payment.PaymentType;
import org.springframework.stereotype.Component;

/**
 * The sample's test payment type. Broadleaf's extensible enums register themselves when
 * constructed, so this bean makes sure the type exists before an order that uses it is read.
 */
@Component("sampleTestPaymentType")
public class SamplePaymentTypes {

    public static final PaymentType TEST_PAYMENT = new PaymentType("SAMPLE_TEST_PAYMENT", "Test payment (no charge)");
}
