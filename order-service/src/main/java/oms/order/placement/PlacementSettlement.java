package oms.order.placement;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import oms.order.idempotency.IdempotencyKeyRepository;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Ends a placement: the order's final state and the answer its Idempotency-Key replays, in one
 * transaction, so a crash can never keep one without the other.
 */
@Singleton
public class PlacementSettlement {

    private final PlacementJournal journal;
    private final PlacementAnswers answers;
    private final IdempotencyKeyRepository keys;
    private final Clock clock;

    PlacementSettlement(PlacementJournal journal, PlacementAnswers answers, IdempotencyKeyRepository keys, Clock clock) {
        this.journal = journal;
        this.answers = answers;
        this.keys = keys;
        this.clock = clock;
    }

    /**
     * Also when recovery settles the order without its request (the key is found by the order id):
     * the answer is kept for the key's replays even when nobody is waiting for it.
     */
    @Transactional
    public PlacementOutcome settle(Placement p) {
        journal.record(p, "ORDER", p.status().name(), p.failureCode());
        PlacementOutcome outcome = answers.answerFor(p);
        keys.complete(p.orderId(), outcome.status(), outcome.body(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        return outcome;
    }

    /** A cancellation changes the order, not the answer its placement gave: the key keeps replaying that. */
    public void settleCancellation(Placement p) {
        journal.record(p, "ORDER", p.status().name(), p.failureCode());
    }
}
