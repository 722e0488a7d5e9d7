package oms.inventory.reservation;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import oms.chassis.web.ApiException;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Moves the stock of reservations: takes it for a new one, all items or (by throwing inside the
 * transaction) none, and shifts it when reservations change status. Products are always touched
 * in sku order, one statement each, so any two transactions lock shared products in the same order
 * and cannot deadlock. Each of those statements also does the reservation's own write of that
 * step (an item's row; the status change), as every statement is a round trip to PostgreSQL. Each
 * is a CTE of plain key lookups: measured with pgbench, cheaper for PostgreSQL than the same work
 * as two statements, where one statement for all items (a locking read in sku order, then joins)
 * cost it more (docs/benchmarks.md, 2026-12-02).
 */
@Singleton
class StockHolder {

    /** Holds one item if its units are free, and records it under the reservation at the price of now. */
    private static final String HOLD = """
            WITH held AS (
                UPDATE product SET available = available - ?, reserved = reserved + ?, updated_at = now()
                WHERE sku = ? AND available >= ? RETURNING sku, unit_price)
            INSERT INTO reservation_item (reservation_id, sku, quantity, unit_price)
            SELECT ?, sku, ?, unit_price FROM held RETURNING unit_price""";

    /** Changes the status of reservations that stand at the expected one, and moves one product's units if they did. */
    private static final String TRANSITION = """
            WITH changed AS (
                UPDATE reservation SET status = ?, updated_at = ? WHERE id = ANY (?) AND status = ? RETURNING id),
            moved AS (
                UPDATE product SET available = available + ?, reserved = reserved + ?, updated_at = now()
                WHERE sku = ? AND EXISTS (SELECT 1 FROM changed) RETURNING sku)
            SELECT (SELECT count(*) FROM changed), (SELECT count(*) FROM moved)""";

    private static final String MOVE = """
            UPDATE product SET available = available + ?, reserved = reserved + ?, updated_at = now() WHERE sku = ?""";

    private final JdbcOperations jdbc;
    private final StockShortfall shortfall;

    StockHolder(JdbcOperations jdbc, StockShortfall shortfall) {
        this.jdbc = jdbc;
        this.shortfall = shortfall;
    }

    /**
     * Holds every item, in sku order, and records each under the reservation, whose row must exist.
     * Tries all items even after a failure, to name every offender; then throws, and the caller's
     * transaction undoes the rest.
     *
     * @return the held items with the unit prices they were held at, in sku order
     * @throws ApiException 422 PRODUCT_NOT_FOUND if any sku is unknown, else 422 INSUFFICIENT_STOCK
     */
    List<ReservationItem> hold(UUID reservationId, List<ReservationItemRequest> requested) {
        List<ReservationItem> held = new ArrayList<>();
        List<String> failed = new ArrayList<>();
        List<ReservationItemRequest> bySku = requested.stream()
                .sorted(Comparator.comparing(ReservationItemRequest::sku)).toList();
        for (ReservationItemRequest item : bySku) {
            Optional<BigDecimal> price = holdOne(reservationId, item);
            if (price.isPresent()) {
                held.add(new ReservationItem(reservationId, item.sku(), item.quantity(), price.get()));
            } else {
                failed.add(item.sku());
            }
        }
        if (!failed.isEmpty()) {
            throw shortfall.of(failed);
        }
        return held;
    }

    private Optional<BigDecimal> holdOne(UUID reservationId, ReservationItemRequest item) {
        return jdbc.prepareStatement(HOLD, ps -> {
            ps.setLong(1, item.quantity());
            ps.setLong(2, item.quantity());
            ps.setString(3, item.sku());
            ps.setLong(4, item.quantity());
            ps.setObject(5, reservationId);
            ps.setInt(6, item.quantity());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getBigDecimal(1)) : Optional.empty();
            }
        });
    }

    /**
     * Applies {@code change} to reservations whose row locks the caller holds and that all stand at
     * {@code change.from()}: their new status and the stock moves of their items. The units are
     * summed per product first, so a batch moves each product once, in sku order across the whole
     * batch (reservation by reservation, A, C then B would deadlock against B, C). The status change
     * goes with the first product's move.
     *
     * @throws IllegalStateException if a reservation was not at {@code change.from()} or a product is
     *                               gone; the caller's transaction then undoes all of it
     */
    void apply(Transition change, Collection<UUID> reservationIds, Collection<ReservationItem> items, Instant now) {
        Map<String, Long> unitsBySku = new TreeMap<>();
        items.forEach(item -> unitsBySku.merge(item.sku(), (long) item.quantity(), Long::sum));
        Iterator<Map.Entry<String, Long>> moves = unitsBySku.entrySet().iterator();
        Map.Entry<String, Long> first = moves.hasNext() ? moves.next() : null;
        long[] counts = jdbc.prepareStatement(TRANSITION, ps -> {
            ps.setString(1, change.to().name());
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setArray(3, ps.getConnection().createArrayOf("uuid", reservationIds.toArray()));
            ps.setString(4, change.from().name());
            ps.setLong(5, first == null ? 0 : change.effect().availableSign * first.getValue());
            ps.setLong(6, first == null ? 0 : change.effect().reservedSign * first.getValue());
            ps.setString(7, first == null ? null : first.getKey());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        });
        if (counts[0] != reservationIds.size() || counts[1] != (first == null ? 0 : 1)) {
            throw new IllegalStateException("Reservations " + reservationIds + " " + change.from() + " -> "
                    + change.to() + ": " + counts[0] + " changed under their row locks, product moved: " + counts[1]);
        }
        moves.forEachRemaining(move -> move(move.getKey(), change.effect().availableSign * move.getValue(),
                change.effect().reservedSign * move.getValue()));
    }

    /** Shifts units between available, reserved and sold; the CHECK constraints catch a move that would go negative. */
    private void move(String sku, long availableDelta, long reservedDelta) {
        int updated = jdbc.prepareStatement(MOVE, ps -> {
            ps.setLong(1, availableDelta);
            ps.setLong(2, reservedDelta);
            ps.setString(3, sku);
            return ps.executeUpdate();
        });
        if (updated != 1) {
            throw new IllegalStateException("No product " + sku + " to adjust; reservation items reference products");
        }
    }
}
