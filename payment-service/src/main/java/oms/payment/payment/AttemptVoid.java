package oms.payment.payment;

/**
 * The outcome of a void-by-attempt request.
 *
 * @param payment the attempt's payment as it is now: VOIDED, or DECLINED when it never held money
 * @param created true when this request made a tombstone because the attempt had no payment yet
 */
public record AttemptVoid(Payment payment, boolean created) {
}
