package oms.order.placement;

/**
 * Keeps the placement durable: after every step, undo or decision, the progress and one timeline
 * entry are written together, and the lease is renewed.
 */
public interface PlacementJournal {

    /** @throws LeaseLost when another holder took the order over: the caller must stop at once */
    void record(Placement placement, String step, String outcome, String detail);

    /** Thrown when the order's lease has passed to another holder. */
    class LeaseLost extends RuntimeException {
        public LeaseLost(String message) {
            super(message);
        }
    }
}
