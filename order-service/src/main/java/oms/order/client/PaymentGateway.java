package oms.order.client;

import java.util.List;
import java.util.UUID;

/** payment-service as the placement sees it; every call is idempotent. */
public interface PaymentGateway {

    PaymentView authorize(PaymentRequest request);

    List<PaymentView> paymentsOf(UUID orderId);

    /**
     * Makes sure this order attempt's authorization does not stand: voids it, or, if there is none
     * (yet), leaves a VOIDED tombstone so that an authorize still in flight cannot authorize afterwards.
     */
    PaymentView voidAttempt(PaymentRequest attempt);
}
