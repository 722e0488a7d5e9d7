package oms.order.idempotency;

import io.micronaut.context.annotation.Value;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Clock;
import java.time.Duration;

/** Forgets finished keys once they are older than the retention (the contract promises at least 24 hours). */
@Singleton
class IdempotencyKeyCleanup {

    private static final Logger LOG = LoggerFactory.getLogger(IdempotencyKeyCleanup.class);
    private static final Duration MINIMUM = Duration.ofHours(24);

    private final IdempotencyKeyRepository keys;
    private final Duration retention;
    private final Clock clock;

    IdempotencyKeyCleanup(IdempotencyKeyRepository keys, @Value("${idempotency.retention:48h}") Duration retention,
                          Clock clock) {
        this.keys = keys;
        this.clock = clock;
        this.retention = retention.compareTo(MINIMUM) < 0 ? MINIMUM : retention;
    }

    @Scheduled(fixedDelay = "${idempotency.cleanup-interval:1h}", initialDelay = "1m")
    void deleteExpired() {
        int deleted = keys.deleteCompletedBefore(clock.instant().minus(retention));
        if (deleted > 0) {
            LOG.info("Deleted {} idempotency keys older than {}", deleted, retention);
        }
    }
}
