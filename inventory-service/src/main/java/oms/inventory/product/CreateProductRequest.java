package oms.inventory.product;

import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import oms.inventory.web.WholeNumber;

import java.math.BigDecimal;

/** A new product; {@code available} is its initial free stock. */
@Serdeable
@Schema(example = "{\"sku\": \"BOOK-42\", \"name\": \"The Hitchhiker's Guide\", \"unitPrice\": 12.50, \"available\": 100}")
public record CreateProductRequest(@NotNull @Pattern(regexp = Sku.PATTERN, message = Sku.MESSAGE) String sku,
                                   @NotBlank @Size(max = 200) String name,
                                   @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 10, fraction = 2) BigDecimal unitPrice,
                                   @Serdeable.Deserializable(using = WholeNumber.class) @NotNull @PositiveOrZero Integer available) {
}
