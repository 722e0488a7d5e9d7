package oms.order.client;

import java.util.List;
import java.util.UUID;

/** payment-service as the placement sees it; every call is idempotent. */
public interface PaymentGateway {

    PaymentView authorize(PaymentRequest request);

    PaymentView voidPayment(UUID paymentId);

    List<PaymentView> paymentsOf(UUID orderId);
}
