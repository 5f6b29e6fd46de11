-- Up Migration
-- The two credit lists of the national credit publicity system (经营异常名录, 严重违法失信名单), imported into
-- the register with their history: one row per period on a list (listed on, removed on). README "Credit
-- lists". The operator's abnormal_listed / dishonest_listed flags follow the open rows.
CREATE TABLE credit_listing (
  id text PRIMARY KEY,
  operator_id text NOT NULL REFERENCES operator(id),
  list text NOT NULL CHECK (list IN ('abnormal', 'dishonest')),
  listed_on date NOT NULL,
  reason text,
  authority text,
  removed_on date,
  removal_reason text,
  imported_by_id text NOT NULL REFERENCES app_user(id),
  created_at timestamptz(3) NOT NULL,
  UNIQUE (operator_id, list, listed_on),
  CHECK (removed_on IS NULL OR removed_on >= listed_on)
);
CREATE INDEX credit_listing_operator_idx ON credit_listing (operator_id, list);

-- Down Migration
DROP TABLE credit_listing;
