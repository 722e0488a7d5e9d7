package oms.order.idempotency;

import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import oms.order.order.Order;
import oms.order.order.OrderEvent;
import oms.order.order.OrderEventRepository;
import oms.order.order.OrderItem;
import oms.order.order.OrderItemRepository;
import oms.order.order.OrderRepository;
import oms.order.order.PlaceOrderRequest;

import java.sql.Connection;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Claiming an Idempotency-Key: the key decides which of many concurrent requests creates (or
 * re-places) the order, and that request takes the order's lease. A key's first use, nearly every
 * request, is one statement; a key seen before is looked at in a transaction.
 */
@Singleton
public class IdempotencyKeyClaims {

    /**
     * The key, the order, its lines and the first timeline entry, all or nothing, in one round trip:
     * no row when the key exists already (ON CONFLICT waits for a twin inserting it right now).
     */
    private static final String FIRST_USE = """
            WITH claimed AS (
                INSERT INTO idempotency_key (principal, key, request_hash, order_id, state, locked_until, created_at, updated_at)
                VALUES (?, ?, ?, ?, 'IN_PROGRESS', ?, ?, ?)
                ON CONFLICT (principal, key) DO NOTHING
                RETURNING order_id),
            placed AS (
                INSERT INTO orders (id, customer_id, status, step, compensating, attempt, created_at, updated_at,
                                    lease_token, lease_until, recovery_attempts, cancel_requested)
                SELECT order_id, ?, 'PENDING', 'NEW', FALSE, 1, ?, ?, ?, ?, 0, FALSE FROM claimed
                RETURNING id),
            lined AS (
                INSERT INTO order_item (order_id, line_no, sku, quantity)
                SELECT placed.id, l.n, l.sku, l.quantity
                FROM placed, unnest(?::text[], ?::int[]) WITH ORDINALITY AS l(sku, quantity, n))
            INSERT INTO order_event (order_id, attempt, step, outcome, detail, at)
            SELECT id, 1, 'PLACEMENT', 'STARTED', 'Idempotency-Key claimed', ? FROM placed""";

    private final IdempotencyKeyRepository keys;
    private final OrderRepository orders;
    private final OrderItemRepository items;
    private final OrderEventRepository events;
    private final JdbcOperations jdbc;
    private final TransactionOperations<Connection> transactions;
    private final Clock clock;

    IdempotencyKeyClaims(IdempotencyKeyRepository keys, OrderRepository orders, OrderItemRepository items,
                         OrderEventRepository events, JdbcOperations jdbc,
                         TransactionOperations<Connection> transactions, Clock clock) {
        this.keys = keys;
        this.orders = orders;
        this.items = items;
        this.events = events;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
    }

    /**
     * @param principal who sends the key: the same key from two principals is two keys
     * @param lease     how long the winning request holds the order before recovery may take it
     */
    @Connectable
    public Claim claim(String principal, String key, PlaceOrderRequest request, Duration lease) {
        Instant now = now();
        Instant leaseUntil = now.plus(lease);
        String hash = RequestFingerprint.of(request);
        Optional<Claim.Run> first = firstUse(principal, key, hash, request, leaseUntil, now);
        if (first.isPresent()) {
            return first.get();
        }
        return transactions.executeWrite(status -> seenBefore(principal, key, hash, leaseUntil, now));
    }

    private Optional<Claim.Run> firstUse(String principal, String key, String hash, PlaceOrderRequest request,
                                         Instant leaseUntil, Instant now) {
        Order order = Order.placed(UUID.randomUUID(), request.customerId(), UUID.randomUUID(), leaseUntil, now);
        List<OrderItem> lines = new ArrayList<>();
        for (int i = 0; i < request.items().size(); i++) {
            PlaceOrderRequest.Item item = request.items().get(i);
            lines.add(new OrderItem(null, order.id(), i + 1, item.sku(), item.quantity(), null));
        }
        int inserted = jdbc.prepareStatement(FIRST_USE, ps -> {
            ps.setString(1, principal);
            ps.setString(2, key);
            ps.setString(3, hash);
            ps.setObject(4, order.id());
            ps.setTimestamp(5, Timestamp.from(leaseUntil));
            ps.setTimestamp(6, Timestamp.from(now));
            ps.setTimestamp(7, Timestamp.from(now));
            ps.setObject(8, order.customerId());
            ps.setTimestamp(9, Timestamp.from(now));
            ps.setTimestamp(10, Timestamp.from(now));
            ps.setObject(11, order.leaseToken());
            ps.setTimestamp(12, Timestamp.from(leaseUntil));
            ps.setArray(13, ps.getConnection().createArrayOf("text", lines.stream().map(OrderItem::sku).toArray()));
            ps.setArray(14, ps.getConnection().createArrayOf("int4", lines.stream().map(OrderItem::quantity).toArray()));
            ps.setTimestamp(15, Timestamp.from(now));
            return ps.executeUpdate();
        });
        return inserted == 1 ? Optional.of(new Claim.Run(order, lines, order.leaseToken())) : Optional.empty();
    }

    private Claim seenBefore(String principal, String key, String hash, Instant leaseUntil, Instant now) {
        UUID token = UUID.randomUUID();
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

    private void started(UUID orderId, int attempt, String detail, Instant now) {
        events.save(new OrderEvent(null, orderId, attempt, "PLACEMENT", "STARTED", detail, now));
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
