package oms.order.client;

import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.UUID;

/** Payment's authorize request; (orderId, attempt) makes a repeated call a no-op. */
@Serdeable
public record PaymentRequest(UUID orderId, int attempt, UUID customerId, BigDecimal amount, String currency) {
}
