package oms.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The checker itself, on hand-made tables with the columns it reads (no services needed): a
 * consistent picture passes, and each kind of damage is reported.
 */
class InvariantsIT {

    private static final String SUFFIX = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    private static final String INVENTORY = "oms_inv_check_" + SUFFIX;
    private static final String PAYMENT = "oms_pay_check_" + SUFFIX;
    private static final String ORDER = "oms_ord_check_" + SUFFIX;

    private static final String CONFIRMED = "00000000-0000-0000-0000-00000000000a";
    private static final String REJECTED = "00000000-0000-0000-0000-00000000000b";
    private static final String CANCELLED = "00000000-0000-0000-0000-00000000000c";

    private final Invariants invariants = new Invariants(INVENTORY, PAYMENT, ORDER);

    @BeforeAll
    static void createDatabases() {
        Postgres.createDatabase(INVENTORY);
        Postgres.createDatabase(PAYMENT);
        Postgres.createDatabase(ORDER);
        sql(INVENTORY, """
                CREATE TABLE product (sku text PRIMARY KEY, name text, unit_price numeric(12,2),
                    available int NOT NULL, reserved int NOT NULL, total_stock int NOT NULL);
                CREATE TABLE reservation (id uuid PRIMARY KEY, order_id uuid NOT NULL, attempt int, status text NOT NULL);
                CREATE TABLE reservation_item (reservation_id uuid NOT NULL, sku text NOT NULL,
                    quantity int NOT NULL, unit_price numeric(12,2))""");
        sql(PAYMENT, """
                CREATE TABLE payment (id uuid PRIMARY KEY, order_id uuid NOT NULL, attempt int, customer_id uuid,
                    amount numeric(12,2) NOT NULL, currency text, status text NOT NULL)""");
        sql(ORDER, """
                CREATE TABLE orders (id uuid PRIMARY KEY, status text NOT NULL, total_amount numeric(12,2),
                    reservation_id uuid, payment_id uuid)""");
    }

    @AfterAll
    static void dropDatabases() {
        Postgres.dropDatabase(INVENTORY);
        Postgres.dropDatabase(PAYMENT);
        Postgres.dropDatabase(ORDER);
    }

    /** Ten widgets: three sold to a CONFIRMED order, a REJECTED and a CANCELLED order holding nothing. */
    @BeforeEach
    void consistentPicture() {
        sql(INVENTORY, """
                TRUNCATE product, reservation, reservation_item;
                INSERT INTO product VALUES ('WIDGET', 'Widget', 10.00, 7, 0, 10);
                INSERT INTO reservation VALUES ('10000000-0000-0000-0000-00000000000a', '%s', 1, 'COMMITTED'),
                                               ('10000000-0000-0000-0000-00000000000b', '%s', 1, 'RELEASED'),
                                               ('10000000-0000-0000-0000-00000000000c', '%s', 1, 'RELEASED');
                INSERT INTO reservation_item VALUES ('10000000-0000-0000-0000-00000000000a', 'WIDGET', 3, 10.00),
                                                    ('10000000-0000-0000-0000-00000000000b', 'WIDGET', 2, 10.00),
                                                    ('10000000-0000-0000-0000-00000000000c', 'WIDGET', 1, 10.00)
                """.formatted(CONFIRMED, REJECTED, CANCELLED));
        sql(PAYMENT, """
                TRUNCATE payment;
                INSERT INTO payment VALUES ('20000000-0000-0000-0000-00000000000a', '%s', 1, NULL, 30.00, 'USD', 'AUTHORIZED'),
                                           ('20000000-0000-0000-0000-00000000000b', '%s', 1, NULL, 20.00, 'USD', 'DECLINED'),
                                           ('20000000-0000-0000-0000-00000000000c', '%s', 1, NULL, 10.00, 'USD', 'VOIDED')
                """.formatted(CONFIRMED, REJECTED, CANCELLED));
        sql(ORDER, """
                TRUNCATE orders;
                INSERT INTO orders VALUES ('%s', 'CONFIRMED', 30.00, '10000000-0000-0000-0000-00000000000a', '20000000-0000-0000-0000-00000000000a'),
                                          ('%s', 'REJECTED', 20.00, NULL, NULL),
                                          ('%s', 'CANCELLED', 10.00, '10000000-0000-0000-0000-00000000000c', '20000000-0000-0000-0000-00000000000c')
                """.formatted(CONFIRMED, REJECTED, CANCELLED));
    }

    @Test
    void aConsistentSystemHasNoViolations() {
        assertEquals(List.of(), invariants.violations());
        invariants.assertHold();
    }

    @Test
    void reportsAUnitThatAppearedFromNowhere() {
        sql(INVENTORY, "UPDATE product SET available = 8");
        assertReported("total_stock 10 != available 8 + reserved 0 + committed 3");
    }

    @Test
    void reportsNegativeStock() {
        sql(INVENTORY, "UPDATE product SET available = -1, total_stock = 2");
        assertReported("available is -1");
    }

    @Test
    void reportsReservedUnitsNoHeldReservationAccountsFor() {
        sql(INVENTORY, "UPDATE product SET available = 6, reserved = 1");
        assertReported("reserved 1 != units in HELD reservations 0");
    }

    @Test
    void reportsAConfirmedOrderWithoutAnAuthorizedPayment() {
        sql(PAYMENT, "UPDATE payment SET status = 'VOIDED' WHERE order_id = '" + CONFIRMED + "'");
        assertReported("0 AUTHORIZED payments, expected exactly 1");
    }

    @Test
    void reportsAConfirmedOrderPaidWithTheWrongAmount() {
        sql(PAYMENT, "UPDATE payment SET amount = 29.99 WHERE order_id = '" + CONFIRMED + "'");
        assertReported("is for 29.99 but the order total is 30.00");
    }

    @Test
    void reportsAConfirmedOrderWhoseReservationIsNotCommitted() {
        sql(INVENTORY, "UPDATE reservation SET status = 'RELEASED' WHERE order_id = '" + CONFIRMED + "'");
        assertReported("0 COMMITTED reservations, expected exactly 1");
    }

    @Test
    void reportsARejectedOrderThatStillHoldsStock() {
        sql(INVENTORY, "UPDATE reservation SET status = 'HELD' WHERE order_id = '" + REJECTED + "';"
                + "UPDATE product SET available = 5, reserved = 2");
        assertReported("(REJECTED): holds reservations");
    }

    @Test
    void reportsACancelledOrderWhosePaymentWasNotVoided() {
        sql(PAYMENT, "UPDATE payment SET status = 'AUTHORIZED' WHERE order_id = '" + CANCELLED + "'");
        assertReported("(CANCELLED): has AUTHORIZED payments");
    }

    @Test
    void reportsAnOrderLeftPending() {
        sql(ORDER, "UPDATE orders SET status = 'PENDING' WHERE id = '" + REJECTED + "'");
        assertReported("(PENDING): not settled");
    }

    @Test
    void reportsMoneyTakenForAnOrderNobodyKnows() {
        sql(PAYMENT, "INSERT INTO payment VALUES ('20000000-0000-0000-0000-0000000000ff', "
                + "'00000000-0000-0000-0000-0000000000ff', 1, NULL, 5.00, 'USD', 'AUTHORIZED')");
        assertReported("which order-service does not have");
    }

    private void assertReported(String expected) {
        List<String> violations = invariants.violations();
        assertTrue(violations.stream().anyMatch(v -> v.contains(expected)),
                "expected a violation containing '" + expected + "' but got " + violations);
        AssertionError error = assertThrows(AssertionError.class, invariants::assertHold);
        assertTrue(error.getMessage().contains(expected), error.getMessage());
    }

    private static void sql(String database, String sql) {
        try (Connection c = Postgres.connect(database); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql, e);
        }
    }
}
