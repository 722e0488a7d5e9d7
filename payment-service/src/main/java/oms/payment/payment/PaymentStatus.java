package oms.payment.payment;

/** AUTHORIZED holds money and may be VOIDED; DECLINED and VOIDED are final. */
public enum PaymentStatus {
    AUTHORIZED, DECLINED, VOIDED
}
