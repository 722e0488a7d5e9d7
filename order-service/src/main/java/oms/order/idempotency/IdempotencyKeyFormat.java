package oms.order.idempotency;

import io.micronaut.core.annotation.Nullable;
import oms.chassis.web.ApiException;

/** The contract's Idempotency-Key: 1-255 printable ASCII characters. */
public final class IdempotencyKeyFormat {

    private static final int MAX_LENGTH = 255;

    private IdempotencyKeyFormat() {
    }

    public static void check(@Nullable String key) {
        if (key == null) {
            throw ApiException.badRequest("IDEMPOTENCY_KEY_MISSING", "The Idempotency-Key header is required");
        }
        if (key.isEmpty() || key.length() > MAX_LENGTH || !key.chars().allMatch(c -> c >= 0x20 && c <= 0x7e)) {
            throw ApiException.badRequest("IDEMPOTENCY_KEY_INVALID",
                    "The Idempotency-Key must be 1-255 printable ASCII characters");
        }
    }
}
