package oms.order.placement;

/** How far a placement got; stored on the order so the placement can be resumed or undone later. */
public enum PlacementStep {
    NEW, CUSTOMER_CHECKED, STOCK_RESERVED, PAYMENT_AUTHORIZED, RESERVATION_COMMITTED
}
