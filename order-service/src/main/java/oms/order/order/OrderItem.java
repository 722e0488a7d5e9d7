package oms.order.order;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

import java.math.BigDecimal;
import java.util.UUID;

/** A row of order_item; the unit price is known once inventory has reserved the stock. */
@MappedEntity("order_item")
public record OrderItem(@Id @GeneratedValue @Nullable Long id, UUID orderId, int lineNo, String sku, int quantity,
                        @Nullable BigDecimal unitPrice) {
}
