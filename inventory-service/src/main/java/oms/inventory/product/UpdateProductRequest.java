package oms.inventory.product;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import oms.chassis.web.StrictJson;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.math.BigDecimal;

/** A partial update: absent fields stay as they are. Stock changes go through PUT .../stock. */
@JsonIgnoreProperties(ignoreUnknown = false)
@Serdeable
@Schema(example = "{\"name\": \"The Hitchhiker's Guide (2nd ed.)\", \"unitPrice\": 14.00}")
public record UpdateProductRequest(@Nullable @Size(min = 1, max = 200) @Pattern(regexp = "^.*\\S.*$", message = "must not be blank") @Serdeable.Deserializable(using = StrictJson.Text.class) String name,
                                   @Nullable @DecimalMin(value = "0", inclusive = false) @Digits(integer = 10, fraction = 2) @Schema(multipleOf = 0.01) @Serdeable.Deserializable(using = StrictJson.Decimal.class) BigDecimal unitPrice) {
}
