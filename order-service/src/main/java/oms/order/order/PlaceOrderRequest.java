package oms.order.order;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import oms.chassis.web.StrictJson;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;
import java.util.UUID;

/** What a client sends to place an order; prices and the total come from inventory, never from the client. */
@JsonIgnoreProperties(ignoreUnknown = false)
@Serdeable
@Schema(example = """
        {"customerId": "5f0c2a7e-8d1b-4e0a-b3f9-1c2d3e4f5a6b", "items": [{"sku": "BOOK-42", "quantity": 2}]}""")
public record PlaceOrderRequest(@NotNull UUID customerId,
                                @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid Item> items) {

    @JsonIgnoreProperties(ignoreUnknown = false)
    @Serdeable
    @Schema(name = "PlaceOrderItem")
    public record Item(@NotNull @Size(min = 1, max = 64) @Pattern(regexp = "^[A-Za-z0-9._-]+$")
                       @Serdeable.Deserializable(using = StrictJson.Text.class) String sku,
                       @NotNull @Min(1) @Max(10000)
                       @Serdeable.Deserializable(using = StrictJson.WholeNumber.class) Integer quantity) {
    }

    /** The first sku that appears twice, or null: an order names each product once. */
    public String repeatedSku() {
        java.util.Set<String> seen = new java.util.HashSet<>();
        return items.stream().map(Item::sku).filter(sku -> !seen.add(sku)).findFirst().orElse(null);
    }
}
