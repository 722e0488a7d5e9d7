package oms.order.recovery;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import oms.order.order.Order;
import oms.order.order.OrderItemRepository;
import oms.order.order.OrderRepository;
import oms.order.placement.Placement;
import oms.order.placement.PlacementJournal;
import oms.order.placement.PlacementMetrics;
import oms.order.placement.PlacementSaga;
import oms.order.placement.PlacementSettings;
import oms.order.placement.PlacementSettlement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Settles the orders whose request is gone: the process died, or the request ran out of its time
 * budget, or an undo could not finish. Runs at start-up and then periodically; takes only orders
 * whose lease expired, with SKIP LOCKED, so several instances can run it on one database. An undo
 * that fails is tried again later with exponential backoff and jitter, for as long as it takes.
 */
@Singleton
class PlacementRecovery {

    private static final Logger LOG = LoggerFactory.getLogger(PlacementRecovery.class);

    private final UnsettledOrders unsettled;
    private final OrderRepository orders;
    private final OrderItemRepository items;
    private final PlacementSaga saga;
    private final PlacementSettlement settlement;
    private final PlacementSettings settings;
    private final PlacementMetrics metrics;
    private final Clock clock;

    PlacementRecovery(UnsettledOrders unsettled, OrderRepository orders, OrderItemRepository items, PlacementSaga saga,
                      PlacementSettlement settlement, PlacementSettings settings, PlacementMetrics metrics, Clock clock) {
        this.unsettled = unsettled;
        this.orders = orders;
        this.items = items;
        this.saga = saga;
        this.settlement = settlement;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    @Scheduled(fixedDelay = "${placement.recovery-interval}", initialDelay = "1s")
    void recoverUnsettled() {
        int claimed;
        do {
            UUID token = UUID.randomUUID();
            Instant now = clock.instant();
            List<UUID> ids = unsettled.claim(token, now.plus(settings.lease()), now, settings.recoveryBatch());
            claimed = ids.size();
            orders.findByLeaseToken(token).forEach(order -> {
                try (MDC.MDCCloseable orderId = MDC.putCloseable("order_id", order.id().toString())) {
                    recover(order, token);
                }
            });
        } while (claimed == settings.recoveryBatch());
    }

    private void recover(Order order, UUID token) {
        Placement p = Placement.of(order, items.findByOrderIdOrderByLineNo(order.id()), token);
        metrics.recoveryAttempted();
        try {
            saga.resume(p, clock.instant().plus(settings.budget()));
            if (p.isSettled()) {
                settlement.settle(p);
                metrics.settled(p.status());
                LOG.info("Recovered order {}: {}", p.orderId(), p.status());
                return;
            }
            // Each time, so that an order stuck behind an undo that keeps failing is seen (and counted).
            LOG.error("Recovery of order {} left it unsettled at try {} ({}); will try again",
                    p.orderId(), order.recoveryAttempts(), p.progress());
        } catch (PlacementJournal.LeaseLost e) {
            return;   // another instance took it over
        } catch (RuntimeException e) {
            LOG.error("Recovery of order {} failed; will try again", order.id(), e);
        }
        metrics.recoveryFailed();
        Instant now = clock.instant();
        orders.retryLater(order.id(), token, now.plus(backoff(order.recoveryAttempts())), now);
    }

    /** 0.5 s doubling per attempt up to the cap, with ±50 % jitter so instances do not retry in step. */
    private Duration backoff(int attempts) {
        long cap = settings.maxRecoveryBackoff().toMillis();
        long base = Math.min(cap, 500L << Math.min(attempts, 16));
        return Duration.ofMillis((long) (base * ThreadLocalRandom.current().nextDouble(0.5, 1.5)));
    }
}
