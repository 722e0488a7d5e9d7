/** Payments: authorize once per (order, attempt), void, read. */
package oms.payment.payment;
