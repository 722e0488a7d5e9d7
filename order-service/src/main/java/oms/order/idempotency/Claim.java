package oms.order.idempotency;

import oms.order.order.Order;
import oms.order.order.OrderItem;

import java.util.List;
import java.util.UUID;

/** What claiming an Idempotency-Key found, and so what the request must do. */
public sealed interface Claim {

    /**
     * First request with the key, or a retry of a FAILED order: run the placement of this order,
     * whose lease the request now holds under {@code leaseToken}.
     */
    record Run(Order order, List<OrderItem> items, UUID leaseToken) implements Claim { }

    /** The order settled as CONFIRMED or REJECTED: answer the first response again. */
    record Replay(int status, String body, UUID orderId) implements Claim { }

    /** Another request holds the key right now. */
    record InUse() implements Claim { }

    /** The key was first used with another body. */
    record Reused() implements Claim { }

    /** The request that held the key is gone and the order is not settled: show it as it is. */
    record Unsettled(UUID orderId) implements Claim { }
}
