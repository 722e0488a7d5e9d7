package oms.system;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks the contract's "What must always hold" straight in the databases of inventory-service,
 * payment-service and order-service. Meant for a settled system: a PENDING order is a violation,
 * so after a crash use {@link #awaitHold(Duration)}.
 *
 * <p>Tables read: inventory {@code product(sku, available, reserved, total_stock)},
 * {@code reservation(id, order_id, status)}, {@code reservation_item(reservation_id, sku, quantity)};
 * payment {@code payment(id, order_id, amount, status)}; order
 * {@code orders(id, status, total_amount, reservation_id, payment_id)}.
 */
public final class Invariants {

    private static final Set<String> SETTLED_NOT_CONFIRMED = Set.of("REJECTED", "FAILED", "CANCELLED");

    private final String inventoryDatabase;
    private final String paymentDatabase;
    private final String orderDatabase;

    public Invariants(String inventoryDatabase, String paymentDatabase, String orderDatabase) {
        this.inventoryDatabase = inventoryDatabase;
        this.paymentDatabase = paymentDatabase;
        this.orderDatabase = orderDatabase;
    }

    public static Invariants of(SystemUnderTest sut) {
        return new Invariants(sut.databaseName(Service.INVENTORY), sut.databaseName(Service.PAYMENT),
                sut.databaseName(Service.ORDER));
    }

    /** Every broken rule, one human-readable line each; empty when all hold. */
    public List<String> violations() {
        List<String> violations = new ArrayList<>(stockViolations());
        violations.addAll(orderViolations());
        return violations;
    }

    public void assertHold() {
        List<String> violations = violations();
        if (!violations.isEmpty()) {
            throw new AssertionError(violations.size() + " invariant violation(s):\n  - "
                    + String.join("\n  - ", violations));
        }
    }

    /** Polls until the invariants hold (e.g. while PENDING orders settle after a crash), then asserts. */
    public void awaitHold(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline) && !violations().isEmpty()) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        assertHold();
    }

    /** No unit sold twice: total_stock = available + reserved + units in COMMITTED reservations. */
    public List<String> stockViolations() {
        String sql = """
                SELECT p.sku, p.available, p.reserved, p.total_stock,
                       COALESCE(c.units, 0) AS committed, COALESCE(h.units, 0) AS held
                FROM product p
                LEFT JOIN (SELECT ri.sku, SUM(ri.quantity) AS units
                           FROM reservation_item ri JOIN reservation r ON r.id = ri.reservation_id
                           WHERE r.status = 'COMMITTED' GROUP BY ri.sku) c ON c.sku = p.sku
                LEFT JOIN (SELECT ri.sku, SUM(ri.quantity) AS units
                           FROM reservation_item ri JOIN reservation r ON r.id = ri.reservation_id
                           WHERE r.status = 'HELD' GROUP BY ri.sku) h ON h.sku = p.sku
                ORDER BY p.sku""";
        List<String> violations = new ArrayList<>();
        query(inventoryDatabase, sql, rs -> {
            String sku = rs.getString("sku");
            long available = rs.getLong("available");
            long reserved = rs.getLong("reserved");
            long total = rs.getLong("total_stock");
            long committed = rs.getLong("committed");
            long held = rs.getLong("held");
            if (available < 0) {
                violations.add("product " + sku + ": available is " + available + " (< 0)");
            }
            if (total != available + reserved + committed) {
                violations.add("product " + sku + ": total_stock " + total + " != available " + available
                        + " + reserved " + reserved + " + committed " + committed);
            }
            if (reserved != held) {
                violations.add("product " + sku + ": reserved " + reserved + " != units in HELD reservations " + held);
            }
        });
        return violations;
    }

    /** Each order's payment and reservation match its status. */
    public List<String> orderViolations() {
        Map<String, List<Row>> payments = byOrder(paymentDatabase,
                "SELECT id, order_id, status, amount FROM payment");
        Map<String, List<Row>> reservations = byOrder(inventoryDatabase,
                "SELECT id, order_id, status, NULL AS amount FROM reservation");
        List<String> violations = new ArrayList<>();
        Set<String> orderIds = new HashSet<>();
        query(orderDatabase, "SELECT id, status, total_amount, reservation_id, payment_id FROM orders ORDER BY id", rs -> {
            String id = rs.getString("id").toLowerCase();
            orderIds.add(id);
            Order order = new Order(id, rs.getString("status"), rs.getBigDecimal("total_amount"),
                    rs.getString("reservation_id"), rs.getString("payment_id"));
            check(order, payments.getOrDefault(id, List.of()), reservations.getOrDefault(id, List.of()), violations);
        });
        orphans("payment", payments, orderIds, Set.of("AUTHORIZED"), violations);
        orphans("reservation", reservations, orderIds, Set.of("HELD", "COMMITTED"), violations);
        return violations;
    }

    private static void check(Order order, List<Row> payments, List<Row> reservations, List<String> violations) {
        List<Row> authorized = withStatus(payments, Set.of("AUTHORIZED"));
        List<Row> committed = withStatus(reservations, Set.of("COMMITTED"));
        List<Row> held = withStatus(reservations, Set.of("HELD"));
        String what = "order " + order.id + " (" + order.status + ")";
        if ("CONFIRMED".equals(order.status)) {
            if (authorized.size() != 1) {
                violations.add(what + ": " + authorized.size() + " AUTHORIZED payments, expected exactly 1 " + payments);
            } else {
                Row payment = authorized.get(0);
                if (order.total == null || payment.amount == null || payment.amount.compareTo(order.total) != 0) {
                    violations.add(what + ": payment " + payment.id + " is for " + payment.amount
                            + " but the order total is " + order.total);
                }
                if (order.paymentId != null && !order.paymentId.equalsIgnoreCase(payment.id)) {
                    violations.add(what + ": payment_id " + order.paymentId + " but the AUTHORIZED payment is " + payment.id);
                }
            }
            if (committed.size() != 1) {
                violations.add(what + ": " + committed.size() + " COMMITTED reservations, expected exactly 1 " + reservations);
            } else if (order.reservationId != null && !order.reservationId.equalsIgnoreCase(committed.get(0).id)) {
                violations.add(what + ": reservation_id " + order.reservationId
                        + " but the COMMITTED reservation is " + committed.get(0).id);
            }
            if (!held.isEmpty()) {
                violations.add(what + ": still has HELD reservations " + held);
            }
        } else if (SETTLED_NOT_CONFIRMED.contains(order.status)) {
            if (!authorized.isEmpty()) {
                violations.add(what + ": has AUTHORIZED payments " + authorized);
            }
            if (!committed.isEmpty() || !held.isEmpty()) {
                violations.add(what + ": holds reservations " + withStatus(reservations, Set.of("HELD", "COMMITTED")));
            }
        } else if ("PENDING".equals(order.status)) {
            violations.add(what + ": not settled");
        } else {
            violations.add(what + ": unknown status");
        }
    }

    /** Money taken or stock held for an order the order-service does not know. */
    private static void orphans(String kind, Map<String, List<Row>> byOrder, Set<String> orderIds,
                                Set<String> statuses, List<String> violations) {
        byOrder.forEach((orderId, rows) -> {
            List<Row> live = withStatus(rows, statuses);
            if (!orderIds.contains(orderId) && !live.isEmpty()) {
                violations.add(kind + "s " + live + " belong to order " + orderId + ", which order-service does not have");
            }
        });
    }

    private static List<Row> withStatus(List<Row> rows, Set<String> statuses) {
        return rows.stream().filter(r -> statuses.contains(r.status)).toList();
    }

    private Map<String, List<Row>> byOrder(String database, String sql) {
        Map<String, List<Row>> byOrder = new HashMap<>();
        query(database, sql, rs -> byOrder.computeIfAbsent(rs.getString("order_id").toLowerCase(), k -> new ArrayList<>())
                .add(new Row(rs.getString("id"), rs.getString("status"), rs.getBigDecimal("amount"))));
        return byOrder;
    }

    private static void query(String database, String sql, RowHandler handler) {
        try (Connection connection = Postgres.connect(database);
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                handler.handle(rs);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Invariant query failed on " + database + ": " + e.getMessage()
                    + "\n" + sql, e);
        }
    }

    @FunctionalInterface
    private interface RowHandler {
        void handle(ResultSet rs) throws SQLException;
    }

    private record Row(String id, String status, BigDecimal amount) {
        @Override
        public String toString() {
            return id + " " + status + (amount == null ? "" : " " + amount.toPlainString());
        }
    }

    private record Order(String id, String status, BigDecimal total, String reservationId, String paymentId) {
    }
}
