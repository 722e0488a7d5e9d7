package oms.order.placement;

import io.micronaut.core.annotation.Nullable;
import oms.order.client.DownstreamRejected;
import oms.order.client.DownstreamUnavailable;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * One step of the placement as the saga's list declares it: what it does, which of the dependency's
 * refusals are a business "no", and how it is undone, with the names the timeline shows. Action and
 * undo must be idempotent, and the undo must also work when the action's outcome is unknown (it
 * timed out, or the process died during it): it finds out and undoes if needed.
 */
record SagaStep(String name, Progress reached, Consumer<Placement> action, Set<String> rejections,
                String undoName, @Nullable Consumer<Placement> undo) {

    /** How a failed step ends the order, and whether the step itself must be undone too. */
    record Failure(String code, String detail, List<String> skus, String outcome, boolean undoesThisStep) {

        /** The timeline entry's detail: a rejection names its code. */
        String timelineDetail() {
            return "REJECTED".equals(outcome) ? code + ": " + detail : detail;
        }
    }

    private static final String UNAVAILABLE = "DEPENDENCY_UNAVAILABLE";

    static SagaStep step(String name, Progress reached, Consumer<Placement> action) {
        return new SagaStep(name, reached, action, Set.of(), "", null);
    }

    /**
     * Refusals with these problem codes reject the order with the same code (422). Each must be one
     * of {@link Placement#REJECTION_CODES}, the list an undone order's end (REJECTED or FAILED) is
     * decided by, also after a restart: a code missing there would end the order FAILED with a 503.
     */
    SagaStep rejectedOn(String... codes) {
        for (String code : codes) {
            if (!Placement.REJECTION_CODES.contains(code)) {
                throw new IllegalArgumentException(code + " is not in Placement.REJECTION_CODES");
            }
        }
        return new SagaStep(name, reached, action, Set.of(codes), undoName, undo);
    }

    SagaStep undoneBy(String name, Consumer<Placement> undoAction) {
        return new SagaStep(this.name, reached, action, rejections, name, undoAction);
    }

    boolean hasUndo() {
        return undo != null;
    }

    /**
     * Only a step with an undo must be recorded before the next one starts: recovery has to know
     * what to give back. A step without one is redone (commit is idempotent) or needs nothing undone
     * (the customer check), so its progress rides along with the next write: one commit less each.
     */
    boolean needsDurableProgress() {
        return hasUndo();
    }

    /**
     * A business "no" (a declared rejection, or one the action read from an answer, such as a
     * declined payment) did nothing, so only the earlier steps are undone. Any other refusal may
     * have left something behind, and so may a call without an answer: this step is undone too.
     * A dependency that could not be reached did nothing.
     */
    Failure failureOf(RuntimeException e) {
        if (e instanceof OrderRejected no) {
            return rejected(no.code(), no.getMessage(), no.skus());
        }
        if (e instanceof DownstreamRejected no && rejections.contains(no.code())) {
            return rejected(no.code(), no.detail(), no.skus());
        }
        if (e instanceof DownstreamRejected unexpected) {
            return new Failure(UNAVAILABLE, unexpected.getMessage(), List.of(), "FAILED", true);
        }
        if (e instanceof DownstreamUnavailable down) {
            return new Failure(UNAVAILABLE, down.getMessage(), List.of(),
                    down.outcomeUnknown() ? "NO_ANSWER" : "UNAVAILABLE", down.outcomeUnknown());
        }
        throw new IllegalArgumentException("not a step failure", e);
    }

    private static Failure rejected(String code, String detail, List<String> skus) {
        return new Failure(code, detail, skus, "REJECTED", false);
    }
}
