package oms.inventory.product;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import oms.chassis.web.StrictJson;

/** The new free stock of a product, e.g. after a stock count; held units are not touched. */
@JsonIgnoreProperties(ignoreUnknown = false)
@Serdeable
@Schema(example = "{\"available\": 250}")
public record SetStockRequest(@Serdeable.Deserializable(using = StrictJson.WholeNumber.class) @NotNull @PositiveOrZero Integer available) {
}
