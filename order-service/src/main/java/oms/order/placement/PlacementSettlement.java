package oms.order.placement;

import jakarta.inject.Singleton;

/**
 * Ends a placement: the order's final state and the answer its Idempotency-Key replays, in one
 * statement (the journal's last write), so a crash can never keep one without the other.
 */
@Singleton
public class PlacementSettlement {

    private final PlacementJournal journal;
    private final PlacementAnswers answers;

    PlacementSettlement(PlacementJournal journal, PlacementAnswers answers) {
        this.journal = journal;
        this.answers = answers;
    }

    /**
     * Also when recovery settles the order without its request (the key is found by the order id):
     * the answer is kept for the key's replays even when nobody is waiting for it.
     */
    public PlacementOutcome settle(Placement p) {
        return journal.settle(p, "ORDER", p.status().name(), p.failureCode(), answers::answerFor);
    }

    /** A cancellation changes the order, not the answer its placement gave: the key keeps replaying that. */
    public void settleCancellation(Placement p) {
        journal.record(p, "ORDER", p.status().name(), p.failureCode());
    }
}
