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

    /** Thrown when the order's lease has passed to another holder. */
    class LeaseLost extends RuntimeException {
        public LeaseLost(String message) {
            super(message);
        }
    }
}
