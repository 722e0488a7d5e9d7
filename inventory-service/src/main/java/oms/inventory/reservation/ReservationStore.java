package oms.inventory.reservation;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    void insertItems(List<ReservationItem> items) {
        jdbc.prepareStatement("INSERT INTO reservation_item (reservation_id, sku, quantity, unit_price) "
                + "VALUES (?, ?, ?, ?)", ps -> {
            for (ReservationItem item : items) {
                ps.setObject(1, item.reservationId());
                ps.setString(2, item.sku());
                ps.setInt(3, item.quantity());
                ps.setBigDecimal(4, item.unitPrice());
                ps.addBatch();
            }
            return ps.executeBatch();
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

    private static ReservationItem item(ResultSet rs) throws SQLException {
        return new ReservationItem(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getBigDecimal(4));
    }
}
