CREATE TABLE reservation (
    id         UUID        PRIMARY KEY,
    order_id   UUID        NOT NULL,
    -- A failed order placed again is a new attempt and gets a fresh reservation;
    -- a repeated request of one attempt finds the reservation it made before.
    attempt    INT         NOT NULL CHECK (attempt >= 1),
    status     VARCHAR(16) NOT NULL CHECK (status IN ('HELD', 'COMMITTED', 'RELEASED', 'EXPIRED')),
    currency   CHAR(3)     NOT NULL,
    expires_at TIMESTAMPTZ NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    CONSTRAINT reservation_order_attempt_key UNIQUE (order_id, attempt)
);

-- The expiry sweep (later) looks for HELD reservations past their deadline.
CREATE INDEX reservation_held_expires_idx ON reservation (expires_at) WHERE status = 'HELD';

CREATE TABLE reservation_item (
    reservation_id UUID           NOT NULL REFERENCES reservation (id),
    sku            VARCHAR(64)    COLLATE "C" NOT NULL REFERENCES product (sku),
    quantity       INT            NOT NULL CHECK (quantity BETWEEN 1 AND 10000),
    -- The price when reserved: the order is charged this, whatever the catalogue says later.
    unit_price     NUMERIC(12, 2) NOT NULL,
    PRIMARY KEY (reservation_id, sku)
);

CREATE INDEX reservation_item_sku_idx ON reservation_item (sku);
