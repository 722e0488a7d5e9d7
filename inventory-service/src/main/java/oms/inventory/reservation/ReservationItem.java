package oms.inventory.reservation;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * A row of the reservation_item table. Not a {@code @MappedEntity}: its key is the pair
 * (reservation_id, sku), which is also what makes skus distinct within a reservation.
 *
 * @param unitPrice the product's price when it was reserved
 */
public record ReservationItem(UUID reservationId, String sku, int quantity, BigDecimal unitPrice) {
}
