package oms.inventory.reservation;

import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gives back the units of HELD reservations that outlived their TTL. Safe to run on every instance
 * at once: each batch claims its rows with SKIP LOCKED, so sweepers split the work. A failed sweep
 * is logged by the scheduler, and the next run picks up what is left.
 */
@Singleton
class ExpirySweeper {

    private static final Logger LOG = LoggerFactory.getLogger(ExpirySweeper.class);

    private final ReservationExpiry expiry;
    private final int batchSize;
    private final ReservationMetrics metrics;

    ExpirySweeper(ReservationExpiry expiry, ExpirySettings settings, ReservationMetrics metrics) {
        this.expiry = expiry;
        this.metrics = metrics;
        this.batchSize = settings.batchSize();
    }

    /**
     * Expires batch after batch until a claim finds nothing left. The first run waits one interval,
     * so starting up does not compete with it.
     *
     * @return how many reservations this sweep expired
     */
    @Scheduled(fixedDelay = "${inventory.expiry.interval:5s}", initialDelay = "${inventory.expiry.interval:5s}")
    int sweep() {
        int total = 0;
        int expired;
        do {
            expired = expiry.expireOverdue(batchSize);
            total += expired;
        } while (expired > 0);
        if (total > 0) {
            metrics.expired(total);
            LOG.info("Expired {} HELD reservations past their TTL; their units are available again", total);
        } else {
            LOG.debug("No HELD reservation past its TTL");
        }
        return total;
    }
}
