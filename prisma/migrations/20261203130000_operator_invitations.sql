-- Up Migration
-- An officer's invitation (DOMAIN.md "Invitation"): a one-time code that opens an operator's account (or
-- sets a new password on it). Only the code's SHA-256 is kept, as for session tokens: a leaked table does
-- not open anybody's account. A new invitation revokes the operator's unused ones.
CREATE TABLE operator_invitation (
  id text PRIMARY KEY,
  operator_id text NOT NULL REFERENCES operator(id),
  code_hash text NOT NULL UNIQUE,
  created_by_id text NOT NULL REFERENCES app_user(id),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  expires_at timestamptz(3) NOT NULL,
  used_at timestamptz(3),
  revoked_at timestamptz(3)
);
CREATE INDEX operator_invitation_operator_idx ON operator_invitation (operator_id, created_at);

-- Down Migration
DROP TABLE operator_invitation;
