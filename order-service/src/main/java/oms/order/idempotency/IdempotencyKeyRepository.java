package oms.order.idempotency;

import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.GenericRepository;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface IdempotencyKeyRepository extends GenericRepository<IdempotencyKey, String> {

    @Query("SELECT * FROM idempotency_key WHERE principal = :principal AND key = :key FOR UPDATE")
    Optional<IdempotencyKey> lock(String principal, String key);

    @Query("""
            UPDATE idempotency_key SET state = 'IN_PROGRESS', locked_until = :lockedUntil,
                   response_status = NULL, response_body = NULL, updated_at = :now
            WHERE order_id = :orderId""")
    void reopen(UUID orderId, Instant lockedUntil, Instant now);

    /** Gives up the lock without an answer to keep: a retry then sees the order as it is. */
    @Query("UPDATE idempotency_key SET locked_until = :now, updated_at = :now WHERE order_id = :orderId")
    void unlock(UUID orderId, Instant now);

    @Query("DELETE FROM idempotency_key WHERE created_at < :cutoff AND state = 'COMPLETED'")
    int deleteCompletedBefore(Instant cutoff);
}
