-- Up Migration
-- Issue #9: list filters at scale (test/query-plans.test.ts EXPLAINs every console list on 100,000 tasks
-- and audit entries). The audit trail is read by jurisdiction, newest first, and counted per scope.
CREATE INDEX audit_event_jurisdiction_id_idx ON audit_event (jurisdiction_id, id);
-- The inbox by due date within a jurisdiction and status, and the overdue filter.
CREATE INDEX task_jurisdiction_status_due_idx ON task (jurisdiction_id, status, due_at, id);
DROP INDEX task_jurisdiction_id_status_idx;

-- Down Migration
CREATE INDEX task_jurisdiction_id_status_idx ON task (jurisdiction_id, status);
DROP INDEX task_jurisdiction_status_due_idx;
DROP INDEX audit_event_jurisdiction_id_idx;
