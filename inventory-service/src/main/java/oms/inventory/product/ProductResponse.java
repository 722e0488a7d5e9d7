package oms.inventory.product;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A product as the API shows it.
 *
 * @param available units free to reserve
 * @param reserved  units held by HELD reservations
 */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ProductResponse(String sku, String name, @Schema(multipleOf = 0.01) BigDecimal unitPrice, String currency,
                              long available, long reserved, Instant createdAt, Instant updatedAt) {

    static ProductResponse of(Product p, String currency) {
        return new ProductResponse(p.sku(), p.name(), p.unitPrice(), currency, p.available(), p.reserved(),
                p.createdAt(), p.updatedAt());
    }
}
