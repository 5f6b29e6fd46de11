-- Up Migration
-- An operator's own task (assignee role operator) names its operator: the inbox of the staff who act for
-- operators without a usable account (api/acting-for.ts) then joins the task to the account alone. Through
-- the case it joined case_file and operator for every task in scope, and PostgreSQL 15 read case_file
-- whole for an officer's inbox count (test/query-plans.test.ts).
ALTER TABLE task ADD COLUMN operator_id text REFERENCES operator(id);
UPDATE task t SET operator_id = c.operator_id FROM case_file c WHERE c.id = t.case_id AND t.assignee_role = 'operator';

-- Down Migration
ALTER TABLE task DROP COLUMN operator_id;
