package oms.order.idempotency;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.time.Instant;
import java.util.UUID;

/** A row of idempotency_key: a client's key, scoped by the principal (token {@code sub}) that sent it. */
@MappedEntity("idempotency_key")
public record IdempotencyKey(String principal, @Id String key, String requestHash, UUID orderId, KeyState state,
                             @Nullable Instant lockedUntil, @Nullable Integer responseStatus,
                             @Nullable String responseBody, Instant createdAt, Instant updatedAt) {

    public enum KeyState { IN_PROGRESS, COMPLETED }

    public boolean matches(String hash) {
        return requestHash.equals(hash);
    }

    public boolean isLockedAt(Instant now) {
        return state == KeyState.IN_PROGRESS && lockedUntil != null && lockedUntil.isAfter(now);
    }
}
