/** Placing an order: the saga of steps with their compensations, and the Idempotency-Key around it. */
package oms.order.placement;
