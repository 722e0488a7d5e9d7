package oms.inventory.reservation;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import oms.chassis.web.ApiException;

import java.time.Instant;
import java.util.UUID;

/**
 * A row of the reservation table. Its status changes only through the named transitions below,
 * which check the current status first; the caller holds the row lock while it applies them.
 */
@MappedEntity("reservation")
public record Reservation(@Id UUID id, UUID orderId, int attempt, ReservationStatus status, String currency,
                          Instant expiresAt, Instant createdAt, Instant updatedAt) {

    static Reservation hold(UUID orderId, int attempt, String currency, Instant now, Instant expiresAt) {
        return new Reservation(UUID.randomUUID(), orderId, attempt, ReservationStatus.HELD, currency, expiresAt, now, now);
    }

    /**
     * The mark that an order attempt must hold no stock, taken before any reservation of it: RELEASED
     * from the start, with no items and nothing to expire. It occupies the attempt's key, so a reserve
     * of that attempt arriving later finds it and, its items differing from none, is refused.
     */
    static Reservation tombstone(UUID orderId, int attempt, String currency, Instant now) {
        return new Reservation(UUID.randomUUID(), orderId, attempt, ReservationStatus.RELEASED, currency, now, now, now);
    }

    /** HELD becomes COMMITTED; committing again is a no-op; a released or expired one has nothing left to sell. */
    Transition commit() {
        return switch (status) {
            case HELD -> new Transition(status, ReservationStatus.COMMITTED, StockEffect.SELL);
            case COMMITTED -> Transition.none(status);
            case RELEASED, EXPIRED -> throw ApiException.conflict("RESERVATION_NOT_HELD",
                    "Reservation " + id + " is " + status + " and can no longer be committed");
        };
    }

    /** HELD or COMMITTED becomes RELEASED and its units go back to available; releasing again is a no-op. */
    Transition release() {
        return switch (status) {
            case HELD -> new Transition(status, ReservationStatus.RELEASED, StockEffect.UNHOLD);
            case COMMITTED -> new Transition(status, ReservationStatus.RELEASED, StockEffect.RESTOCK);
            case RELEASED, EXPIRED -> Transition.none(status);
        };
    }

    /**
     * A HELD reservation past its deadline gives its units back, as a release of a HELD one does.
     * Any other status has nothing to expire: a sale or a release made first stands.
     */
    Transition expire() {
        return switch (status) {
            case HELD -> new Transition(status, ReservationStatus.EXPIRED, StockEffect.UNHOLD);
            case COMMITTED, RELEASED, EXPIRED -> Transition.none(status);
        };
    }

    Reservation withStatus(ReservationStatus newStatus, Instant now) {
        return new Reservation(id, orderId, attempt, newStatus, currency, expiresAt, createdAt, now);
    }
}
