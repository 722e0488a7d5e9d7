package oms.order.client;

import io.micronaut.serde.annotation.Serdeable;

import java.util.List;
import java.util.UUID;

/** Inventory's reservation request; (orderId, attempt) makes a repeated call a no-op. */
@Serdeable
public record ReservationRequest(UUID orderId, int attempt, List<Item> items) {

    @Serdeable
    public record Item(String sku, int quantity) {
    }
}
