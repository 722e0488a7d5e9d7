package oms.order.placement;

import java.util.function.Consumer;

/**
 * One step of the placement: what it does and how to undo it. Both must be idempotent, and the undo
 * must also work when the action's outcome is unknown (it timed out): it finds out and undoes if needed.
 */
record SagaStep(PlacementStep reached, Consumer<Placement> action, Consumer<Placement> undo) {

    static final Consumer<Placement> NOTHING_TO_UNDO = placement -> { };
}
