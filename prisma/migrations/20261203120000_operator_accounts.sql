-- Up Migration
-- The operators' own door (DOMAIN.md "Operator", "Invitation"): an operator of the register signs in with
-- its 统一社会信用代码 after an officer's invitation. Its account is a user of role `operator` tied to one
-- operator, so sign-in, sessions, the failure limiter and the password rules are those of staff accounts.
ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check CHECK (role IN ('coordinator', 'county_officer', 'auditor', 'leader', 'admin', 'operator'));
ALTER TABLE app_user ADD COLUMN operator_id text UNIQUE REFERENCES operator(id);
-- An operator account is exactly one operator's; a staff account is nobody's.
ALTER TABLE app_user ADD CONSTRAINT app_user_operator_check CHECK ((role = 'operator') = (operator_id IS NOT NULL));

-- Down Migration
ALTER TABLE app_user DROP CONSTRAINT app_user_operator_check;
ALTER TABLE app_user DROP COLUMN operator_id;
DELETE FROM app_user WHERE role = 'operator';
ALTER TABLE app_user DROP CONSTRAINT app_user_role_check;
ALTER TABLE app_user ADD CONSTRAINT app_user_role_check CHECK (role IN ('coordinator', 'county_officer', 'auditor', 'leader', 'admin'));
