/**
 * The client's Idempotency-Key: its format, the request fingerprint, the claim that decides which
 * request places the order, the stored answer it replays, and the cleanup of old keys.
 */
package oms.order.idempotency;
