-- Stock columns are BIGINT so that adding released units back can never overflow,
-- whatever the API lets a client set.
-- Skus compare byte by byte (COLLATE "C"), as Java's String order does: lists page predictably
-- and the service's lock order (sku order) is the same whatever the server's locale.
CREATE TABLE product (
    sku         VARCHAR(64)    COLLATE "C" PRIMARY KEY,
    name        VARCHAR(200)   NOT NULL,
    unit_price  NUMERIC(12, 2) NOT NULL CHECK (unit_price > 0),
    available   BIGINT         NOT NULL CHECK (available >= 0),
    reserved    BIGINT         NOT NULL CHECK (reserved >= 0),
    -- Units ever added net of manual adjustments: available + reserved + units in COMMITTED
    -- reservations. Every write keeps that sum, so a sold-twice unit shows up as a mismatch.
    total_stock BIGINT         NOT NULL,
    created_at  TIMESTAMPTZ    NOT NULL,
    updated_at  TIMESTAMPTZ    NOT NULL,
    CONSTRAINT product_total_covers_free_and_held CHECK (total_stock >= available + reserved)
);
