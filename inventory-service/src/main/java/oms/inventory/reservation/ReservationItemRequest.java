package oms.inventory.reservation;

import io.micronaut.serde.annotation.Serdeable;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import oms.inventory.product.Sku;
import oms.inventory.web.WholeNumber;

@Serdeable
public record ReservationItemRequest(@NotNull @Pattern(regexp = Sku.PATTERN, message = Sku.MESSAGE) String sku,
                                     @Serdeable.Deserializable(using = WholeNumber.class) @NotNull @Min(1) @Max(10000) Integer quantity) {
}
