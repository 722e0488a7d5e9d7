package oms.inventory.reservation;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import oms.chassis.web.ApiException;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Moves the stock of reservations: takes it for a new one, all items or (by throwing inside the
 * transaction) none, and shifts it when reservations change status. Each is one statement whatever
 * the number of items, since every statement is a round trip to PostgreSQL. Inside it the products
 * are locked by a read in sku order before anything is written (PostgreSQL sorts before it locks),
 * and the writes touch only rows that read has locked: any two transactions lock shared products
 * in the same order and cannot deadlock. A unit can still never be taken twice: a hold is
 * conditional on the units being free in the locked row, and the CHECK constraints catch the rest.
 */
@Singleton
class StockHolder {

    private static final int NAMED_SKUS = 5;

    private static final String HOLD = """
            WITH asked AS (SELECT * FROM unnest(?::varchar[], ?::int[]) AS a (sku, quantity)),
            locked AS MATERIALIZED (
                SELECT p.sku, a.quantity FROM product p JOIN asked a ON a.sku = p.sku ORDER BY p.sku FOR UPDATE OF p),
            held AS (
                UPDATE product p SET available = p.available - l.quantity, reserved = p.reserved + l.quantity,
                    updated_at = now()
                FROM locked l WHERE p.sku = l.sku AND p.available >= l.quantity
                RETURNING p.sku, l.quantity, p.unit_price)
            INSERT INTO reservation_item (reservation_id, sku, quantity, unit_price)
            SELECT ?, sku, quantity, unit_price FROM held
            RETURNING sku, quantity, unit_price""";

    private static final String TRANSITION = """
            WITH changed AS (
                UPDATE reservation SET status = ?, updated_at = ? WHERE id = ANY (?) AND status = ? RETURNING id),
            moves AS (SELECT * FROM unnest(?::varchar[], ?::bigint[]) AS m (sku, units)),
            locked AS MATERIALIZED (
                SELECT p.sku, m.units FROM product p JOIN moves m ON m.sku = p.sku ORDER BY p.sku FOR UPDATE OF p),
            moved AS (
                UPDATE product p SET available = p.available + ?::bigint * l.units,
                    reserved = p.reserved + ?::bigint * l.units, updated_at = now()
                FROM locked l WHERE p.sku = l.sku RETURNING p.sku)
            SELECT (SELECT count(*) FROM changed), (SELECT count(*) FROM moved)""";

    private final JdbcOperations jdbc;

    StockHolder(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Holds every item and records it under the reservation, whose row must exist. When any item is
     * short or unknown it throws, naming every offender, and the caller's transaction undoes the rest.
     *
     * @return the held items with the unit prices they were held at, in sku order
     * @throws ApiException 422 PRODUCT_NOT_FOUND if any sku is unknown, else 422 INSUFFICIENT_STOCK
     */
    List<ReservationItem> hold(UUID reservationId, List<ReservationItemRequest> requested) {
        List<ReservationItem> held = jdbc.prepareStatement(HOLD, ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("varchar",
                    requested.stream().map(ReservationItemRequest::sku).toArray()));
            ps.setArray(2, ps.getConnection().createArrayOf("int4",
                    requested.stream().map(ReservationItemRequest::quantity).toArray()));
            ps.setObject(3, reservationId);
            List<ReservationItem> items = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    items.add(new ReservationItem(reservationId, rs.getString(1), rs.getInt(2), rs.getBigDecimal(3)));
                }
            }
            return items;
        });
        if (held.size() < requested.size()) {
            Set<String> got = new HashSet<>(held.stream().map(ReservationItem::sku).toList());
            throw shortfall(requested.stream().map(ReservationItemRequest::sku).filter(sku -> !got.contains(sku))
                    .sorted().toList());
        }
        return held.stream().sorted(Comparator.comparing(ReservationItem::sku)).toList();
    }

    /**
     * Applies {@code change} to reservations whose row locks the caller holds and that all stand at
     * {@code change.from()}: their new status and the stock moves of their items, together. The units
     * are summed per product first, so a batch moves each product once.
     *
     * @throws IllegalStateException if a reservation was not at {@code change.from()} or a product is
     *                               gone; the caller's transaction then undoes all of it
     */
    void apply(Transition change, Collection<UUID> reservationIds, Collection<ReservationItem> items, Instant now) {
        Map<String, Long> unitsBySku = new TreeMap<>();
        items.forEach(item -> unitsBySku.merge(item.sku(), (long) item.quantity(), Long::sum));
        long[] counts = jdbc.prepareStatement(TRANSITION, ps -> {
            ps.setString(1, change.to().name());
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setArray(3, ps.getConnection().createArrayOf("uuid", reservationIds.toArray()));
            ps.setString(4, change.from().name());
            ps.setArray(5, ps.getConnection().createArrayOf("varchar", unitsBySku.keySet().toArray()));
            ps.setArray(6, ps.getConnection().createArrayOf("int8", unitsBySku.values().toArray()));
            ps.setLong(7, change.effect().availableSign);
            ps.setLong(8, change.effect().reservedSign);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return new long[] {rs.getLong(1), rs.getLong(2)};
            }
        });
        if (counts[0] != reservationIds.size() || counts[1] != unitsBySku.size()) {
            throw new IllegalStateException("Reservations " + reservationIds + " " + change.from() + " -> " + change.to()
                    + ": " + counts[0] + " changed under their row locks, " + counts[1] + " of " + unitsBySku.size()
                    + " products moved");
        }
    }

    /** A failed hold means unknown or short; unknown wins, as no restock would help the order. */
    private ApiException shortfall(List<String> failed) {
        Set<String> known = existing(failed);
        List<String> unknown = failed.stream().filter(sku -> !known.contains(sku)).toList();
        if (!unknown.isEmpty()) {
            return ApiException.unprocessable("PRODUCT_NOT_FOUND",
                    "No product with sku " + named(unknown)).with("skus", unknown);
        }
        return ApiException.unprocessable("INSUFFICIENT_STOCK",
                "Not enough stock for sku " + named(failed)).with("skus", failed);
    }

    /** The skus among {@code skus} that name a product. */
    private Set<String> existing(Collection<String> skus) {
        return jdbc.prepareStatement("SELECT sku FROM product WHERE sku = ANY (?)", ps -> {
            ps.setArray(1, ps.getConnection().createArrayOf("varchar", skus.toArray()));
            Set<String> found = new HashSet<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getString(1));
                }
            }
            return found;
        });
    }

    /**
     * The first few skus and how many more: a detail stays short however many (and however long)
     * skus an order names, so the caller can keep it; the {@code skus} member lists them all.
     */
    private static String named(List<String> skus) {
        int shown = Math.min(skus.size(), NAMED_SKUS);
        String first = String.join(", ", skus.subList(0, shown));
        return shown == skus.size() ? first : first + " and " + (skus.size() - shown) + " more";
    }
}
