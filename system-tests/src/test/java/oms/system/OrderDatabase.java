package oms.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/** What a fault scenario reads straight from the order and payment databases of a system under test. */
final class OrderDatabase {

    private final String orders;
    private final String payments;

    OrderDatabase(SystemUnderTest sut) {
        this.orders = sut.databaseName(Service.ORDER);
        this.payments = sut.databaseName(Service.PAYMENT);
    }

    List<String> pendingOrderIds() {
        List<String> ids = new ArrayList<>();
        query(orders, "SELECT id FROM orders WHERE status = 'PENDING'", rs -> ids.add(rs.getString("id")));
        return ids;
    }

    long countPending() {
        long[] n = {0};
        query(orders, "SELECT count(*) FROM orders WHERE status = 'PENDING'", rs -> n[0] = rs.getLong(1));
        return n[0];
    }

    Set<String> orderIdsOf(List<String> customers) {
        Set<String> ids = new HashSet<>();
        byCustomers(orders, "SELECT id FROM orders WHERE customer_id::text = ANY (?)",
                customers, rs -> ids.add(rs.getString(1).toLowerCase()));
        return ids;
    }

    Map<String, Long> paymentsByStatus(List<String> customers) {
        Map<String, Long> byStatus = new TreeMap<>();
        byCustomers(payments, "SELECT status, count(*) FROM payment WHERE customer_id::text = ANY (?) GROUP BY status",
                customers, rs -> byStatus.put(rs.getString(1), rs.getLong(2)));
        return byStatus;
    }

    /** At most one payment per (order, attempt), and no more payments for an order than it had attempts. */
    List<String> paymentsPerAttempt() {
        List<String> problems = new ArrayList<>();
        query(payments, """
                SELECT order_id, attempt, count(*) AS n FROM payment GROUP BY order_id, attempt HAVING count(*) > 1""",
                rs -> problems.add("order " + rs.getString("order_id") + " attempt " + rs.getInt("attempt") + " has "
                        + rs.getLong("n") + " payments"));
        Map<String, Integer> attempts = new HashMap<>();
        query(orders, "SELECT id, attempt FROM orders",
                rs -> attempts.put(rs.getString("id").toLowerCase(), rs.getInt("attempt")));
        query(payments, "SELECT order_id, count(*) AS n FROM payment GROUP BY order_id", rs -> {
            String id = rs.getString("order_id").toLowerCase();
            long n = rs.getLong("n");
            if (n > attempts.getOrDefault(id, 0)) {
                problems.add("order " + id + " has " + n + " payments for " + attempts.getOrDefault(id, 0) + " attempt(s)");
            }
        });
        return problems;
    }

    /** The latest updated_at of these orders once none of them is PENDING; null when there are none or one still is. */
    Instant lastUpdate(List<String> orderIds) {
        if (orderIds.isEmpty()) {
            return null;
        }
        try (Connection c = Postgres.connect(orders);
             PreparedStatement s = c.prepareStatement("""
                     SELECT max(updated_at), count(*) FILTER (WHERE status = 'PENDING')
                     FROM orders WHERE id::text = ANY (?)""")) {
            s.setArray(1, c.createArrayOf("text", orderIds.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                Timestamp last = rs.getTimestamp(1);
                return rs.getLong(2) > 0 || last == null ? null : last.toInstant();
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void byCustomers(String database, String sql, List<String> customers, Row row) {
        try (Connection c = Postgres.connect(database); PreparedStatement s = c.prepareStatement(sql)) {
            s.setArray(1, c.createArrayOf("text", customers.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    row.read(rs);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on " + database + ": " + e.getMessage(), e);
        }
    }

    private static void query(String database, String sql, Row row) {
        try (Connection c = Postgres.connect(database); var s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                row.read(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(sql + " on " + database + ": " + e.getMessage(), e);
        }
    }

    @FunctionalInterface
    private interface Row {
        void read(ResultSet rs) throws SQLException;
    }
}
