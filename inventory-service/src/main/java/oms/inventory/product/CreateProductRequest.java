package oms.inventory.product;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import oms.chassis.web.StrictJson;

import java.math.BigDecimal;

/** A new product; {@code available} is its initial free stock. */
@JsonIgnoreProperties(ignoreUnknown = false)
@Serdeable
@Schema(example = "{\"sku\": \"BOOK-42\", \"name\": \"The Hitchhiker's Guide\", \"unitPrice\": 12.50, \"available\": 100}")
public record CreateProductRequest(@NotNull @Pattern(regexp = Sku.PATTERN, message = Sku.MESSAGE) @Serdeable.Deserializable(using = StrictJson.Text.class) String sku,
                                   @NotBlank @Size(max = 200) @Serdeable.Deserializable(using = StrictJson.Text.class) String name,
                                   @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 10, fraction = 2) @Schema(multipleOf = 0.01) @Serdeable.Deserializable(using = StrictJson.Decimal.class) BigDecimal unitPrice,
                                   @Serdeable.Deserializable(using = StrictJson.WholeNumber.class) @NotNull @PositiveOrZero Integer available) {
}
