package io.github.rejoinerbroadleaf.broadleaf.delivery;

import io.github.rejoinerbroadleaf.delivery.SubmissionCheck;
import org.broadleafcommerce.core.order.domain.Order;
import org.broadleafcommerce.core.order.service.OrderService;
import org.broadleafcommerce.core.order.service.type.OrderStatus;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.TransactionCallback;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Confirms on a delivery thread that an order was really saved as submitted before its conversion
 * is sent: the checkout activity queues the row before Broadleaf commits the order.
 */
public class OrderSubmissionCheck implements SubmissionCheck {

    private final OrderService orderService;
    private final TransactionTemplate readOnly;

    public OrderSubmissionCheck(OrderService orderService, PlatformTransactionManager transactionManager) {
        this.orderService = orderService;
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    @Override
    public boolean isSubmitted(String site, final String orderKey) {
        Boolean submitted = readOnly.execute(new TransactionCallback<Boolean>() {
            @Override
            public Boolean doInTransaction(TransactionStatus status) {
                Order order = orderService.findOrderByOrderNumber(orderKey);
                return order != null && OrderStatus.SUBMITTED.equals(order.getStatus());
            }
        });
        return Boolean.TRUE.equals(submitted);
    }
}
