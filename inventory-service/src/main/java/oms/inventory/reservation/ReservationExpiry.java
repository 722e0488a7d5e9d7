package oms.inventory.reservation;

import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Expires overdue HELD reservations, one batch per transaction, so product rows stay locked briefly. */
@Singleton
class ReservationExpiry {

    private final ReservationRepository repository;
    private final ReservationStore store;
    private final StockHolder holder;
    private final Clock clock;

    ReservationExpiry(ReservationRepository repository, ReservationStore store, StockHolder holder, Clock clock) {
        this.repository = repository;
        this.store = store;
        this.holder = holder;
        this.clock = clock;
    }

    /**
     * Claims up to {@code limit} overdue HELD reservations, marks them EXPIRED and gives their units
     * back, all in one transaction. Like commit and release it locks the reservation rows first and
     * the products after them, in sku order, so it can wait on them but never deadlock with them.
     *
     * @return how many reservations this call expired; 0 when none is left unclaimed
     */
    @Transactional
    int expireOverdue(int limit) {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<Reservation> overdue = repository.claimOverdue(limit).stream().filter(r -> r.expire().changes()).toList();
        if (overdue.isEmpty()) {
            return 0;
        }
        // The claim takes HELD rows only, so every one of them makes the same transition (Reservation#expire).
        List<UUID> expired = overdue.stream().map(Reservation::id).toList();
        holder.apply(overdue.get(0).expire(), expired,
                store.itemsOf(expired).values().stream().flatMap(List::stream).toList(), now);
        return expired.size();
    }
}
