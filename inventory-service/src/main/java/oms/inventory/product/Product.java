package oms.inventory.product;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.time.Instant;

/**
 * A row of the product table.
 *
 * @param available  units free to reserve
 * @param reserved   units held by HELD reservations
 * @param totalStock units ever added net of manual adjustments; always available + reserved + committed units
 */
@MappedEntity("product")
public record Product(@Id String sku, String name, BigDecimal unitPrice, long available, long reserved,
                      long totalStock, Instant createdAt, Instant updatedAt) {

    static Product create(String sku, String name, BigDecimal unitPrice, long available, Instant now) {
        return new Product(sku, name, unitPrice, available, 0, available, now, now);
    }

    Product describedAs(String newName, BigDecimal newUnitPrice, Instant now) {
        return new Product(sku, newName, newUnitPrice, available, reserved, totalStock, createdAt, now);
    }
}
