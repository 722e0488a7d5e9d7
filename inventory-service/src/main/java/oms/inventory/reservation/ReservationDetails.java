package oms.inventory.reservation;

import java.util.List;

/** A reservation with its items in sku order. */
record ReservationDetails(Reservation reservation, List<ReservationItem> items) {
}
