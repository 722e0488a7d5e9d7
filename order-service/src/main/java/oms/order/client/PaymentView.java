package oms.order.client;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.UUID;

/** The order service's own copy of payment-service's payment. */
@Serdeable
public record PaymentView(UUID id, UUID orderId, @Nullable Integer attempt, BigDecimal amount, String currency,
                          String status, @Nullable String declineReason) {

    public boolean isAuthorized() {
        return "AUTHORIZED".equals(status);
    }

    public boolean belongsTo(int orderAttempt) {
        return attempt == null || attempt == orderAttempt;
    }
}
