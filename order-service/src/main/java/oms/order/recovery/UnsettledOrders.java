package oms.order.recovery;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Takes over unsettled orders nobody holds: PENDING ones and cancellations under way, whose lease
 * ran out and whose next try is due. SKIP LOCKED lets several order-service instances recover side
 * by side without taking one order twice or waiting on each other. (Plain JDBC: an UPDATE with a
 * sub-select is not something Micronaut Data's @Query runs as an update.)
 */
@Singleton
class UnsettledOrders {

    private static final String CLAIM = """
            UPDATE orders SET lease_token = ?, lease_until = ?, recovery_attempts = recovery_attempts + 1
            WHERE id IN (SELECT id FROM orders
                         WHERE (status = 'PENDING' OR cancel_requested)
                           AND (lease_until IS NULL OR lease_until < ?)
                           AND (next_attempt_at IS NULL OR next_attempt_at <= ?)
                         ORDER BY lease_until NULLS FIRST LIMIT ?
                         FOR UPDATE SKIP LOCKED)
            RETURNING id""";

    private final JdbcOperations jdbc;

    UnsettledOrders(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional
    List<UUID> claim(UUID leaseToken, Instant leaseUntil, Instant now, int batch) {
        return jdbc.prepareStatement(CLAIM, ps -> {
            ps.setObject(1, leaseToken);
            ps.setTimestamp(2, Timestamp.from(leaseUntil));
            ps.setTimestamp(3, Timestamp.from(now));
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setInt(5, batch);
            List<UUID> ids = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        });
    }
}
