package oms.payment.payment;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import oms.payment.gateway.DeclineReason;
import oms.payment.gateway.GatewayDecision;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A row of the payment table: one per (orderId, attempt). */
@MappedEntity("payment")
public record Payment(@Id UUID id, UUID orderId, int attempt, UUID customerId, BigDecimal amount,
                      String currency, PaymentStatus status, @Nullable DeclineReason declineReason,
                      Instant createdAt, Instant updatedAt) {

    /**
     * The attempt's payment as claimed before the gateway is asked. It is written AUTHORIZED but never
     * seen so: {@link #decided} replaces the status in the same transaction.
     */
    static Payment claimed(UUID orderId, int attempt, UUID customerId, BigDecimal amount, String currency,
                           Instant now) {
        return new Payment(UUID.randomUUID(), orderId, attempt, customerId, amount, currency,
                PaymentStatus.AUTHORIZED, null, now, now);
    }

    /** This claimed payment with the status the gateway decided. */
    Payment decided(GatewayDecision decision) {
        PaymentStatus decidedStatus = decision.authorized() ? PaymentStatus.AUTHORIZED : PaymentStatus.DECLINED;
        return new Payment(id, orderId, attempt, customerId, amount, currency, decidedStatus,
                decision.declineReason(), createdAt, updatedAt);
    }

    /**
     * A tombstone: the attempt's payment created already VOIDED, so that a later authorize of the same
     * (orderId, attempt) finds it and can never create an authorization. No gateway is asked.
     */
    static Payment tombstone(UUID orderId, int attempt, UUID customerId, BigDecimal amount, String currency,
                             Instant now) {
        return new Payment(UUID.randomUUID(), orderId, attempt, customerId, amount, currency,
                PaymentStatus.VOIDED, null, now, now);
    }

    /**
     * Whether a repeated authorize request asks for exactly this payment. Amounts compare by value:
     * 10.5 and 10.50 are the same money.
     */
    boolean isSameRequest(UUID otherCustomerId, BigDecimal otherAmount, String otherCurrency) {
        return customerId.equals(otherCustomerId)
                && amount.compareTo(otherAmount) == 0
                && currency.equals(otherCurrency);
    }

    /**
     * The void transition: AUTHORIZED becomes VOIDED, voiding again changes nothing, and a decline
     * held no money so there is nothing to void.
     *
     * @throws NotVoidableException for a DECLINED payment
     */
    Payment voided(Instant at) {
        return switch (status) {
            case AUTHORIZED -> new Payment(id, orderId, attempt, customerId, amount, currency,
                    PaymentStatus.VOIDED, declineReason, createdAt, at);
            case VOIDED -> this;
            case DECLINED -> throw new NotVoidableException(this);
        };
    }

    /**
     * The void-by-attempt transition: whatever this attempt's payment is, afterwards no authorization of
     * it stands. AUTHORIZED becomes VOIDED (as {@link #voided}); VOIDED and DECLINED stay as they are,
     * a decline never held money, so unlike {@link #voided} it is not an error.
     */
    Payment withoutAuthorization(Instant at) {
        return status == PaymentStatus.DECLINED ? this : voided(at);
    }

    /** Thrown by a transition the current status does not allow. */
    static final class NotVoidableException extends RuntimeException {
        NotVoidableException(Payment payment) {
            super("Payment " + payment.id() + " is " + payment.status() + " and cannot be voided");
        }
    }
}
