/** The client's Idempotency-Key: claimed by a unique insert, answered by replaying the first final response. */
package oms.order.idempotency;
