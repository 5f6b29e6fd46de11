-- Up Migration
-- The task list at a million tasks (README "Benchmarks"). A list counts its total up to a cap
-- (api/list.ts LIST_TOTAL_CAP); the count stops early, and reads no table row, only where one index holds
-- every column of the filter. Every list of someone outside the evaluation groups also filters on
-- evaluation_group_id (a group's score tasks are its members' only, changxing 四、（四）), hence INCLUDE.
DROP INDEX task_jurisdiction_status_due_idx;
CREATE INDEX task_jurisdiction_status_due_idx ON task (jurisdiction_id, status, due_at, id) INCLUDE (evaluation_group_id);
-- Open and overdue tasks are a few percent of a scope: walking the open ones to find them was too slow
-- for both their count and their rows by deadline.
CREATE INDEX task_open_overdue_idx ON task (jurisdiction_id, due_at, id) INCLUDE (evaluation_group_id) WHERE status = 'open' AND overdue;
-- Tasks of a type (检查, 评分, …) in a scope and status: counted from the index, listed by place.
CREATE INDEX task_jurisdiction_status_type_idx ON task (jurisdiction_id, status, type, id) INCLUDE (evaluation_group_id);
-- A place's done tasks, latest first (the 已办 view), and its tasks by title: without these each sorted
-- every task of the place and status (60,000 at a busy station) for a page of 25.
CREATE INDEX task_jurisdiction_status_completed_idx ON task (jurisdiction_id, status, completed_at DESC, id);
CREATE INDEX task_jurisdiction_status_title_idx ON task (jurisdiction_id, status, title, id);

-- Down Migration
DROP INDEX task_jurisdiction_status_title_idx;
DROP INDEX task_jurisdiction_status_completed_idx;
DROP INDEX task_jurisdiction_status_type_idx;
DROP INDEX task_open_overdue_idx;
DROP INDEX task_jurisdiction_status_due_idx;
CREATE INDEX task_jurisdiction_status_due_idx ON task (jurisdiction_id, status, due_at, id);
