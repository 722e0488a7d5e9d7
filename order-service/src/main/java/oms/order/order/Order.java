package oms.order.order;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** A row of the orders table, including the placement's progress (step, compensating, attempt). */
@MappedEntity("orders")
public record Order(@Id UUID id, UUID customerId, OrderStatus status, @Nullable String currency,
                    @Nullable BigDecimal totalAmount, @Nullable UUID reservationId, @Nullable UUID paymentId,
                    @Nullable String failureReason, @Nullable String failureDetail,
                    String step, boolean compensating, int attempt, Instant createdAt, Instant updatedAt) {
}
