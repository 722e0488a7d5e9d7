package oms.payment.payment;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import oms.payment.gateway.DeclineReason;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.UUID;

@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record PaymentResponse(UUID id, UUID orderId, int attempt, UUID customerId,
                              @Schema(multipleOf = 0.01) BigDecimal amount, String currency, PaymentStatus status,
                              // inline, as OpenAPI 3.0 cannot mark a $ref nullable
                              @Nullable @Schema(implementation = String.class, allowableValues = "LIMIT_EXCEEDED",
                                      nullable = true) DeclineReason declineReason,
                              Instant createdAt, Instant updatedAt) {

    static PaymentResponse of(Payment p) {
        // Money always goes out with two decimals (10.5 -> 10.50), whatever scale it was read with.
        return new PaymentResponse(p.id(), p.orderId(), p.attempt(), p.customerId(),
                p.amount().setScale(2, RoundingMode.UNNECESSARY), p.currency(), p.status(), p.declineReason(),
                p.createdAt(), p.updatedAt());
    }
}
