package oms.order.idempotency;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import oms.chassis.testing.TestDatabase;
import org.junit.jupiter.api.Test;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Keys are kept at least 24 hours; finished ones older than the retention go, running ones stay. */
@MicronautTest
class IdempotencyKeyCleanupIT extends TestDatabase {

    @Inject
    IdempotencyKeyCleanup cleanup;

    @Inject
    IdempotencyKeyRepository keys;

    @Inject
    JdbcOperations jdbc;

    @Test
    void deletesOnlyFinishedKeysOlderThanTheRetention() {
        Instant now = Instant.now();
        insert("old-done", "COMPLETED", now.minus(Duration.ofHours(49)));
        insert("young-done", "COMPLETED", now.minus(Duration.ofHours(47)));
        insert("old-running", "IN_PROGRESS", now.minus(Duration.ofHours(49)));

        cleanup.deleteExpired();

        assertEquals(0, count("old-done"));
        assertEquals(1, count("young-done"), "kept: inside the 48 h retention");
        assertEquals(1, count("old-running"), "kept: its order has not settled");
    }

    @Test
    void neverKeepsKeysShorterThanADay() {
        Instant now = Instant.now();
        insert("day-old-done", "COMPLETED", now.minus(Duration.ofHours(25)));
        insert("hour-old-done", "COMPLETED", now.minus(Duration.ofHours(1)));

        new IdempotencyKeyCleanup(keys, Duration.ofMinutes(5), java.time.Clock.systemUTC()).deleteExpired();

        assertEquals(0, count("day-old-done"));
        assertEquals(1, count("hour-old-done"), "kept: a retention under 24 h counts as 24 h");
    }

    private void insert(String key, String state, Instant created) {
        jdbc.prepareStatement("INSERT INTO idempotency_key (principal, key, request_hash, order_id, state, created_at, updated_at) "
                + "VALUES ('test-admin', ?, ?, ?, ?, ?, ?)", ps -> {
            ps.setString(1, key);
            ps.setString(2, "0".repeat(64));
            ps.setObject(3, UUID.randomUUID());
            ps.setString(4, state);
            ps.setTimestamp(5, Timestamp.from(created));
            ps.setTimestamp(6, Timestamp.from(created));
            return ps.executeUpdate();
        });
    }

    private int count(String key) {
        return jdbc.prepareStatement("SELECT count(*) FROM idempotency_key WHERE key = ?", ps -> {
            ps.setString(1, key);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
