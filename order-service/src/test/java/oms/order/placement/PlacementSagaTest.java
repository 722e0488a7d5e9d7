package oms.order.placement;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import oms.order.order.OrderStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import static oms.order.placement.FakeDependencies.refused;
import static oms.order.placement.FakeDependencies.rejected;
import static oms.order.placement.FakeDependencies.timedOut;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The placement saga against fake dependencies: every failure point and what it undoes. */
class PlacementSagaTest {

    private static final Instant IN_A_MINUTE = Instant.now().plusSeconds(60);

    private FakeDependencies deps;
    private final List<String> journal = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private PlacementSaga saga;
    private Placement placement;

    @BeforeEach
    void given() {
        deps = new FakeDependencies();
        saga = new PlacementSaga(new PlacementActions(deps, deps, deps), new ListJournal(),
                new PlacementMetrics(meters), Clock.systemUTC());
        placement = new Placement(UUID.randomUUID(), UUID.randomUUID(), 1, UUID.randomUUID(),
                List.of(new Placement.Line("A", 2, null), new Placement.Line("B", 1, null)));
    }

    @Test
    void confirmsWhenEveryStepSucceeds() {
        saga.run(placement, IN_A_MINUTE);
        assertEquals(OrderStatus.CONFIRMED, placement.status());
        assertEquals(List.of("customer.find", "inventory.reserve", "payment.authorize", "inventory.commit"), deps.calls);
        assertEquals(new BigDecimal("30.00"), placement.totalAmount());
        assertEquals(List.of("CHECK_CUSTOMER:DONE", "RESERVE_STOCK:DONE", "AUTHORIZE_PAYMENT:DONE"), journal,
                "only steps with an undo are written on their own");
        assertEquals(List.of("COMMIT_RESERVATION:DONE"), placement.drainPendingEvents().stream()
                .map(e -> e.step() + ":" + e.outcome()).toList(), "written with the settlement");
        assertEquals(1, deps.authorized());
    }

    @Test
    void rejectsUnknownCustomerWithoutTouchingStock() {
        deps.customerExists = false;
        saga.run(placement, IN_A_MINUTE);
        assertRejected("CUSTOMER_NOT_FOUND");
        assertEquals(List.of("customer.find"), deps.calls);
    }

    @Test
    void rejectsSuspendedCustomer() {
        deps.customerStatus = "SUSPENDED";
        saga.run(placement, IN_A_MINUTE);
        assertRejected("CUSTOMER_INACTIVE");
        assertEquals(List.of("customer.find"), deps.calls);
    }

    @Test
    void failsWhenCustomerServiceIsDown() {
        deps.failures.put("customer.find", refused("customer"));
        saga.run(placement, IN_A_MINUTE);
        assertEquals(OrderStatus.FAILED, placement.status());
        assertEquals("DEPENDENCY_UNAVAILABLE", placement.failureCode());
        assertEquals(List.of("customer.find"), deps.calls);
    }

    @Test
    void rejectsInsufficientStockNamingTheSkusAndUndoesNothing() {
        deps.failures.put("inventory.reserve", rejected("inventory", 422, "INSUFFICIENT_STOCK", "B"));
        saga.run(placement, IN_A_MINUTE);
        assertRejected("INSUFFICIENT_STOCK");
        assertEquals(List.of("B"), placement.failureSkus());
        assertEquals(List.of("customer.find", "inventory.reserve"), deps.calls);
    }

    @Test
    void rejectsUnknownSku() {
        deps.failures.put("inventory.reserve", rejected("inventory", 422, "PRODUCT_NOT_FOUND", "A"));
        saga.run(placement, IN_A_MINUTE);
        assertRejected("PRODUCT_NOT_FOUND");
    }

    @Test
    void failsWithoutUndoWhenReserveNeverReachedInventory() {
        deps.failures.put("inventory.reserve", refused("inventory"));
        saga.run(placement, IN_A_MINUTE);
        assertEquals(OrderStatus.FAILED, placement.status());
        assertEquals(List.of("customer.find", "inventory.reserve"), deps.calls);
    }

    @Test
    void carriesOnWithAReservationWhoseAnswerTimedOut() {
        deps.effectThenTimeout.put("inventory.reserve", true);
        saga.run(placement, IN_A_MINUTE);
        assertEquals(OrderStatus.CONFIRMED, placement.status());
        assertEquals(List.of("customer.find", "inventory.reserve", "inventory.reservationsOf", "payment.authorize",
                "inventory.commit"), deps.calls);
        assertEquals(1, deps.heldOrCommitted());
    }

    @Test
    void releasesByAttemptWhenTheLostReservationCannotBeLookedUp() {
        deps.effectThenTimeout.put("inventory.reserve", true);
        deps.failures.put("inventory.reservationsOf", timedOut("inventory"));
        saga.run(placement, IN_A_MINUTE);
        assertEquals(OrderStatus.FAILED, placement.status());
        assertTrue(deps.calls.contains("inventory.releaseAttempt"));
        assertEquals(0, deps.heldOrCommitted());
    }

    @Test
    void releasesReservationWhenPaymentIsDeclined() {
        deps.paymentLimit = new BigDecimal("5.00");
        saga.run(placement, IN_A_MINUTE);
        assertRejected("PAYMENT_DECLINED");
        assertEquals(List.of("customer.find", "inventory.reserve", "payment.authorize", "inventory.releaseAttempt"), deps.calls);
        assertEquals(1.0, meters.get("oms.compensations").tag("step", "RELEASE_STOCK").counter().count(), "compensations counted");
        assertEquals(0, deps.heldOrCommitted());
        assertEquals(0, deps.authorized());
    }

    @Test
    void releasesReservationWhenPaymentServiceIsDown() {
        deps.failures.put("payment.authorize", refused("payment"));
        saga.run(placement, IN_A_MINUTE);
        assertEquals(OrderStatus.FAILED, placement.status());
        assertEquals(List.of("customer.find", "inventory.reserve", "payment.authorize", "inventory.releaseAttempt"), deps.calls);
        assertEquals(0, deps.heldOrCommitted());
    }

    @Test
    void undoesAPaymentWithoutAnswerByAttemptSoThatALateAuthorizationCannotStand() {
        deps.failures.put("payment.authorize", timedOut("payment"));   // no answer, and not there yet
        saga.run(placement, IN_A_MINUTE);
        assertEquals(OrderStatus.FAILED, placement.status());
        assertEquals(List.of("customer.find", "inventory.reserve", "payment.authorize", "payment.paymentsOf",
                "payment.voidAttempt", "inventory.releaseAttempt"), deps.calls);

        deps.failures.clear();   // the authorize that was in flight lands now
        deps.authorize(new oms.order.client.PaymentRequest(placement.orderId(), 1, placement.customerId(),
                placement.totalAmount(), "USD"));
        assertEquals(0, deps.authorized());
    }

    @Test
    void confirmsWhenTheLostPaymentAnswerWasAnAuthorization() {
        deps.effectThenTimeout.put("payment.authorize", true);
        saga.run(placement, IN_A_MINUTE);
        assertEquals(OrderStatus.CONFIRMED, placement.status());
        assertEquals(List.of("customer.find", "inventory.reserve", "payment.authorize",
                "payment.paymentsOf", "inventory.commit"), deps.calls);
        assertEquals(1, deps.authorized());
    }

    @Test
    void rejectsWhenTheLostPaymentAnswerWasADecline() {
        deps.paymentLimit = new BigDecimal("5.00");
        deps.effectThenTimeout.put("payment.authorize", true);
        saga.run(placement, IN_A_MINUTE);
        assertRejected("PAYMENT_DECLINED");
        assertEquals(0, deps.heldOrCommitted());
    }

    @Test
    void voidsByAttemptWhenThePaymentCannotBeFoundOutNow() {
        deps.effectThenTimeout.put("payment.authorize", true);
        deps.failures.put("payment.paymentsOf", timedOut("payment"));
        saga.run(placement, IN_A_MINUTE);
        assertEquals(OrderStatus.FAILED, placement.status());
        assertEquals(0, deps.authorized());
        assertEquals(0, deps.heldOrCommitted());
    }

    @Test
    void voidsAndReleasesWhenCommitIsRefused() {
        deps.failures.put("inventory.commit", rejected("inventory", 409, "RESERVATION_NOT_HELD"));
        saga.run(placement, IN_A_MINUTE);
        assertEquals(OrderStatus.FAILED, placement.status());
        assertEquals(List.of("customer.find", "inventory.reserve", "payment.authorize", "inventory.commit",
                "payment.voidAttempt", "inventory.releaseAttempt"), deps.calls);
        assertEquals(0, deps.authorized());
        assertEquals(0, deps.heldOrCommitted());
    }

    @Test
    void undoesEverythingWhenCommitAnswerTimedOut() {
        deps.effectThenTimeout.put("inventory.commit", true);
        saga.run(placement, IN_A_MINUTE);
        assertEquals(OrderStatus.FAILED, placement.status());
        assertEquals(0, deps.authorized());
        assertEquals(0, deps.heldOrCommitted());
    }

    @Test
    void staysPendingWhenAnUndoCannotFinish() {
        deps.failures.put("payment.authorize", refused("payment"));
        deps.failures.put("inventory.releaseAttempt", refused("inventory"));
        saga.run(placement, IN_A_MINUTE);
        assertEquals(OrderStatus.PENDING, placement.status());
        assertTrue(placement.compensating());
        assertEquals("DEPENDENCY_UNAVAILABLE", placement.failureCode());
        assertEquals(List.of("CHECK_CUSTOMER:DONE", "RESERVE_STOCK:DONE", "AUTHORIZE_PAYMENT:UNAVAILABLE",
                "RELEASE_STOCK:RETRY_LATER"), journal);
    }

    @Test
    void recoveryFinishesAnUndoThatHadToWait() {
        deps.failures.put("payment.authorize", refused("payment"));
        deps.failures.put("inventory.releaseAttempt", refused("inventory"));
        saga.run(placement, IN_A_MINUTE);
        deps.failures.remove("inventory.releaseAttempt");

        saga.resume(placement, IN_A_MINUTE);

        assertEquals(OrderStatus.FAILED, placement.status());
        assertEquals(0, deps.heldOrCommitted());
        assertEquals("RECOVERY:RESUMED", journal.get(4));
    }

    @Test
    void recoveryGoesForwardOncePaymentIsAuthorized() {
        Placement interrupted = interruptedAt(Progress.PAYMENT_AUTHORIZED);
        deps.calls.clear();

        saga.resume(interrupted, IN_A_MINUTE);

        assertEquals(OrderStatus.CONFIRMED, interrupted.status());
        assertEquals(List.of("inventory.commit"), deps.calls);
        assertEquals(1, deps.authorized());
    }

    @Test
    void recoveryReleasesByAttemptWhenInterruptedRightAfterTheUnrecordedCustomerCheck() {
        Placement interrupted = interruptedAt(Progress.NEW);   // the reserve may have run, unrecorded
        deps.calls.clear();

        saga.resume(interrupted, IN_A_MINUTE);

        assertEquals(OrderStatus.FAILED, interrupted.status());
        assertEquals(List.of("inventory.releaseAttempt"), deps.calls);
        assertEquals(0, deps.heldOrCommitted());
    }

    @Test
    void recoveryUndoesAPlacementInterruptedBeforeThePayment() {
        // The process died while authorizing: the payment went through but nobody heard the answer.
        Placement interrupted = interruptedAt(Progress.STOCK_RESERVED);
        deps.calls.clear();

        saga.resume(interrupted, IN_A_MINUTE);

        assertEquals(OrderStatus.FAILED, interrupted.status());
        assertEquals(List.of("payment.voidAttempt", "inventory.releaseAttempt"), deps.calls);
        assertEquals(0, deps.authorized());
        assertEquals(0, deps.heldOrCommitted());
    }

    @Test
    void leavesTheOrderPendingWhenOutOfTime() {
        saga.run(placement, Instant.now().minusSeconds(1));
        assertEquals(OrderStatus.PENDING, placement.status());
        assertEquals(List.of(), deps.calls);
        assertEquals(List.of("PLACEMENT:OUT_OF_TIME"), journal);
    }

    @Test
    void cancelVoidsThePaymentAndReleasesTheStock() {
        saga.run(placement, IN_A_MINUTE);
        deps.calls.clear();

        saga.cancel(placement, IN_A_MINUTE);

        assertEquals(OrderStatus.CANCELLED, placement.status());
        assertEquals(List.of("payment.voidAttempt", "inventory.releaseAttempt"), deps.calls);
        assertEquals(0, deps.authorized());
        assertEquals(0, deps.heldOrCommitted());
    }

    /** A placement that did everything up to and including the step after {@code reached}, but journaled only {@code reached}. */
    private Placement interruptedAt(Progress reached) {
        saga.run(placement, IN_A_MINUTE);   // the fakes now hold the real effects of a full placement
        Placement stored = new Placement(placement.orderId(), placement.customerId(), 1, UUID.randomUUID(), placement.lines());
        if (reached.compareTo(Progress.STOCK_RESERVED) >= 0) {
            stored.priced(placement.lines(), "USD", placement.reservationId());
        }
        if (reached.compareTo(Progress.PAYMENT_AUTHORIZED) >= 0) {
            stored.paid(placement.paymentId());
        }
        stored.reached(reached);
        deps.reservations.replaceAll((id, r) -> new oms.order.client.ReservationView(r.id(), r.orderId(), r.attempt(),
                "HELD", r.items(), r.currency()));
        return stored;
    }

    @Test
    void aStepCannotDeclareARejectionThatWouldEndTheOrderFailed() {
        SagaStep step = SagaStep.step("RESERVE_STOCK", Progress.STOCK_RESERVED, p -> { });
        assertThrows(IllegalArgumentException.class, () -> step.rejectedOn("RESERVATION_MISMATCH"));
        assertEquals(java.util.Set.of("INSUFFICIENT_STOCK"), step.rejectedOn("INSUFFICIENT_STOCK").rejections());
    }

    private void assertRejected(String code) {
        assertEquals(OrderStatus.REJECTED, placement.status());
        assertEquals(code, placement.failureCode());
    }

    /** Keeps the journal's entries in {@link #journal}, as "STEP:OUTCOME". */
    private class ListJournal implements PlacementJournal {
        @Override
        public void record(Placement p, String step, String outcome, String detail) {
            p.drainPendingEvents().forEach(e -> journal.add(e.step() + ":" + e.outcome()));
            journal.add(step + ":" + outcome);
        }

        @Override
        public PlacementOutcome settle(Placement p, String step, String outcome, String detail,
                                       Function<Placement, PlacementOutcome> answer) {
            record(p, step, outcome, detail);
            return answer.apply(p);
        }
    }
}
