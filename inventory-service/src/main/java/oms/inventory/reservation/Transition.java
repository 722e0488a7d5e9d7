package oms.inventory.reservation;

/** A status change a reservation allows, and its effect on stock; from == to means a repeated request, a no-op. */
record Transition(ReservationStatus from, ReservationStatus to, StockEffect effect) {

    static Transition none(ReservationStatus current) {
        return new Transition(current, current, StockEffect.NONE);
    }

    boolean changes() {
        return from != to;
    }
}
