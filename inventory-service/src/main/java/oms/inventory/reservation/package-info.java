/** Reservations: stock held for an order until the order commits (sells) or releases it, or its TTL runs out. */
package oms.inventory.reservation;
