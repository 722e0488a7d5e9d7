package oms.inventory.reservation;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import oms.inventory.product.Sku;
import oms.chassis.web.StrictJson;

@JsonIgnoreProperties(ignoreUnknown = false)
@Serdeable
public record ReservationItemRequest(@NotNull @Pattern(regexp = Sku.PATTERN, message = Sku.MESSAGE) @Serdeable.Deserializable(using = StrictJson.Text.class) String sku,
                                     @Serdeable.Deserializable(using = StrictJson.WholeNumber.class) @NotNull @Min(1) @Max(10000) Integer quantity) {
}
