-- An Idempotency-Key belongs to its caller (the token's sub): the same key from two principals is
-- two keys. Keys written before callers had identities go to the customer their order is for, so
-- a customer retrying such a key still gets its first answer.
ALTER TABLE idempotency_key ADD COLUMN principal VARCHAR(255) NOT NULL DEFAULT '';
UPDATE idempotency_key k SET principal = o.customer_id::text FROM orders o WHERE o.id = k.order_id;
ALTER TABLE idempotency_key ALTER COLUMN principal DROP DEFAULT;
ALTER TABLE idempotency_key DROP CONSTRAINT idempotency_key_pkey;
ALTER TABLE idempotency_key ADD PRIMARY KEY (principal, key);
