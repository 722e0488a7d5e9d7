package oms.order.placement;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import oms.order.idempotency.Claim;
import oms.order.idempotency.IdempotencyKeyClaims;
import oms.order.idempotency.IdempotencyKeyFormat;
import oms.order.order.OrderRepository;
import oms.order.order.OrderStatus;
import oms.order.order.PlaceOrderRequest;
import oms.chassis.web.ApiException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Instant;

/**
 * POST /orders: claims the Idempotency-Key, runs the placement saga within the time budget, and
 * keeps the answer so a retry with the same key gets the same answer.
 */
@Singleton
class PlaceOrderService {

    private static final Logger LOG = LoggerFactory.getLogger(PlaceOrderService.class);
    private static final int KEY_IN_USE_RETRY_SECONDS = 1;

    private final IdempotencyKeyClaims claims;
    private final PlacementSaga saga;
    private final PlacementSettlement settlement;
    private final PlacementAnswers answers;
    private final OrderRepository orders;
    private final PlacementSettings settings;
    private final PlacementMetrics metrics;
    private final Clock clock;

    PlaceOrderService(IdempotencyKeyClaims claims, PlacementSaga saga, PlacementSettlement settlement,
                      PlacementAnswers answers, OrderRepository orders, PlacementSettings settings,
                      PlacementMetrics metrics, Clock clock) {
        this.claims = claims;
        this.saga = saga;
        this.settlement = settlement;
        this.answers = answers;
        this.orders = orders;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    /**
     * @param principal the caller (token {@code sub}); its Idempotency-Keys are its own
     */
    PlacementOutcome place(String principal, @Nullable String key, PlaceOrderRequest request) {
        long started = System.nanoTime();
        Instant deadline = clock.instant().plus(settings.budget());
        IdempotencyKeyFormat.check(key);
        String repeated = request.repeatedSku();
        if (repeated != null) {
            throw ApiException.invalid("items", "sku " + repeated + " appears more than once");
        }
        Claim claim = claims.claim(principal, key, request, settings.lease());
        if (claim instanceof Claim.Run run) {
            try (MDC.MDCCloseable orderId = MDC.putCloseable("order_id", run.order().id().toString())) {
                return run(Placement.of(run.order(), run.items(), run.leaseToken()), deadline, started);
            }
        }
        if (claim instanceof Claim.Replay replay) {
            metrics.replayed();
            return answers.replay(replay);
        }
        if (claim instanceof Claim.Unsettled unsettled) {
            return answers.order(202, unsettled.orderId());
        }
        if (claim instanceof Claim.Reused) {
            throw new ApiException(HttpStatus.UNPROCESSABLE_ENTITY, "IDEMPOTENCY_KEY_REUSED",
                    "This Idempotency-Key was used with a different request body");
        }
        throw ApiException.retryLater(HttpStatus.CONFLICT, "IDEMPOTENCY_KEY_IN_USE",
                "A request with this Idempotency-Key is still being processed", KEY_IN_USE_RETRY_SECONDS);
    }

    private PlacementOutcome run(Placement p, Instant deadline, long started) {
        try {
            saga.run(p, deadline);
            if (p.status() != OrderStatus.PENDING) {
                PlacementOutcome outcome = settlement.settle(p);
                metrics.settled(p.status());
                metrics.placed(p.status(), started);
                if (p.failureCode() == null) {
                    LOG.info("Order {}: {}", p.orderId(), p.status());
                } else {
                    // A FAILED order is the system's fault: the log must say why without a look at its timeline.
                    LOG.info("Order {}: {} {}: {}", p.orderId(), p.status(), p.failureCode(), p.failureDetail());
                }
                return outcome;
            }
            // Out of time, or an undo must wait: hand the order to recovery now rather than at lease end.
            orders.retryLater(p.orderId(), p.leaseToken(), clock.instant(), clock.instant());
        } catch (PlacementJournal.LeaseLost e) {
            // Another holder drives the order now; show it as it is.
        }
        claims.unlock(p.orderId());
        metrics.placed(OrderStatus.PENDING, started);
        LOG.info("Order {}: PENDING, settles in the background", p.orderId());
        return answers.order(202, p.orderId());
    }
}
