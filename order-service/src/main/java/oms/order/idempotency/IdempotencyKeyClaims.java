package oms.order.idempotency;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import oms.order.order.Order;
import oms.order.order.OrderEvent;
import oms.order.order.OrderEventRepository;
import oms.order.order.OrderItem;
import oms.order.order.OrderItemRepository;
import oms.order.order.OrderRepository;
import oms.order.order.PlaceOrderRequest;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Claiming an Idempotency-Key: in one transaction the key decides which of many concurrent requests
 * creates (or re-places) the order, and that request takes the order's lease.
 */
@Singleton
public class IdempotencyKeyClaims {

    private final IdempotencyKeyRepository keys;
    private final OrderRepository orders;
    private final OrderItemRepository items;
    private final OrderEventRepository events;
    private final Clock clock;

    IdempotencyKeyClaims(IdempotencyKeyRepository keys, OrderRepository orders, OrderItemRepository items,
                         OrderEventRepository events, Clock clock) {
        this.keys = keys;
        this.orders = orders;
        this.items = items;
        this.events = events;
        this.clock = clock;
    }

    /**
     * @param principal who sends the key: the same key from two principals is two keys
     * @param lease     how long the winning request holds the order before recovery may take it
     */
    @Transactional
    public Claim claim(String principal, String key, PlaceOrderRequest request, Duration lease) {
        Instant now = now();
        Instant leaseUntil = now.plus(lease);
        String hash = RequestFingerprint.of(request);
        UUID orderId = UUID.randomUUID();
        UUID token = UUID.randomUUID();
        if (keys.tryInsert(principal, key, hash, orderId, leaseUntil, now) == 1) {
            return createOrder(orderId, token, leaseUntil, request, now);
        }
        IdempotencyKey existing = keys.lock(principal, key).orElse(null);
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
        if (orders.reopenFailed(existing.orderId(), token, leaseUntil, now) == 1) {
            keys.reopen(existing.orderId(), leaseUntil, now);
            items.clearPrices(existing.orderId());
            Order order = orders.findById(existing.orderId()).orElseThrow();
            started(order.id(), order.attempt(), "the FAILED order is placed again", now);
            return new Claim.Run(order, items.findByOrderIdOrderByLineNo(order.id()), token);
        }
        return new Claim.Replay(existing.responseStatus(), existing.responseBody(), existing.orderId());
    }

    /** The request answers before the order settled: a retry with the key then sees the order as it is. */
    public void unlock(UUID orderId) {
        keys.unlock(orderId, now());
    }

    private Claim.Run createOrder(UUID orderId, UUID token, Instant leaseUntil, PlaceOrderRequest request, Instant now) {
        Order order = orders.save(Order.placed(orderId, request.customerId(), token, leaseUntil, now));
        List<OrderItem> rows = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            PlaceOrderRequest.Item item = request.items().get(i);
            rows.add(new OrderItem(null, orderId, i + 1, item.sku(), item.quantity(), null));
        }
        items.saveAll(rows);
        started(orderId, 1, "Idempotency-Key claimed", now);
        return new Claim.Run(order, rows, token);
    }

    private void started(UUID orderId, int attempt, String detail, Instant now) {
        events.save(new OrderEvent(null, orderId, attempt, "PLACEMENT", "STARTED", detail, now));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
