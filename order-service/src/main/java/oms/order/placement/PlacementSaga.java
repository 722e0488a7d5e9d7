package oms.order.placement;

import jakarta.inject.Singleton;
import oms.order.client.DownstreamRejected;
import oms.order.client.DownstreamUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

import static oms.order.placement.Progress.CUSTOMER_CHECKED;
import static oms.order.placement.Progress.PAYMENT_AUTHORIZED;
import static oms.order.placement.Progress.RESERVATION_COMMITTED;
import static oms.order.placement.Progress.STOCK_RESERVED;
import static oms.order.placement.SagaStep.step;

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

    PlacementSaga(PlacementActions a, PlacementJournal journal, PlacementMetrics metrics, Clock clock) {
        this.journal = journal;
        this.metrics = metrics;
        this.clock = clock;
        // In order; each step's progress is the next one's starting point. A declined payment and an
        // inactive customer come as answers, not refusals: their actions reject the order themselves.
        this.steps = List.of(
                step("CHECK_CUSTOMER", CUSTOMER_CHECKED, a::checkCustomer)
                        .rejectedOn("CUSTOMER_NOT_FOUND"),
                step("RESERVE_STOCK", STOCK_RESERVED, a::reserveStock)
                        .rejectedOn("INSUFFICIENT_STOCK", "PRODUCT_NOT_FOUND")
                        .undoneBy("RELEASE_STOCK", a::releaseStock),
                step("AUTHORIZE_PAYMENT", PAYMENT_AUTHORIZED, a::authorizePayment)
                        .undoneBy("VOID_PAYMENT", a::voidPayment),
                step("COMMIT_RESERVATION", RESERVATION_COMMITTED, a::commitReservation));
    }

    /**
     * Moves the placement forward from the step it reached. It ends CONFIRMED, REJECTED or FAILED,
     * or stays PENDING when the deadline passes or an undo cannot finish now (recovery goes on).
     */
    public void run(Placement p, Instant deadline) {
        for (int i = nextStep(p); i < steps.size(); i++) {
            if (outOfTime(p, deadline)) {
                return;
            }
            SagaStep step = steps.get(i);
            try {
                step.action().accept(p);
            } catch (OrderRejected | DownstreamRejected | DownstreamUnavailable e) {
                SagaStep.Failure failure = step.failureOf(e);
                p.startCompensating(failure.code(), failure.detail(), failure.skus());
                journal.record(p, step.name(), failure.outcome(), failure.timelineDetail());
                compensate(p, failure.undoesThisStep() ? i : i - 1, deadline);
                return;
            }
            p.reached(step.reached());
            if (step.needsDurableProgress()) {
                journal.record(p, step.name(), "DONE", null);
            } else {
                // Recovery redoes or undoes it from the last recorded step: the entry waits for the next write.
                p.pend(new Placement.Event(step.name(), "DONE", null, clock.instant()));
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
            // The step that failed, or the next undo, may be half done: undo from it.
            journal.record(p, "RECOVERY", "RESUMED", "undoing from " + p.progress());
            compensate(p, atMostLast(nextStep(p)), deadline);
        } else if (p.progress().compareTo(PAYMENT_AUTHORIZED) >= 0) {
            journal.record(p, "RECOVERY", "RESUMED", "forward from " + p.progress() + ": the payment is authorized");
            run(p, deadline);
        } else {
            // Before the point of no return the client is gone and nothing is paid: give it all back.
            // The step after the last recorded one may have run unrecorded (only steps with an undo
            // record their progress), and the one after it may be in flight: undo both, by attempt.
            p.startCompensating("DEPENDENCY_UNAVAILABLE",
                    "The placement was interrupted at " + p.progress() + " and has been undone", List.of());
            journal.record(p, "RECOVERY", "RESUMED", "undoing from " + p.progress());
            compensate(p, atMostLast(nextStep(p) + 1), deadline);
        }
    }

    /** The index of the first step whose progress the placement has not reached. */
    private int nextStep(Placement p) {
        int i = 0;
        while (i < steps.size() && steps.get(i).reached().compareTo(p.progress()) <= 0) {
            i++;
        }
        return i;
    }

    private int atMostLast(int index) {
        return Math.min(index, steps.size() - 1);
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
            } catch (DownstreamUnavailable | DownstreamRejected e) {
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
        journal.record(p, "PLACEMENT", "OUT_OF_TIME", "continued in the background at " + p.progress());
        return true;
    }
}
