/** Outbound calls to customer, inventory and payment, each behind a timeout, a circuit breaker and a retry. */
package oms.order.client;
