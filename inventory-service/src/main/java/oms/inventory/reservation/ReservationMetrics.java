package oms.inventory.reservation;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import oms.chassis.web.ApiException;

import java.util.function.Supplier;

/**
 * oms_reservations_total{outcome}: HELD (new), REPLAYED (the same order attempt again) or the
 * refusal's code (INSUFFICIENT_STOCK, PRODUCT_NOT_FOUND, RESERVATION_MISMATCH); and
 * oms_reservation_expiries_total. Counted after the transaction, so a rollback is not a HELD.
 */
@Singleton
class ReservationMetrics {

    private final MeterRegistry registry;
    private final Counter expiries;

    ReservationMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.expiries = Counter.builder("oms.reservation.expiries")
                .description("HELD reservations expired past their TTL").register(registry);
    }

    ReservationService.Outcome counted(Supplier<ReservationService.Outcome> reserve) {
        try {
            ReservationService.Outcome outcome = reserve.get();
            count(outcome.created() ? "HELD" : "REPLAYED");
            return outcome;
        } catch (ApiException e) {
            count(e.code());
            throw e;
        }
    }

    void expired(int count) {
        expiries.increment(count);
    }

    private void count(String outcome) {
        Counter.builder("oms.reservations").description("Reserve requests by outcome")
                .tag("outcome", outcome).register(registry).increment();
    }
}
