-- Up Migration
-- Notifications to operators (README "Notifications to operators"): an operator's account hears of its own
-- case by name (recipient_role 'operator', recipient_user_id), including two kinds of its own: a return
-- (self-check or application returned) and an order (限期整改 with its deadline). Its portal lists them by
-- account, and lists its register applications by operator.
ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check
  CHECK (kind IN ('assignment', 'reminder', 'overdue', 'escalation', 'decision', 'returned', 'order'));
CREATE INDEX notification_recipient_user_idx ON notification (recipient_user_id, id);
CREATE INDEX register_entry_operator_idx ON register_entry (operator_id, created_at);

-- Down Migration
DROP INDEX register_entry_operator_idx;
DROP INDEX notification_recipient_user_idx;
-- Nothing is deleted: the operators' own kinds read as decisions under the older constraint.
UPDATE notification SET kind = 'decision' WHERE kind IN ('returned', 'order');
ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check
  CHECK (kind IN ('assignment', 'reminder', 'overdue', 'escalation', 'decision'));
