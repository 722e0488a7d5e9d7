package oms.inventory.reservation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import oms.chassis.web.StrictJson;

import java.util.UUID;

/**
 * "This order attempt must hold no stock": releases the attempt's reservation, or, when there is
 * none yet, takes its key so that a reserve of the attempt still on its way is refused.
 *
 * @param attempt 1 when absent, as in {@link ReserveRequest}
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@Serdeable
@Schema(description = "The order attempt that must hold no stock; (orderId, attempt) is the key a reserve request uses.",
        example = "{\"orderId\": \"0b4c6f7e-2f1a-4c36-9d55-0f1e6a9b3c21\", \"attempt\": 1}")
public record ReleaseAttemptRequest(
        @Schema(description = "The order whose reservation is released", requiredMode = Schema.RequiredMode.REQUIRED)
        @NotNull UUID orderId,
        @Schema(description = "The placement attempt of the order, as sent with the reserve request; 1 when absent",
                minimum = "1", defaultValue = "1", nullable = true)
        @Serdeable.Deserializable(using = StrictJson.WholeNumber.class) @Nullable @Min(1) Integer attempt) {

    int attemptOrFirst() {
        return attempt == null ? 1 : attempt;
    }
}
