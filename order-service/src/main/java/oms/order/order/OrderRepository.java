package oms.order.order;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@JdbcRepository(dialect = Dialect.POSTGRES)
public interface OrderRepository extends CrudRepository<Order, UUID> {

    @Query("""
            SELECT * FROM orders
            WHERE (CAST(:customerId AS UUID) IS NULL OR customer_id = :customerId)
              AND (CAST(:status AS VARCHAR) IS NULL OR status = :status)
            ORDER BY created_at, id LIMIT :limit OFFSET :offset""")
    List<Order> search(@Nullable UUID customerId, @Nullable String status, int limit, long offset);

    List<Order> findByLeaseToken(UUID leaseToken);

    /** Gives the order back for a later try, e.g. after an undo that could not finish yet. */
    @Query("""
            UPDATE orders SET lease_until = :now, next_attempt_at = :nextAttemptAt
            WHERE id = :id AND lease_token = :leaseToken""")
    int retryLater(UUID id, UUID leaseToken, Instant nextAttemptAt, Instant now);

    /** Takes the lease of a CONFIRMED order to cancel it, unless a live cancellation holds it. */
    @Query("""
            UPDATE orders SET cancel_requested = TRUE, lease_token = :leaseToken, lease_until = :leaseUntil,
                   next_attempt_at = NULL, updated_at = :now
            WHERE id = :id AND status = 'CONFIRMED'
              AND (NOT cancel_requested OR lease_until IS NULL OR lease_until < :now)""")
    int requestCancel(UUID id, UUID leaseToken, Instant leaseUntil, Instant now);

    /** Starts the next attempt of a FAILED order: a failed order is placed again, under the same id. */
    @Query("""
            UPDATE orders SET status = 'PENDING', attempt = attempt + 1, step = 'NEW', compensating = FALSE,
                   currency = NULL, total_amount = NULL, reservation_id = NULL, payment_id = NULL,
                   failure_reason = NULL, failure_detail = NULL, lease_token = :leaseToken,
                   lease_until = :leaseUntil, next_attempt_at = NULL, updated_at = :now
            WHERE id = :id AND status = 'FAILED'""")
    int reopenFailed(UUID id, UUID leaseToken, Instant leaseUntil, Instant now);
}
