package oms.inventory.reservation;

/** HELD is the only state that holds units in {@code reserved}; COMMITTED units are sold. */
public enum ReservationStatus {
    HELD, COMMITTED, RELEASED, EXPIRED
}
