package oms.order.placement;

/**
 * Keeps the placement durable: after every step, undo or decision, the progress and one timeline
 * entry are written together, and the lease is renewed.
 */
public interface PlacementJournal {

    /**
     * Writes the progress, the entries noted since the last write and this one, and renews the lease.
     *
     * @throws LeaseLost when another holder took the order over: the caller must stop at once
     */
    void record(Placement placement, String step, String outcome, String detail);

    /**
     * A timeline entry for a step whose progress need not be durable on its own (recovery redoes or
     * undoes it from the last recorded step); it is written with the next {@link #record}.
     */
    default void note(Placement placement, String step, String outcome, String detail) {
        placement.pend(new Placement.Event(step, outcome, detail, java.time.Instant.now()));
    }

    /** Thrown when the order's lease has passed to another holder. */
    class LeaseLost extends RuntimeException {
        public LeaseLost(String message) {
            super(message);
        }
    }
}
