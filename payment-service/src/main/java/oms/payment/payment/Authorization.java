package oms.payment.payment;

/**
 * The outcome of an authorize request.
 *
 * @param created true when this request made the payment, false when it repeated an earlier one
 */
public record Authorization(Payment payment, boolean created) {
}
