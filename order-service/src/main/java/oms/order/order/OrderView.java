package oms.order.order;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The order as the API shows it. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
@Schema(name = "Order", example = """
        {"id": "0b9d3c1e-6f4a-4c36-9a55-2f1d8f0e7a10", "customerId": "5f0c2a7e-8d1b-4e0a-b3f9-1c2d3e4f5a6b",
         "status": "CONFIRMED", "items": [{"sku": "BOOK-42", "quantity": 2, "unitPrice": 12.50, "lineTotal": 25.00}],
         "totalAmount": 25.00, "currency": "USD", "reservationId": "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d",
         "paymentId": "1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d", "failureReason": null, "failureDetail": null,
         "createdAt": "2026-11-22T10:15:30.000Z", "updatedAt": "2026-11-22T10:15:30.120Z"}""")
public record OrderView(UUID id, UUID customerId, OrderStatus status, List<Item> items,
                        @Nullable @Schema(multipleOf = 0.01) BigDecimal totalAmount, @Nullable String currency,
                        @Nullable UUID reservationId, @Nullable UUID paymentId,
                        @Nullable String failureReason, @Nullable String failureDetail,
                        Instant createdAt, Instant updatedAt) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    @Schema(name = "OrderLine")
    public record Item(String sku, int quantity, @Nullable @Schema(multipleOf = 0.01) BigDecimal unitPrice,
                       @Nullable @Schema(multipleOf = 0.01) BigDecimal lineTotal) {

        public static Item of(String sku, int quantity, @Nullable BigDecimal unitPrice) {
            return new Item(sku, quantity, unitPrice, unitPrice == null ? null
                    : unitPrice.multiply(BigDecimal.valueOf(quantity)).setScale(2, RoundingMode.UNNECESSARY));
        }
    }

    public static OrderView of(Order order, List<OrderItem> items) {
        List<Item> lines = items.stream().map(i -> Item.of(i.sku(), i.quantity(), i.unitPrice())).toList();
        return new OrderView(order.id(), order.customerId(), order.status(), lines, order.totalAmount(),
                order.currency(), order.reservationId(), order.paymentId(), order.failureReason(),
                order.failureDetail(), order.createdAt(), order.updatedAt());
    }
}
