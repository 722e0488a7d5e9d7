-- What must always hold across the services' databases, as one query that returns each broken
-- rule as a line of text, none when all hold. Meant for a settled system: a PENDING order is a
-- violation. The only copy: system-tests' oms.system.Invariants and scripts/bench both run it.
--
-- The facts live in three databases. The check runs in one session on inventory-service's
-- database (product, reservation, reservation_item), after the rows of sections "orders" and
-- "payment", read on order-service's and payment-service's databases, are copied into temp tables
-- of the same names (COPY (<section>) TO STDOUT there, COPY <name> FROM STDIN here). A temp table
-- comes first in the search path, so the query reads all five tables as if they were in one
-- database. Each section starts with a line "-- @<name>".

-- @tables: made first, in the session on inventory-service's database
SET jit = off;   -- the check runs once: compiling it costs more than it saves (1 of 6 s at 200k orders)
CREATE TEMP TABLE orders (id uuid, status text, total_amount numeric, reservation_id uuid, payment_id uuid);
CREATE TEMP TABLE payment (id uuid, order_id uuid, status text, amount numeric);
CREATE INDEX ON payment (order_id);
-- An order's payments or reservations (those with one of the statuses, all when none are given)
-- as the messages show them: "[id STATUS amount, ...]". Called only for a broken rule.
CREATE FUNCTION pg_temp.payments_of(order_id uuid, VARIADIC statuses text[] DEFAULT NULL) RETURNS text
LANGUAGE sql AS $$
  SELECT '[' || coalesce(string_agg(concat_ws(' ', id, status, amount), ', ' ORDER BY id), '') || ']'
  FROM payment p WHERE p.order_id = $1 AND ($2 IS NULL OR p.status = ANY ($2)) $$;
CREATE FUNCTION pg_temp.reservations_of(order_id uuid, VARIADIC statuses text[] DEFAULT NULL) RETURNS text
LANGUAGE sql AS $$
  SELECT '[' || coalesce(string_agg(concat_ws(' ', id, status), ', ' ORDER BY id), '') || ']'
  FROM reservation r WHERE r.order_id = $1 AND ($2 IS NULL OR r.status = ANY ($2)) $$;

-- @orders: read on order-service's database
SELECT id, status, total_amount, reservation_id, payment_id FROM orders

-- @payment: read on payment-service's database
SELECT id, order_id, status, amount FROM payment

-- @violations: the check, on inventory-service's database once both copies are in. Each rule
-- below is its message when broken, NULL when it holds.
WITH
-- Units of each product in COMMITTED (sold) and in HELD reservations.
units AS (
  SELECT ri.sku,
         sum(ri.quantity) FILTER (WHERE r.status = 'COMMITTED') AS committed,
         sum(ri.quantity) FILTER (WHERE r.status = 'HELD') AS held
  FROM reservation_item ri JOIN reservation r ON r.id = ri.reservation_id
  GROUP BY ri.sku),
stock AS (
  SELECT p.sku, p.available, p.reserved, p.total_stock,
         coalesce(u.committed, 0) AS committed, coalesce(u.held, 0) AS held
  FROM product p LEFT JOIN units u ON u.sku = p.sku),
-- Per order: how many AUTHORIZED payments, and the one when there is exactly one.
payments AS (
  SELECT order_id,
         count(*) FILTER (WHERE status = 'AUTHORIZED') AS authorized,
         min(id::text) FILTER (WHERE status = 'AUTHORIZED') AS authorized_id,
         min(amount) FILTER (WHERE status = 'AUTHORIZED') AS authorized_amount
  FROM payment GROUP BY order_id),
-- Per order: how many COMMITTED reservations (and the one when there is exactly one) and HELD ones.
reservations AS (
  SELECT order_id,
         count(*) FILTER (WHERE status = 'COMMITTED') AS committed,
         min(id::text) FILTER (WHERE status = 'COMMITTED') AS committed_id,
         count(*) FILTER (WHERE status = 'HELD') AS held
  FROM reservation GROUP BY order_id),
checked AS (
  SELECT o.id, o.status, o.total_amount, o.reservation_id, o.payment_id,
         o.status IN ('REJECTED', 'FAILED', 'CANCELLED') AS settled_unconfirmed,
         coalesce(p.authorized, 0) AS authorized, p.authorized_id, p.authorized_amount,
         coalesce(r.committed, 0) AS committed, r.committed_id, coalesce(r.held, 0) AS held
  FROM orders o
  LEFT JOIN payments p ON p.order_id = o.id
  LEFT JOIN reservations r ON r.order_id = o.id)
SELECT violation FROM (
  -- No unit sold twice: total_stock = available + reserved + units in COMMITTED reservations.
  SELECT 1 AS part, s.sku::text AS key, v.n, v.violation
  FROM stock s CROSS JOIN LATERAL (VALUES
    (1, CASE WHEN s.available < 0
             THEN format('product %s: available is %s (< 0)', s.sku, s.available) END),
    (2, CASE WHEN s.total_stock <> s.available + s.reserved + s.committed
             THEN format('product %s: total_stock %s != available %s + reserved %s + committed %s',
                         s.sku, s.total_stock, s.available, s.reserved, s.committed) END),
    (3, CASE WHEN s.reserved <> s.held
             THEN format('product %s: reserved %s != units in HELD reservations %s', s.sku, s.reserved, s.held) END)
  ) AS v(n, violation)
  WHERE v.violation IS NOT NULL
  UNION ALL
  -- Each order's payment and reservation match its status.
  SELECT 2, o.id::text, v.n, format('order %s (%s): %s', o.id, o.status, v.violation)
  FROM checked o CROSS JOIN LATERAL (VALUES
    (1, CASE WHEN o.status = 'CONFIRMED' AND o.authorized <> 1
             THEN format('%s AUTHORIZED payments, expected exactly 1 %s', o.authorized, pg_temp.payments_of(o.id)) END),
    (2, CASE WHEN o.status = 'CONFIRMED' AND o.authorized = 1 AND NOT coalesce(o.authorized_amount = o.total_amount, false)
             THEN format('payment %s is for %s but the order total is %s', o.authorized_id,
                         coalesce(o.authorized_amount::text, 'null'), coalesce(o.total_amount::text, 'null')) END),
    (3, CASE WHEN o.status = 'CONFIRMED' AND o.authorized = 1 AND o.payment_id::text <> o.authorized_id
             THEN format('payment_id %s but the AUTHORIZED payment is %s', o.payment_id, o.authorized_id) END),
    (4, CASE WHEN o.status = 'CONFIRMED' AND o.committed <> 1
             THEN format('%s COMMITTED reservations, expected exactly 1 %s', o.committed, pg_temp.reservations_of(o.id)) END),
    (5, CASE WHEN o.status = 'CONFIRMED' AND o.committed = 1 AND o.reservation_id::text <> o.committed_id
             THEN format('reservation_id %s but the COMMITTED reservation is %s', o.reservation_id, o.committed_id) END),
    (6, CASE WHEN o.status = 'CONFIRMED' AND o.held > 0
             THEN format('still has HELD reservations %s', pg_temp.reservations_of(o.id, 'HELD')) END),
    (7, CASE WHEN o.settled_unconfirmed AND o.authorized > 0
             THEN format('has AUTHORIZED payments %s', pg_temp.payments_of(o.id, 'AUTHORIZED')) END),
    (8, CASE WHEN o.settled_unconfirmed AND o.committed + o.held > 0
             THEN format('holds reservations %s', pg_temp.reservations_of(o.id, 'HELD', 'COMMITTED')) END),
    (9, CASE WHEN o.status = 'PENDING' THEN 'not settled' END),
    (10, CASE WHEN o.status NOT IN ('CONFIRMED', 'REJECTED', 'FAILED', 'CANCELLED', 'PENDING') THEN 'unknown status' END)
  ) AS v(n, violation)
  WHERE v.violation IS NOT NULL
  UNION ALL
  -- Money taken or stock held for an order order-service does not have.
  SELECT 3, p.order_id::text, 1, format('payments %s belong to order %s, which order-service does not have',
                                        pg_temp.payments_of(p.order_id, 'AUTHORIZED'), p.order_id)
  FROM payments p
  WHERE p.authorized > 0 AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = p.order_id)
  UNION ALL
  SELECT 4, r.order_id::text, 1, format('reservations %s belong to order %s, which order-service does not have',
                                        pg_temp.reservations_of(r.order_id, 'HELD', 'COMMITTED'), r.order_id)
  FROM reservations r
  WHERE r.committed + r.held > 0 AND NOT EXISTS (SELECT 1 FROM orders o WHERE o.id = r.order_id)
) AS found
ORDER BY part, key, n;
