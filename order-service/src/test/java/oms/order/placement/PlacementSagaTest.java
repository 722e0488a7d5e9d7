package oms.order.placement;

import oms.order.order.OrderStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static oms.order.placement.FakeDependencies.refused;
import static oms.order.placement.FakeDependencies.rejected;
import static oms.order.placement.FakeDependencies.timedOut;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The placement saga against fake dependencies: every failure point and what it undoes. */
class PlacementSagaTest {

    private FakeDependencies deps;
    private final List<String> journal = new ArrayList<>();
    private PlacementSaga saga;
    private Placement placement;

    @BeforeEach
    void given() {
        deps = new FakeDependencies();
        saga = new PlacementSaga(new PlacementSteps(deps, deps, deps),
                p -> journal.add(p.step() + (p.compensating() ? "/undo" : "")));
        placement = new Placement(UUID.randomUUID(), UUID.randomUUID(), 1,
                List.of(new Placement.Line("A", 2, null), new Placement.Line("B", 1, null)));
    }

    @Test
    void confirmsWhenEveryStepSucceeds() {
        saga.run(placement);
        assertEquals(OrderStatus.CONFIRMED, placement.status());
        assertEquals(List.of("customer.find", "inventory.reserve", "payment.authorize", "inventory.commit"), deps.calls);
        assertEquals(new BigDecimal("30.00"), placement.totalAmount());
        assertEquals(List.of("CUSTOMER_CHECKED", "STOCK_RESERVED", "PAYMENT_AUTHORIZED", "RESERVATION_COMMITTED"), journal);
        assertEquals(1, deps.authorized());
    }

    @Test
    void rejectsUnknownCustomerWithoutTouchingStock() {
        deps.customerExists = false;
        saga.run(placement);
        assertRejected("CUSTOMER_NOT_FOUND");
        assertEquals(List.of("customer.find"), deps.calls);
    }

    @Test
    void rejectsSuspendedCustomer() {
        deps.customerStatus = "SUSPENDED";
        saga.run(placement);
        assertRejected("CUSTOMER_INACTIVE");
        assertEquals(List.of("customer.find"), deps.calls);
    }

    @Test
    void failsWhenCustomerServiceIsDown() {
        deps.failures.put("customer.find", refused("customer"));
        saga.run(placement);
        assertEquals(OrderStatus.FAILED, placement.status());
        assertEquals("DEPENDENCY_UNAVAILABLE", placement.failureCode());
        assertEquals(List.of("customer.find"), deps.calls);
    }

    @Test
    void rejectsInsufficientStockNamingTheSkusAndUndoesNothing() {
        deps.failures.put("inventory.reserve", rejected("inventory", 422, "INSUFFICIENT_STOCK", "B"));
        saga.run(placement);
        assertRejected("INSUFFICIENT_STOCK");
        assertEquals(List.of("B"), placement.failureSkus());
        assertEquals(List.of("customer.find", "inventory.reserve"), deps.calls);
    }

    @Test
    void rejectsUnknownSku() {
        deps.failures.put("inventory.reserve", rejected("inventory", 422, "PRODUCT_NOT_FOUND", "A"));
        saga.run(placement);
        assertRejected("PRODUCT_NOT_FOUND");
    }

    @Test
    void failsWithoutUndoWhenReserveNeverReachedInventory() {
        deps.failures.put("inventory.reserve", refused("inventory"));
        saga.run(placement);
        assertEquals(OrderStatus.FAILED, placement.status());
        assertEquals(List.of("customer.find", "inventory.reserve"), deps.calls);
    }

    @Test
    void releasesReservationWhoseAnswerTimedOut() {
        deps.effectThenTimeout.put("inventory.reserve", true);
        saga.run(placement);
        assertEquals(OrderStatus.FAILED, placement.status());
        assertEquals(List.of("customer.find", "inventory.reserve", "inventory.reservationsOf", "inventory.release"), deps.calls);
        assertEquals(0, deps.heldOrCommitted());
    }

    @Test
    void releasesReservationWhenPaymentIsDeclined() {
        deps.paymentLimit = new BigDecimal("5.00");
        saga.run(placement);
        assertRejected("PAYMENT_DECLINED");
        assertEquals(List.of("customer.find", "inventory.reserve", "payment.authorize", "inventory.release"), deps.calls);
        assertEquals(0, deps.heldOrCommitted());
        assertEquals(0, deps.authorized());
    }

    @Test
    void releasesReservationWhenPaymentServiceIsDown() {
        deps.failures.put("payment.authorize", refused("payment"));
        saga.run(placement);
        assertEquals(OrderStatus.FAILED, placement.status());
        assertEquals(List.of("customer.find", "inventory.reserve", "payment.authorize", "inventory.release"), deps.calls);
        assertEquals(0, deps.heldOrCommitted());
    }

    @Test
    void voidsPaymentWhoseAnswerTimedOutAndReleasesStock() {
        deps.effectThenTimeout.put("payment.authorize", true);
        saga.run(placement);
        assertEquals(OrderStatus.FAILED, placement.status());
        assertEquals(List.of("customer.find", "inventory.reserve", "payment.authorize",
                "payment.paymentsOf", "payment.void", "inventory.release"), deps.calls);
        assertEquals(0, deps.authorized());
        assertEquals(0, deps.heldOrCommitted());
    }

    @Test
    void voidsAndReleasesWhenCommitIsRefused() {
        deps.failures.put("inventory.commit", rejected("inventory", 409, "RESERVATION_NOT_HELD"));
        saga.run(placement);
        assertEquals(OrderStatus.FAILED, placement.status());
        assertEquals(List.of("customer.find", "inventory.reserve", "payment.authorize", "inventory.commit",
                "payment.void", "inventory.release"), deps.calls);
        assertEquals(0, deps.authorized());
        assertEquals(0, deps.heldOrCommitted());
    }

    @Test
    void undoesEverythingWhenCommitAnswerTimedOut() {
        deps.effectThenTimeout.put("inventory.commit", true);
        saga.run(placement);
        assertEquals(OrderStatus.FAILED, placement.status());
        assertEquals(0, deps.authorized());
        assertEquals(0, deps.heldOrCommitted());
    }

    @Test
    void staysPendingWhenAnUndoCannotFinish() {
        deps.failures.put("payment.authorize", refused("payment"));
        deps.failures.put("inventory.release", refused("inventory"));
        saga.run(placement);
        assertEquals(OrderStatus.PENDING, placement.status());
        assertTrue(placement.compensating());
        assertEquals("COMPENSATION_PENDING", placement.failureCode());
        assertEquals(List.of("CUSTOMER_CHECKED", "STOCK_RESERVED", "STOCK_RESERVED/undo"), journal);
    }

    private void assertRejected(String code) {
        assertEquals(OrderStatus.REJECTED, placement.status());
        assertEquals(code, placement.failureCode());
    }
}
