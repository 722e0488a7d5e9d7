package oms.inventory.reservation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import oms.chassis.web.StrictJson;

import java.util.List;
import java.util.UUID;

/**
 * Hold stock for an order. (orderId, attempt) is the idempotency key: repeating a request
 * finds the reservation it made, while an order placed again after a failure sends the next
 * attempt and gets a fresh reservation.
 *
 * @param attempt 1 when absent
 */
@JsonIgnoreProperties(ignoreUnknown = false)
@Serdeable
@Schema(example = "{\"orderId\": \"0b4c6f7e-2f1a-4c36-9d55-0f1e6a9b3c21\", \"attempt\": 1, "
        + "\"items\": [{\"sku\": \"BOOK-42\", \"quantity\": 2}, {\"sku\": \"MUG-7\", \"quantity\": 1}]}")
public record ReserveRequest(@NotNull UUID orderId,
                             @Serdeable.Deserializable(using = StrictJson.WholeNumber.class) @Nullable @Min(1) Integer attempt,
                             @NotNull @Size(min = 1, max = 100) @DistinctSkus List<@NotNull @Valid ReservationItemRequest> items) {

    int attemptOrFirst() {
        return attempt == null ? 1 : attempt;
    }
}
