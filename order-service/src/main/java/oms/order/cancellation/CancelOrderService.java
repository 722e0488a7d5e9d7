package oms.order.cancellation;

import io.micronaut.http.HttpStatus;
import jakarta.inject.Singleton;
import oms.order.order.Order;
import oms.order.order.OrderEvent;
import oms.order.order.OrderEventRepository;
import oms.order.order.OrderItemRepository;
import oms.order.order.OrderQueries;
import oms.order.order.OrderRepository;
import oms.order.order.OrderStatus;
import oms.order.order.OrderNotFound;
import oms.order.order.OrderView;
import oms.order.placement.Placement;
import oms.order.placement.PlacementJournal;
import oms.order.placement.PlacementMetrics;
import oms.order.placement.PlacementSaga;
import oms.order.placement.PlacementSettings;
import oms.order.placement.PlacementSettlement;
import oms.chassis.web.ApiException;
import org.slf4j.MDC;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * POST /orders/{id}/cancel: a CONFIRMED order gets its payment voided and its units back, and ends
 * CANCELLED. The request is recorded first (cancel_requested), so that if a dependency is down the
 * answer is 503 and recovery finishes the cancellation.
 */
@Singleton
class CancelOrderService {

    private final OrderRepository orders;
    private final OrderItemRepository items;
    private final OrderEventRepository events;
    private final OrderQueries queries;
    private final PlacementSaga saga;
    private final PlacementSettlement settlement;
    private final PlacementSettings settings;
    private final PlacementMetrics metrics;
    private final Clock clock;

    CancelOrderService(OrderRepository orders, OrderItemRepository items, OrderEventRepository events,
                       OrderQueries queries, PlacementSaga saga, PlacementSettlement settlement,
                       PlacementSettings settings, PlacementMetrics metrics, Clock clock) {
        this.orders = orders;
        this.items = items;
        this.events = events;
        this.queries = queries;
        this.saga = saga;
        this.settlement = settlement;
        this.settings = settings;
        this.metrics = metrics;
        this.clock = clock;
    }

    OrderView cancel(UUID orderId) {
        try (MDC.MDCCloseable id = MDC.putCloseable("order_id", orderId.toString())) {
            return cancelLogged(orderId);
        }
    }

    private OrderView cancelLogged(UUID orderId) {
        UUID token = UUID.randomUUID();
        Order order = start(orderId, token);
        if (order.status() == OrderStatus.CANCELLED) {
            return queries.get(orderId);
        }
        Placement p = Placement.of(order, items.findByOrderIdOrderByLineNo(orderId), token);
        try {
            saga.cancel(p, clock.instant().plus(settings.budget()));
        } catch (PlacementJournal.LeaseLost e) {
            throw inProgress();
        }
        if (p.isSettled()) {
            settlement.settleCancellation(p);
            metrics.settled(p.status());
            return queries.get(orderId);
        }
        orders.retryLater(orderId, token, clock.instant(), clock.instant());
        throw ApiException.retryLater(HttpStatus.SERVICE_UNAVAILABLE, "DEPENDENCY_UNAVAILABLE",
                "The cancellation could not finish now; it goes on in the background",
                (int) Math.max(1, settings.retryAfter().toSeconds()));
    }

    /**
     * Takes the order's lease for the cancellation in one conditional update (so two cancels cannot
     * both take it), or says why it cannot be cancelled.
     */
    private Order start(UUID orderId, UUID token) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        if (orders.requestCancel(orderId, token, now.plus(settings.lease()), now) == 1) {
            Order order = orders.findById(orderId).orElseThrow();
            events.save(new OrderEvent(null, orderId, order.attempt(), "CANCEL", "REQUESTED", null, now));
            return order;
        }
        Order order = orders.findById(orderId).orElseThrow(() ->
                OrderNotFound.of(orderId));
        if (order.status() == OrderStatus.CANCELLED) {
            return order;
        }
        if (order.status() == OrderStatus.CONFIRMED) {
            throw inProgress();
        }
        throw new ApiException(HttpStatus.CONFLICT, "ORDER_NOT_CANCELLABLE",
                "Only a CONFIRMED order can be cancelled; this one is " + order.status());
    }

    private static ApiException inProgress() {
        return ApiException.retryLater(HttpStatus.CONFLICT, "ORDER_NOT_CANCELLABLE",
                "A cancellation of this order is already under way; retry shortly", 1);
    }
}
