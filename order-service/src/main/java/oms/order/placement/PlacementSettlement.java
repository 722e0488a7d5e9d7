package oms.order.placement;

import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import oms.order.idempotency.IdempotencyKeyRepository;
import oms.order.order.OrderStatus;

import java.time.Clock;
import java.time.temporal.ChronoUnit;

/**
 * Ends a placement: the order's final state and the answer its Idempotency-Key replays, in one
 * transaction, so a crash can never keep one without the other.
 */
@Singleton
class PlacementSettlement {

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

    /** Also when recovery settles the order without its request: the key is found by the order id. */
    @Transactional
    public PlacementOutcome settle(Placement p) {
        journal.record(p, "ORDER", p.status().name(), p.failureCode());
        PlacementOutcome outcome = answers.answerFor(p);
        // A cancellation changes the order, not the answer its placement gave: the key keeps replaying that.
        if (p.status() != OrderStatus.CANCELLED) {
            keys.complete(p.orderId(), outcome.status(), outcome.body(), clock.instant().truncatedTo(ChronoUnit.MICROS));
        }
        return outcome;
    }
}
