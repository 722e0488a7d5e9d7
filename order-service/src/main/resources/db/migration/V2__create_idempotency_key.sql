-- The client's Idempotency-Key. The primary key is the claim: of many concurrent requests with
-- one key exactly one insert wins. The first final answer is kept to be replayed verbatim.
CREATE TABLE idempotency_key (
    key             VARCHAR(255) PRIMARY KEY,
    request_hash    CHAR(64)     NOT NULL,
    order_id        UUID         NOT NULL,
    state           VARCHAR(16)  NOT NULL CHECK (state IN ('IN_PROGRESS', 'COMPLETED')),
    locked_until    TIMESTAMPTZ,
    response_status INT,
    response_body   TEXT,
    created_at      TIMESTAMPTZ  NOT NULL,
    updated_at      TIMESTAMPTZ  NOT NULL
);
CREATE INDEX idempotency_key_created_idx ON idempotency_key (created_at);
