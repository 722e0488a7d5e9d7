/** Reservations: stock held for an order until the order commits (sells) or releases it. */
package oms.inventory.reservation;
