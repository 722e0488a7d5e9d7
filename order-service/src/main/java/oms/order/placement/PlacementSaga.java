package oms.order.placement;

import jakarta.inject.Singleton;
import oms.order.client.DownstreamUnavailable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

import static oms.order.placement.PlacementStep.CUSTOMER_CHECKED;
import static oms.order.placement.PlacementStep.PAYMENT_AUTHORIZED;
import static oms.order.placement.PlacementStep.RESERVATION_COMMITTED;
import static oms.order.placement.PlacementStep.STOCK_RESERVED;

/**
 * Places an order as one list of steps, each with its compensation. A step that fails undoes the
 * steps before it, newest first; when the failed step's own outcome is unknown (no answer), it is
 * undone too. Progress is journaled after every change so that a placement can be resumed.
 */
@Singleton
public class PlacementSaga {

    private static final Logger LOG = LoggerFactory.getLogger(PlacementSaga.class);

    private final List<SagaStep> steps;
    private final PlacementJournal journal;

    PlacementSaga(PlacementSteps s, PlacementJournal journal) {
        this.journal = journal;
        this.steps = List.of(
                new SagaStep(CUSTOMER_CHECKED, s::checkCustomer, SagaStep.NOTHING_TO_UNDO),
                new SagaStep(STOCK_RESERVED, s::reserveStock, s::releaseStock),
                new SagaStep(PAYMENT_AUTHORIZED, s::authorizePayment, s::voidPayment),
                new SagaStep(RESERVATION_COMMITTED, s::commitReservation, SagaStep.NOTHING_TO_UNDO));
    }

    /** Runs the placement to CONFIRMED, REJECTED or FAILED, or leaves it PENDING if an undo could not finish. */
    public void run(Placement p) {
        for (int i = 0; i < steps.size(); i++) {
            SagaStep step = steps.get(i);
            try {
                step.action().accept(p);
            } catch (OrderRejected e) {
                // A business answer means the step did nothing (a declined payment holds no money).
                if (undo(p, i - 1)) {
                    p.reject(e.code(), e.getMessage(), e.skus());
                }
                return;
            } catch (DownstreamUnavailable e) {
                LOG.warn("Order {} attempt {}: {} failed: {}", p.orderId(), p.attempt(), step.reached(), e.getMessage());
                if (undo(p, e.outcomeUnknown() ? i : i - 1)) {
                    p.fail("DEPENDENCY_UNAVAILABLE", e.getMessage());
                }
                return;
            } catch (StepFailed e) {
                LOG.warn("Order {} attempt {}: {} failed: {}", p.orderId(), p.attempt(), step.reached(), e.getMessage());
                if (undo(p, i)) {
                    p.fail("DEPENDENCY_UNAVAILABLE", e.getMessage());
                }
                return;
            }
            p.reached(step.reached());
            journal.record(p);
        }
        p.confirm();
    }

    /** Undoes steps {@code last} down to the first; false when an undo could not finish now. */
    private boolean undo(Placement p, int last) {
        p.startCompensating();
        journal.record(p);
        for (int i = last; i >= 0; i--) {
            try {
                steps.get(i).undo().accept(p);
            } catch (DownstreamUnavailable | StepFailed e) {
                LOG.warn("Order {} attempt {}: undo of {} did not finish: {}", p.orderId(), p.attempt(),
                        steps.get(i).reached(), e.getMessage());
                p.leaveUnsettled("COMPENSATION_PENDING", "Undo of " + steps.get(i).reached() + " did not finish: "
                        + e.getMessage());
                return false;
            }
        }
        return true;
    }
}
