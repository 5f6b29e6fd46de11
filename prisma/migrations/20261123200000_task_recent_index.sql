-- Up Migration
-- Issue #9: a county officer's lists span the county and its stations (~40% of the bench's 100,000 tasks).
-- With an IN-list of places, (jurisdiction_id, status, …) cannot give one order, so "done, newest first"
-- and "open, by deadline" sorted every row in scope: 65-110 ms whatever the page. Walking these indexes
-- in the list's order and skipping other places' rows answers a first page in under 1 ms and page 100 in
-- about 15 ms (EXPLAIN ANALYZE on the bench's data); station-scoped lists and counts keep using
-- task_jurisdiction_status_due_idx.
CREATE INDEX task_status_created_idx ON task (status, created_at DESC, id);
CREATE INDEX task_status_due_idx ON task (status, due_at, id);

-- Down Migration
DROP INDEX task_status_due_idx;
DROP INDEX task_status_created_idx;
