/** Cancelling a CONFIRMED order: the saga's undos run newest first, recorded so recovery can finish them. */
package oms.order.cancellation;
