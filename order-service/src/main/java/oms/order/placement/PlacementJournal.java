package oms.order.placement;

import java.util.function.Function;

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
     * The placement's last write: {@link #record}, and the answer that the order's Idempotency-Key
     * replays from now on, in one atomic write. {@code answer} builds it from the placement as written.
     *
     * @throws LeaseLost when another holder took the order over; nothing is written then
     */
    PlacementOutcome settle(Placement placement, String step, String outcome, String detail,
                            Function<Placement, PlacementOutcome> answer);

    /** Thrown when the order's lease has passed to another holder. */
    class LeaseLost extends RuntimeException {
        public LeaseLost(String message) {
            super(message);
        }
    }
}
