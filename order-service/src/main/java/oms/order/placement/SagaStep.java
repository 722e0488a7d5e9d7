package oms.order.placement;

import java.util.function.Consumer;

/**
 * One step of the placement: what it does and how to undo it, with the names the timeline shows.
 * Both must be idempotent, and the undo must also work when the action's outcome is unknown (it
 * timed out, or the process died during it): it finds out and undoes if needed.
 */
record SagaStep(String name, PlacementStep reached, Consumer<Placement> action,
                String undoName, Consumer<Placement> undo) {

    static final Consumer<Placement> NOTHING_TO_UNDO = placement -> { };

    boolean hasUndo() {
        return undo != NOTHING_TO_UNDO;
    }

    /**
     * Only a step with an undo must be recorded before the next one starts: recovery has to know
     * what to give back. A step without one is redone (commit is idempotent) or needs nothing undone
     * (the customer check), so its progress rides along with the next write: one commit less each.
     */
    boolean needsDurableProgress() {
        return hasUndo();
    }
}
