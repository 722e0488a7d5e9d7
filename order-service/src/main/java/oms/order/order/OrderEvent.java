package oms.order.order;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of order_event: one thing that happened to an order. */
@MappedEntity("order_event")
public record OrderEvent(@Id @GeneratedValue @Nullable Long id, UUID orderId, int attempt, String step,
                         String outcome, @Nullable String detail, Instant at) {
}
