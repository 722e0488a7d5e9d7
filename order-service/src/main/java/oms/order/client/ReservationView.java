package oms.order.client;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/** The order service's own copy of inventory's reservation. */
@Serdeable
public record ReservationView(UUID id, UUID orderId, @Nullable Integer attempt, String status,
                              List<Item> items, String currency) {

    @Serdeable
    public record Item(String sku, int quantity, BigDecimal unitPrice) {
    }

    public boolean holdsStock() {
        return "HELD".equals(status) || "COMMITTED".equals(status);
    }

    public boolean belongsTo(int orderAttempt) {
        return attempt == null || attempt == orderAttempt;
    }
}
