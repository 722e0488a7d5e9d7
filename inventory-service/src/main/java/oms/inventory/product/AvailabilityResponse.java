package oms.inventory.product;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;

/** Whether {@code requested} units could be reserved right now; a hint only, the reservation decides. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record AvailabilityResponse(String sku, int requested, long available, boolean sufficient) {

    static AvailabilityResponse of(Product p, int requested) {
        return new AvailabilityResponse(p.sku(), requested, p.available(), p.available() >= requested);
    }
}
