package oms.order.placement;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import oms.order.idempotency.IdempotencyKey;
import oms.order.idempotency.IdempotencyKeyRepository;
import oms.order.order.Order;
import oms.order.order.OrderItem;
import oms.order.order.OrderItemRepository;
import oms.order.order.OrderRepository;
import oms.order.order.OrderStatus;
import oms.order.order.PlaceOrderRequest;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * The two transactions around a placement: claiming the key (with the order it creates) and settling
 * it (the order's final state together with the answer to replay).
 */
@Singleton
public class PlacementClaims {

    private final IdempotencyKeyRepository keys;
    private final OrderRepository orders;
    private final OrderItemRepository items;
    private final Duration lockDuration;

    PlacementClaims(IdempotencyKeyRepository keys, OrderRepository orders, OrderItemRepository items,
                    @Value("${placement.key-lock:60s}") Duration lockDuration) {
        this.keys = keys;
        this.orders = orders;
        this.items = items;
        this.lockDuration = lockDuration;
    }

    /** Atomic: the unique key decides which of many concurrent requests creates the order. */
    @Transactional
    public Claim claim(String key, String hash, PlaceOrderRequest request) {
        Instant now = now();
        UUID orderId = UUID.randomUUID();
        if (keys.tryInsert(key, hash, orderId, now.plus(lockDuration), now) == 1) {
            return new Claim.Run(createOrder(orderId, request, now));
        }
        IdempotencyKey existing = keys.lock(key).orElse(null);
        if (existing == null) {
            return new Claim.InUse();   // deleted between our insert and our read: let the client retry
        }
        if (!existing.matches(hash)) {
            return new Claim.Reused();
        }
        if (existing.isLockedAt(now)) {
            return new Claim.InUse();
        }
        if (existing.state() == IdempotencyKey.KeyState.IN_PROGRESS) {
            return new Claim.Unsettled(existing.orderId());
        }
        if (orders.reopenFailed(existing.orderId(), now) == 1) {
            keys.reopen(key, now.plus(lockDuration), now);
            items.clearPrices(existing.orderId());
            Order order = orders.findById(existing.orderId()).orElseThrow();
            return new Claim.Run(placementOf(order, items.findByOrderIdOrderByLineNo(order.id())));
        }
        return new Claim.Replay(existing.responseStatus(), existing.responseBody(), existing.orderId());
    }

    /**
     * The order's final state and the answer to replay, in one transaction: the answer is built after
     * the write so it shows the final state, and a crash cannot keep one without the other.
     */
    @Transactional
    public PlacementOutcome settle(String key, Placement placement, PlacementJournal journal,
                                   Supplier<PlacementOutcome> answer) {
        journal.record(placement);
        PlacementOutcome outcome = answer.get();
        if (placement.status() == OrderStatus.PENDING) {
            keys.unlock(key, now());
        } else {
            keys.complete(key, outcome.status(), outcome.body(), now());
        }
        return outcome;
    }

    private Placement createOrder(UUID orderId, PlaceOrderRequest request, Instant now) {
        orders.save(new Order(orderId, request.customerId(), OrderStatus.PENDING, null, null, null, null, null, null,
                PlacementStep.NEW.name(), false, 1, now, now));
        List<OrderItem> rows = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            PlaceOrderRequest.Item item = request.items().get(i);
            rows.add(new OrderItem(null, orderId, i + 1, item.sku(), item.quantity(), null));
        }
        items.saveAll(rows);
        return placementOf(orders.findById(orderId).orElseThrow(), rows);
    }

    private static Placement placementOf(Order order, List<OrderItem> rows) {
        return new Placement(order.id(), order.customerId(), order.attempt(),
                rows.stream().map(r -> new Placement.Line(r.sku(), r.quantity(), null)).toList());
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
