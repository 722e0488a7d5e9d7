-- A total is whatever the prices and quantities make: up to 100 lines x 10000 units x 9,999,999,999.99
-- fits 16 integer digits. The payment limit, not this column, decides about such an order.
ALTER TABLE orders ALTER COLUMN total_amount TYPE NUMERIC(18, 2);
