-- An order's total can reach 16 integer digits (100 lines x 10000 units x the largest price); such an
-- amount is declined by the limit, so the column must hold it to record the decline.
ALTER TABLE payment ALTER COLUMN amount TYPE NUMERIC(18, 2);
