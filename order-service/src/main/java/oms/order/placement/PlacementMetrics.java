package oms.order.placement;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.inject.Singleton;
import oms.order.order.OrderStatus;

import java.time.Duration;

/**
 * The placement's meters, in Prometheus terms: oms_orders_total{status} (counted when an order
 * settles: a CONFIRMED order later cancelled counts once as CONFIRMED and once as CANCELLED),
 * oms_placement_seconds{outcome}, oms_recovery_attempts_total, oms_recovery_failures_total,
 * oms_compensations_total{step} and oms_idempotent_replays_total.
 */
@Singleton
public class PlacementMetrics {

    /** Fixed buckets: few series per outcome, and p50 / p99 still readable with histogram_quantile. */
    private static final Duration[] PLACEMENT_BUCKETS = {
            Duration.ofMillis(10), Duration.ofMillis(25), Duration.ofMillis(50), Duration.ofMillis(100),
            Duration.ofMillis(250), Duration.ofMillis(500), Duration.ofSeconds(1), Duration.ofMillis(2500),
            Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(30)};

    private final MeterRegistry registry;
    private final Counter recoveryAttempts;
    private final Counter recoveryFailures;
    private final Counter replays;

    PlacementMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (OrderStatus status : OrderStatus.values()) {
            if (status != OrderStatus.PENDING) {
                settledCounter(status);   // present at 0 from the start, so rate() and alerts see them
            }
        }
        this.recoveryAttempts = Counter.builder("oms.recovery.attempts")
                .description("Tries to settle an order whose request is gone").register(registry);
        this.recoveryFailures = Counter.builder("oms.recovery.failures")
                .description("Recovery tries that left the order unsettled (an error, or an undo that must wait)")
                .register(registry);
        this.replays = Counter.builder("oms.idempotent.replays")
                .description("POST /orders answered from a settled Idempotency-Key").register(registry);
    }

    public void settled(OrderStatus status) {
        settledCounter(status).increment();
    }

    void placed(OrderStatus outcome, long startedNanos) {
        Timer.builder("oms.placement")
                .description("POST /orders that ran the placement, by the order's status at the answer")
                .tag("outcome", outcome.name())
                .serviceLevelObjectives(PLACEMENT_BUCKETS)
                .register(registry)
                .record(Duration.ofNanos(System.nanoTime() - startedNanos));
    }

    public void recoveryAttempted() {
        recoveryAttempts.increment();
    }

    public void recoveryFailed() {
        recoveryFailures.increment();
    }

    void compensated(String step) {
        Counter.builder("oms.compensations").description("Saga steps undone, by undo step")
                .tag("step", step).register(registry).increment();
    }

    void replayed() {
        replays.increment();
    }

    private Counter settledCounter(OrderStatus status) {
        return Counter.builder("oms.orders").description("Orders settled, by final status")
                .tag("status", status.name()).register(registry);
    }
}
