package oms.order.placement;

import jakarta.inject.Singleton;
import oms.order.client.DownstreamUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static oms.order.placement.PlacementStep.CUSTOMER_CHECKED;
import static oms.order.placement.PlacementStep.PAYMENT_AUTHORIZED;
import static oms.order.placement.PlacementStep.RESERVATION_COMMITTED;
import static oms.order.placement.PlacementStep.STOCK_RESERVED;

/**
 * Places an order as one list of steps, each with its compensation. A step that fails undoes the
 * steps before it, newest first; when the failed step's own outcome is unknown (no answer), it is
 * undone too. Every step and undo is journaled with the order's progress, so that recovery can
 * resume a placement whose request died: forward once the payment is authorized (the point of no
 * return), backward before it.
 */
@Singleton
public class PlacementSaga {

    private static final Logger LOG = LoggerFactory.getLogger(PlacementSaga.class);

    private final List<SagaStep> steps;
    private final PlacementJournal journal;
    private final PlacementMetrics metrics;
    private final Clock clock;

    PlacementSaga(PlacementSteps s, PlacementJournal journal, PlacementMetrics metrics, Clock clock) {
        this.journal = journal;
        this.metrics = metrics;
        this.clock = clock;
        this.steps = List.of(
                new SagaStep("CHECK_CUSTOMER", CUSTOMER_CHECKED, s::checkCustomer, "", SagaStep.NOTHING_TO_UNDO),
                new SagaStep("RESERVE_STOCK", STOCK_RESERVED, s::reserveStock, "RELEASE_STOCK", s::releaseStock),
                new SagaStep("AUTHORIZE_PAYMENT", PAYMENT_AUTHORIZED, s::authorizePayment, "VOID_PAYMENT", s::voidPayment),
                new SagaStep("COMMIT_RESERVATION", RESERVATION_COMMITTED, s::commitReservation, "", SagaStep.NOTHING_TO_UNDO));
    }

    /**
     * Moves the placement forward from the step it reached. It ends CONFIRMED, REJECTED or FAILED,
     * or stays PENDING when the deadline passes or an undo cannot finish now (recovery goes on).
     */
    public void run(Placement p, Instant deadline) {
        for (int i = p.step().ordinal(); i < steps.size(); i++) {
            if (outOfTime(p, deadline)) {
                return;
            }
            SagaStep step = steps.get(i);
            try {
                step.action().accept(p);
            } catch (OrderRejected e) {
                // A business answer means the step did nothing (a declined payment holds no money).
                p.startCompensating(e.code(), e.getMessage(), e.skus());
                journal.record(p, step.name(), "REJECTED", e.code() + ": " + e.getMessage());
                compensate(p, i - 1, deadline);
                return;
            } catch (DownstreamUnavailable e) {
                p.startCompensating("DEPENDENCY_UNAVAILABLE", e.getMessage(), List.of());
                journal.record(p, step.name(), e.outcomeUnknown() ? "NO_ANSWER" : "UNAVAILABLE", e.getMessage());
                compensate(p, e.outcomeUnknown() ? i : i - 1, deadline);
                return;
            } catch (StepFailed e) {
                p.startCompensating("DEPENDENCY_UNAVAILABLE", e.getMessage(), List.of());
                journal.record(p, step.name(), "FAILED", e.getMessage());
                compensate(p, i, deadline);
                return;
            }
            p.reached(step.reached());
            if (step.needsDurableProgress()) {
                journal.record(p, step.name(), "DONE", null);
            } else {
                journal.note(p, step.name(), "DONE", null);
            }
        }
        p.confirm();
    }

    /** Drives a placement whose request is gone (or a cancellation under way) towards its end. */
    public void resume(Placement p, Instant deadline) {
        if (p.cancelRequested()) {
            journal.record(p, "RECOVERY", "RESUMED", "cancellation");
            cancel(p, deadline);
        } else if (p.compensating()) {
            journal.record(p, "RECOVERY", "RESUMED", "undoing from " + p.step());
            compensate(p, Math.min(p.step().ordinal(), steps.size() - 1), deadline);
        } else if (p.step().compareTo(PAYMENT_AUTHORIZED) >= 0) {
            journal.record(p, "RECOVERY", "RESUMED", "forward from " + p.step() + ": the payment is authorized");
            run(p, deadline);
        } else {
            // Before the point of no return the client is gone and nothing is paid: give it all back.
            // The step after the last recorded one may have run unrecorded (only steps with an undo
            // record their progress), and the one after it may be in flight: undo both, by attempt.
            p.startCompensating("DEPENDENCY_UNAVAILABLE",
                    "The placement was interrupted at " + p.step() + " and has been undone", List.of());
            journal.record(p, "RECOVERY", "RESUMED", "undoing from " + p.step());
            compensate(p, Math.min(p.step().ordinal() + 1, steps.size() - 1), deadline);
        }
    }

    /** Undoes a CONFIRMED order: voids the payment and gives the units back; ends CANCELLED. */
    public void cancel(Placement p, Instant deadline) {
        if (undo(p, steps.size() - 1, deadline)) {
            p.cancelled();
        }
    }

    /** Undoes steps {@code last} down to the first; on success the order ends REJECTED or FAILED. */
    private void compensate(Placement p, int last, Instant deadline) {
        if (undo(p, last, deadline)) {
            p.endCompensated();
        }
    }

    private boolean undo(Placement p, int last, Instant deadline) {
        for (int i = last; i >= 0; i--) {
            SagaStep step = steps.get(i);
            if (!step.hasUndo()) {
                continue;
            }
            if (outOfTime(p, deadline)) {
                return false;
            }
            try {
                step.undo().accept(p);
            } catch (DownstreamUnavailable | StepFailed e) {
                LOG.warn("Order {} attempt {}: {} did not finish: {}", p.orderId(), p.attempt(), step.undoName(), e.getMessage());
                journal.record(p, step.undoName(), "RETRY_LATER", e.getMessage());
                return false;
            }
            journal.record(p, step.undoName(), "DONE", null);
            metrics.compensated(step.undoName());
        }
        return true;
    }

    private boolean outOfTime(Placement p, Instant deadline) {
        if (clock.instant().isBefore(deadline)) {
            return false;
        }
        journal.record(p, "PLACEMENT", "OUT_OF_TIME", "continued in the background at " + p.step());
        return true;
    }
}
