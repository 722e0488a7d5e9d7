package oms.order.order;

/** What a client sees of an order. PENDING is the only state that is not final. */
public enum OrderStatus {
    PENDING, CONFIRMED, REJECTED, FAILED, CANCELLED
}
