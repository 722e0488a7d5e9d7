package oms.payment.gateway;

/** Why the gateway refused an authorization; part of the API as {@code declineReason}. */
public enum DeclineReason {
    LIMIT_EXCEEDED
}
