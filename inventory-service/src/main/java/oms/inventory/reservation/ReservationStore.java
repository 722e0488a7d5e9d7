package oms.inventory.reservation;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The SQL Micronaut Data does not express: the idempotent insert and the items, whose key is
 * composite. Runs inside the caller's transaction.
 */
@Singleton
class ReservationStore {

    private final JdbcOperations jdbc;

    ReservationStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Inserts the reservation unless one with its (order_id, attempt) exists. A concurrent insert
     * of the same key makes this wait for that transaction, so a duplicate sees a finished reservation.
     *
     * @return true if inserted, false if the key was taken
     */
    boolean insertIfAbsent(Reservation r) {
        return jdbc.prepareStatement("INSERT INTO reservation (id, order_id, attempt, status, currency, expires_at, "
                + "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) "
                + "ON CONFLICT (order_id, attempt) DO NOTHING RETURNING id", ps -> {
            ps.setObject(1, r.id());
            ps.setObject(2, r.orderId());
            ps.setInt(3, r.attempt());
            ps.setString(4, r.status().name());
            ps.setString(5, r.currency());
            ps.setTimestamp(6, Timestamp.from(r.expiresAt()));
            ps.setTimestamp(7, Timestamp.from(r.createdAt()));
            ps.setTimestamp(8, Timestamp.from(r.updatedAt()));
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        });
    }

    /**
     * Locks the reservation's row, which serializes commit and release of one reservation (the loser
     * sees the winner's status), and reads its items (in sku order) in the same statement: both
     * need the items, and each statement is a round trip. Empty when there is no such reservation.
     */
    Optional<ReservationDetails> lockWithItems(UUID id) {
        return jdbc.prepareStatement("SELECT r.id, r.order_id, r.attempt, r.status, r.currency, r.expires_at, "
                + "r.created_at, r.updated_at, i.sku, i.quantity, i.unit_price FROM reservation r "
                + "LEFT JOIN reservation_item i ON i.reservation_id = r.id WHERE r.id = ? ORDER BY i.sku FOR UPDATE OF r", ps -> {
            ps.setObject(1, id);
            Reservation reservation = null;
            List<ReservationItem> items = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (reservation == null) {
                        reservation = new Reservation(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getInt(3),
                                ReservationStatus.valueOf(rs.getString(4)), rs.getString(5), instant(rs, 6),
                                instant(rs, 7), instant(rs, 8));
                    }
                    if (rs.getString(9) != null) {   // a reservation without items (a tombstone) has one row of nulls
                        items.add(new ReservationItem(id, rs.getString(9), rs.getInt(10), rs.getBigDecimal(11)));
                    }
                }
            }
            return Optional.ofNullable(reservation).map(r -> new ReservationDetails(r, items));
        });
    }

    List<ReservationItem> itemsOf(UUID reservationId) {
        return itemsOf(List.of(reservationId)).getOrDefault(reservationId, List.of());
    }

    /** Items per reservation, each list in sku order (the order stock is locked in). */
    Map<UUID, List<ReservationItem>> itemsOf(Collection<UUID> reservationIds) {
        return jdbc.prepareStatement("SELECT reservation_id, sku, quantity, unit_price FROM reservation_item "
                + "WHERE reservation_id = ANY (?) ORDER BY reservation_id, sku", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("uuid", reservationIds.toArray()));
            Map<UUID, List<ReservationItem>> items = new LinkedHashMap<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ReservationItem item = item(rs);
                    items.computeIfAbsent(item.reservationId(), id -> new ArrayList<>()).add(item);
                }
            }
            return items;
        });
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        return rs.getTimestamp(column).toInstant();
    }

    private static ReservationItem item(ResultSet rs) throws SQLException {
        return new ReservationItem(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getBigDecimal(4));
    }
}
