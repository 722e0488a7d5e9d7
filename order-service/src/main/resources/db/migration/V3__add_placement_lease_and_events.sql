-- Durable placement: who drives a PENDING order (a lease, renewed at every step, with a fresh token
-- per holder so a holder that lost it cannot write), when recovery may try it again, and whether
-- a confirmed order is being cancelled.
ALTER TABLE orders
    ADD COLUMN lease_token       UUID,
    ADD COLUMN lease_until       TIMESTAMPTZ,
    ADD COLUMN next_attempt_at   TIMESTAMPTZ,
    ADD COLUMN recovery_attempts INT     NOT NULL DEFAULT 0,
    ADD COLUMN cancel_requested  BOOLEAN NOT NULL DEFAULT FALSE;

-- Recovery scans only unsettled orders.
CREATE INDEX orders_unsettled_idx ON orders (lease_until) WHERE status = 'PENDING' OR cancel_requested;

-- The order's timeline: every step, compensation, recovery and cancellation, oldest first.
CREATE TABLE order_event (
    id       BIGSERIAL PRIMARY KEY,
    order_id UUID         NOT NULL REFERENCES orders (id),
    attempt  INT          NOT NULL,
    step     VARCHAR(40)  NOT NULL,
    outcome  VARCHAR(40)  NOT NULL,
    detail   VARCHAR(1000),
    at       TIMESTAMPTZ  NOT NULL
);
CREATE INDEX order_event_order_idx ON order_event (order_id, id);

-- Recovery settles an order without its request, and then completes the key that maps to it.
CREATE INDEX idempotency_key_order_idx ON idempotency_key (order_id);
