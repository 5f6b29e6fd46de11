-- Up Migration
-- Accounts administered in the console (README "Accounts and administration"): a user can be disabled
-- (their sessions end at once), carries a phone and email, and after an admin's reset or creation signs
-- in with a one-time temporary password that must be changed before anything else.
ALTER TABLE app_user
  ADD COLUMN phone text,
  ADD COLUMN email text,
  ADD COLUMN disabled_at timestamptz(3),
  ADD COLUMN must_change_password boolean NOT NULL DEFAULT false,
  ADD COLUMN temporary_until timestamptz(3),
  ADD COLUMN password_changed_at timestamptz(3),
  ADD COLUMN updated_at timestamptz(3);

-- Jurisdictions are administered too (组织机构), from the province down (GB/T 2260 division codes).
ALTER TABLE jurisdiction DROP CONSTRAINT jurisdiction_level_check;
ALTER TABLE jurisdiction ADD CONSTRAINT jurisdiction_level_check CHECK (level IN ('province', 'city', 'county', 'station'));

-- Failed sign-ins, shared by every API process and kept across restarts: the limiter counts the rows of
-- an account, or of a client address, within the window (OWASP ASVS 2.2.1).
CREATE TABLE login_failure (
  id bigserial PRIMARY KEY,
  username text NOT NULL,
  address text NOT NULL,
  at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX login_failure_username_idx ON login_failure (username, at);
CREATE INDEX login_failure_address_idx ON login_failure (address, at);
CREATE INDEX session_expires_idx ON session (expires_at);

-- A programme definition belongs to the jurisdiction whose coordinator created it: only that
-- jurisdiction and those above it may revise it; others copy it as a template.
ALTER TABLE programme_definition ADD COLUMN jurisdiction_id text REFERENCES jurisdiction(id);
-- Its owner is where it was defined: the jurisdiction of its programme.defined audit entry, else its
-- creator's. One with neither stays ownerless, which only admins may revise.
UPDATE programme_definition d SET jurisdiction_id = coalesce(
  (SELECT a.jurisdiction_id FROM audit_event a WHERE a.action = 'programme.defined' AND a.entity_type = 'programme' AND a.entity_id = d.id ORDER BY a.id LIMIT 1),
  (SELECT u.jurisdiction_id FROM app_user u WHERE u.id = d.created_by_id));

-- Down Migration
ALTER TABLE programme_definition DROP COLUMN jurisdiction_id;
DROP INDEX session_expires_idx;
DROP TABLE login_failure;
ALTER TABLE jurisdiction DROP CONSTRAINT jurisdiction_level_check;
ALTER TABLE jurisdiction ADD CONSTRAINT jurisdiction_level_check CHECK (level IN ('city', 'county', 'station'));
ALTER TABLE app_user DROP COLUMN phone, DROP COLUMN email, DROP COLUMN disabled_at, DROP COLUMN must_change_password, DROP COLUMN temporary_until, DROP COLUMN password_changed_at, DROP COLUMN updated_at;
