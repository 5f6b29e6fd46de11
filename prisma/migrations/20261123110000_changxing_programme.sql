-- Up Migration
-- The Changxing programme end to end: scores and exclusions on cases, the notice clause on every audit
-- entry, objections to a 公示 list, immutable roster publications, and granted titles.

ALTER TABLE case_file
  ADD COLUMN total_score double precision,
  ADD COLUMN score_parts jsonb,
  ADD COLUMN proposed boolean NOT NULL DEFAULT false,
  ADD COLUMN excluded_kind text,
  ADD COLUMN excluded_reason text;

ALTER TABLE audit_event ADD COLUMN clause text;

-- Work a title no longer needs (revoked or expired) is cancelled, not left open.
ALTER TABLE task DROP CONSTRAINT task_status_check;
ALTER TABLE task ADD CONSTRAINT task_status_check CHECK (status IN ('open', 'done', 'cancelled'));

CREATE TABLE objection (
  id text PRIMARY KEY,
  campaign_id text NOT NULL REFERENCES campaign(id),
  case_id text NOT NULL REFERENCES case_file(id),
  roster_id text NOT NULL,
  jurisdiction_id text NOT NULL REFERENCES jurisdiction(id),
  lodged_at timestamptz(3) NOT NULL,
  lodged_by_id text NOT NULL,
  source text NOT NULL,
  content text NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'upheld', 'dismissed')),
  resolved_at timestamptz(3),
  resolved_by_id text,
  resolution text
);
CREATE INDEX objection_campaign_id_status_idx ON objection (campaign_id, status);

-- A roster is a dated publication; a newer one of the same kind supersedes it, nothing edits it.
CREATE TABLE roster (
  id text PRIMARY KEY,
  campaign_id text NOT NULL REFERENCES campaign(id),
  kind text NOT NULL CHECK (kind IN ('publicity', 'award', 'red', 'black')),
  seq integer NOT NULL,
  published_at timestamptz(3) NOT NULL,
  published_by_id text,
  window_ends_at timestamptz(3),
  entries jsonb NOT NULL,
  UNIQUE (campaign_id, kind, seq)
);
CREATE FUNCTION roster_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'roster publications are immutable (% refused)', TG_OP;
END $$;
CREATE TRIGGER roster_no_update_delete BEFORE UPDATE OR DELETE ON roster
  FOR EACH ROW EXECUTE FUNCTION roster_immutable();

CREATE TABLE title (
  id text PRIMARY KEY,
  campaign_id text NOT NULL REFERENCES campaign(id),
  case_id text NOT NULL UNIQUE REFERENCES case_file(id),
  operator_id text NOT NULL REFERENCES operator(id),
  jurisdiction_id text NOT NULL REFERENCES jurisdiction(id),
  total_score double precision NOT NULL,
  granted_at timestamptz(3) NOT NULL,
  expires_at timestamptz(3) NOT NULL,
  status text NOT NULL CHECK (status IN ('active', 'revoked', 'expired')),
  ended_at timestamptz(3),
  revoked_ground text,
  revoked_evidence text,
  revoked_by_id text,
  workflow_id text NOT NULL UNIQUE
);
CREATE INDEX title_operator_id_idx ON title (operator_id);
CREATE INDEX title_jurisdiction_id_status_idx ON title (jurisdiction_id, status);

-- Down Migration
ALTER TABLE task DROP CONSTRAINT task_status_check;
ALTER TABLE task ADD CONSTRAINT task_status_check CHECK (status IN ('open', 'done'));
DROP TABLE title, roster, objection;
DROP FUNCTION roster_immutable();
ALTER TABLE audit_event DROP COLUMN clause;
ALTER TABLE case_file DROP COLUMN total_score, DROP COLUMN score_parts, DROP COLUMN proposed, DROP COLUMN excluded_kind, DROP COLUMN excluded_reason;
