package oms.inventory.reservation;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.media.Schema;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A reservation as the API shows it; items carry the unit price fixed when the stock was held. */
@Serdeable
@JsonInclude(JsonInclude.Include.ALWAYS)
public record ReservationResponse(UUID id, UUID orderId, int attempt, ReservationStatus status, List<Item> items,
                                  String currency, Instant expiresAt, Instant createdAt, Instant updatedAt) {

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Item(String sku, int quantity, @Schema(multipleOf = 0.01) BigDecimal unitPrice) {
    }

    static ReservationResponse of(ReservationDetails details) {
        Reservation r = details.reservation();
        List<Item> items = details.items().stream().map(i -> new Item(i.sku(), i.quantity(), i.unitPrice())).toList();
        return new ReservationResponse(r.id(), r.orderId(), r.attempt(), r.status(), items, r.currency(),
                r.expiresAt(), r.createdAt(), r.updatedAt());
    }
}
