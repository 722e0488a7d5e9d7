package oms.order.order;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A row of the orders table, including the placement's progress (step, compensating, attempt)
 * and who drives it now (the lease).
 */
@MappedEntity("orders")
public record Order(@Id UUID id, UUID customerId, OrderStatus status, @Nullable String currency,
                    @Nullable BigDecimal totalAmount, @Nullable UUID reservationId, @Nullable UUID paymentId,
                    @Nullable String failureReason, @Nullable String failureDetail,
                    String step, boolean compensating, int attempt, Instant createdAt, Instant updatedAt,
                    @Nullable UUID leaseToken, @Nullable Instant leaseUntil, @Nullable Instant nextAttemptAt,
                    int recoveryAttempts, boolean cancelRequested) {

    /** A new order, held by the request that creates it until {@code leaseUntil}. */
    public static Order placed(UUID id, UUID customerId, UUID leaseToken, Instant leaseUntil, Instant now) {
        return new Order(id, customerId, OrderStatus.PENDING, null, null, null, null, null, null, "NEW", false, 1,
                now, now, leaseToken, leaseUntil, null, 0, false);
    }
}
