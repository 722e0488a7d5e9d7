/**
 * Placing an order: POST /orders, the saga (its list of steps with their undos, the calls behind
 * them, the journal of its progress) and the answer a settled placement gives.
 */
package oms.order.placement;
