CREATE TABLE customer (
    id         UUID PRIMARY KEY,
    name       VARCHAR(200) NOT NULL,
    email      VARCHAR(320) NOT NULL,
    status     VARCHAR(16)  NOT NULL CHECK (status IN ('ACTIVE', 'SUSPENDED')),
    created_at TIMESTAMPTZ  NOT NULL,
    updated_at TIMESTAMPTZ  NOT NULL
);

-- Emails are unique regardless of case: Ann@x.io and ann@x.io are one person.
CREATE UNIQUE INDEX customer_email_key ON customer (lower(email));
CREATE INDEX customer_created_at_idx ON customer (created_at, id);
