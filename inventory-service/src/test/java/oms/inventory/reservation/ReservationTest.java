package oms.inventory.reservation;

import oms.chassis.web.ApiException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static oms.inventory.reservation.ReservationStatus.COMMITTED;
import static oms.inventory.reservation.ReservationStatus.EXPIRED;
import static oms.inventory.reservation.ReservationStatus.HELD;
import static oms.inventory.reservation.ReservationStatus.RELEASED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class ReservationTest {

    private static Reservation in(ReservationStatus status) {
        Instant now = Instant.now();
        return Reservation.hold(UUID.randomUUID(), 1, "USD", now, now.plusSeconds(600)).withStatus(status, now);
    }

    @Test
    void committingAHeldReservationSellsItsUnits() {
        assertEquals(new Transition(HELD, COMMITTED, StockEffect.SELL), in(HELD).commit());
    }

    @Test
    void committingTwiceIsANoOp() {
        assertFalse(in(COMMITTED).commit().changes());
    }

    @Test
    void aReleasedOrExpiredReservationCannotBeCommitted() {
        for (ReservationStatus status : new ReservationStatus[] {RELEASED, EXPIRED}) {
            ApiException e = assertThrows(ApiException.class, () -> in(status).commit());
            assertEquals("RESERVATION_NOT_HELD", e.code());
            assertEquals(409, e.status().getCode());
        }
    }

    @Test
    void releasingFreesHeldUnitsOrRestocksSoldOnes() {
        assertEquals(new Transition(HELD, RELEASED, StockEffect.UNHOLD), in(HELD).release());
        assertEquals(new Transition(COMMITTED, RELEASED, StockEffect.RESTOCK), in(COMMITTED).release());
    }

    @Test
    void releasingAReleasedOrExpiredReservationIsANoOp() {
        assertFalse(in(RELEASED).release().changes());
        assertFalse(in(EXPIRED).release().changes());
    }

    @Test
    void anOverdueHeldReservationExpiresAndGivesItsUnitsBack() {
        assertEquals(new Transition(HELD, EXPIRED, StockEffect.UNHOLD), in(HELD).expire());
    }

    @Test
    void onlyAHeldReservationCanExpire() {
        for (ReservationStatus status : new ReservationStatus[] {COMMITTED, RELEASED, EXPIRED}) {
            assertEquals(Transition.none(status), in(status).expire(), status::name);
        }
    }

    @Test
    void noStockEffectChangesTotalStock() {
        for (StockEffect effect : StockEffect.values()) {
            // available + reserved + sold stays put: sold moves by -(available + reserved).
            int sold = -(effect.availableSign + effect.reservedSign);
            int expectedSold = switch (effect) {
                case SELL -> 1;
                case RESTOCK -> -1;
                case NONE, UNHOLD -> 0;
            };
            assertEquals(expectedSold, sold, effect::name);
        }
    }
}
