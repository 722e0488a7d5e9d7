-- One row per order. status is what clients see; step/compensating/attempt are the saga's own
-- progress, written in the same transaction as each change so a placement can be resumed.
CREATE TABLE orders (
    id             UUID PRIMARY KEY,
    customer_id    UUID         NOT NULL,
    status         VARCHAR(16)  NOT NULL CHECK (status IN ('PENDING', 'CONFIRMED', 'REJECTED', 'FAILED', 'CANCELLED')),
    currency       VARCHAR(3),
    total_amount   NUMERIC(14, 2),
    reservation_id UUID,
    payment_id     UUID,
    failure_reason VARCHAR(64),
    failure_detail VARCHAR(1000),
    step           VARCHAR(32)  NOT NULL,
    compensating   BOOLEAN      NOT NULL DEFAULT FALSE,
    attempt        INT          NOT NULL DEFAULT 1 CHECK (attempt >= 1),
    created_at     TIMESTAMPTZ  NOT NULL,
    updated_at     TIMESTAMPTZ  NOT NULL
);
CREATE INDEX orders_customer_idx ON orders (customer_id, created_at);
CREATE INDEX orders_status_idx ON orders (status, created_at);

CREATE TABLE order_item (
    id         BIGSERIAL PRIMARY KEY,
    order_id   UUID          NOT NULL REFERENCES orders (id),
    line_no    INT           NOT NULL,
    sku        VARCHAR(64)   NOT NULL,
    quantity   INT           NOT NULL CHECK (quantity BETWEEN 1 AND 10000),
    unit_price NUMERIC(12, 2),
    UNIQUE (order_id, sku)
);
