package oms.order.order;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;

import java.math.BigDecimal;
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

    @Query("""
            UPDATE orders SET status = :status, currency = :currency, total_amount = :totalAmount,
                   reservation_id = :reservationId, payment_id = :paymentId, failure_reason = :failureReason,
                   failure_detail = :failureDetail, step = :step, compensating = :compensating, updated_at = :now
            WHERE id = :id""")
    void updateProgress(UUID id, String status, @Nullable String currency, @Nullable BigDecimal totalAmount,
                        @Nullable UUID reservationId, @Nullable UUID paymentId, @Nullable String failureReason,
                        @Nullable String failureDetail, String step, boolean compensating, Instant now);

    /** Starts the next attempt of a FAILED order: a failed order is placed again, under the same id. */
    @Query("""
            UPDATE orders SET status = 'PENDING', attempt = attempt + 1, step = 'NEW', compensating = FALSE,
                   currency = NULL, total_amount = NULL, reservation_id = NULL, payment_id = NULL,
                   failure_reason = NULL, failure_detail = NULL, updated_at = :now
            WHERE id = :id AND status = 'FAILED'""")
    int reopenFailed(UUID id, Instant now);
}
