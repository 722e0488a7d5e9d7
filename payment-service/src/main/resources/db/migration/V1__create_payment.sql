CREATE TABLE payment (
    id             UUID          PRIMARY KEY,
    order_id       UUID          NOT NULL,
    attempt        INTEGER       NOT NULL CHECK (attempt >= 1),
    customer_id    UUID          NOT NULL,
    amount         NUMERIC(12,2) NOT NULL CHECK (amount > 0),
    currency       VARCHAR(3)    NOT NULL CHECK (currency ~ '^[A-Z]{3}$'),
    status         VARCHAR(16)   NOT NULL CHECK (status IN ('AUTHORIZED', 'DECLINED', 'VOIDED')),
    decline_reason VARCHAR(32),
    created_at     TIMESTAMPTZ   NOT NULL,
    updated_at     TIMESTAMPTZ   NOT NULL,
    -- The idempotency key: a repeated authorize of one order attempt can never make a second payment.
    CONSTRAINT payment_order_attempt_key UNIQUE (order_id, attempt),
    -- Only a decline carries a reason; a voided payment was authorized first.
    CONSTRAINT payment_decline_reason_check CHECK ((status = 'DECLINED') = (decline_reason IS NOT NULL))
);

-- The unique key above also serves look-ups by order_id; this one serves the unfiltered list.
CREATE INDEX payment_created_at_idx ON payment (created_at, id);
