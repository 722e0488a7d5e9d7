package oms.order.placement;

/**
 * How far a placement got: the last step known to be done. Stored on the order (column step) so
 * that the placement can be resumed or undone later.
 */
public enum Progress {
    NEW, CUSTOMER_CHECKED, STOCK_RESERVED, PAYMENT_AUTHORIZED, RESERVATION_COMMITTED
}
