package oms.payment.payment;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import oms.chassis.web.StrictJson;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Asks to authorize an order's total.
 *
 * @param attempt which placement of the order this pays for; a re-placed order sends a new attempt
 *                so it gets a fresh payment, a repeated request of one attempt never does. Default 1.
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@Serdeable
@Schema(example = """
        {"orderId": "3f1c8a52-6a0e-4a43-9d3c-6f1f3f0f6b10", "customerId": "9b2d7c1e-1f4a-4e8b-a6d2-0c5e8f7a9b31",
         "amount": 149.90, "currency": "USD", "attempt": 1}""")
public record AuthorizePaymentRequest(
        @NotNull @Schema(example = "3f1c8a52-6a0e-4a43-9d3c-6f1f3f0f6b10") UUID orderId,
        @NotNull @Schema(example = "9b2d7c1e-1f4a-4e8b-a6d2-0c5e8f7a9b31") UUID customerId,
        @NotNull @Positive @Digits(integer = 16, fraction = 2) @Schema(example = "149.90", multipleOf = 0.01)
        @Serdeable.Deserializable(using = StrictJson.Decimal.class) BigDecimal amount,
        @NotNull @Pattern(regexp = "^[A-Z]{3}$", message = "must be three capital letters, e.g. USD")
        @Schema(example = "USD") @Serdeable.Deserializable(using = StrictJson.Text.class) String currency,
        @Nullable @Min(1) @Schema(example = "1", defaultValue = "1")
        @Serdeable.Deserializable(using = StrictJson.WholeNumber.class) Integer attempt) {

    int attemptOrFirst() {
        return attempt == null ? 1 : attempt;
    }
}
