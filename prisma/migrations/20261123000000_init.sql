-- Up Migration
-- Initial schema. Names sort by pinyin (the ICU collation zh-Hans-x-icu), as people expect:
-- 岱山县, 定海区, 普陀区, 嵊泗县.

CREATE TABLE jurisdiction (
  id text PRIMARY KEY,
  name text COLLATE "zh-Hans-x-icu" NOT NULL,
  level text NOT NULL CHECK (level IN ('city', 'county', 'station')),
  parent_id text REFERENCES jurisdiction(id),
  path text NOT NULL UNIQUE
);

CREATE TABLE app_user (
  id text PRIMARY KEY,
  username text NOT NULL UNIQUE,
  display_name text COLLATE "zh-Hans-x-icu" NOT NULL,
  password_hash text NOT NULL,
  role text NOT NULL CHECK (role IN ('coordinator', 'county_officer', 'auditor', 'leader', 'admin')),
  jurisdiction_id text NOT NULL REFERENCES jurisdiction(id),
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX app_user_jurisdiction_id_idx ON app_user (jurisdiction_id);

CREATE TABLE session (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES app_user(id),
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  expires_at timestamptz(3) NOT NULL
);
CREATE INDEX session_user_id_idx ON session (user_id);

CREATE TABLE operator (
  id text PRIMARY KEY,
  name text COLLATE "zh-Hans-x-icu" NOT NULL,
  uscc text NOT NULL UNIQUE,
  kind text NOT NULL CHECK (kind IN ('enterprise', 'live_room', 'influencer')),
  jurisdiction_id text NOT NULL REFERENCES jurisdiction(id),
  registered_on date NOT NULL,
  track text CHECK (track IN ('live_marketing', 'community_group_buying')),
  platform_accounts jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz(3) NOT NULL DEFAULT now()
);
CREATE INDEX operator_jurisdiction_id_idx ON operator (jurisdiction_id);

CREATE TABLE campaign (
  id text PRIMARY KEY,
  programme text NOT NULL,
  name text COLLATE "zh-Hans-x-icu" NOT NULL,
  year integer NOT NULL,
  jurisdiction_id text NOT NULL REFERENCES jurisdiction(id),
  status text NOT NULL CHECK (status IN ('running', 'completed')),
  current_stage text,
  definition jsonb NOT NULL,
  workflow_id text NOT NULL UNIQUE,
  launched_by_id text NOT NULL REFERENCES app_user(id),
  launched_at timestamptz(3) NOT NULL,
  completed_at timestamptz(3),
  case_count integer NOT NULL DEFAULT 0,
  UNIQUE (programme, jurisdiction_id, year)
);
CREATE INDEX campaign_jurisdiction_id_idx ON campaign (jurisdiction_id);

CREATE TABLE stage (
  id text PRIMARY KEY,
  campaign_id text NOT NULL REFERENCES campaign(id),
  key text NOT NULL,
  seq integer NOT NULL,
  name text NOT NULL,
  name_en text NOT NULL,
  starts_at timestamptz(3) NOT NULL,
  due_at timestamptz(3) NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'open', 'closed')),
  opened_at timestamptz(3),
  closed_at timestamptz(3),
  closed_early boolean NOT NULL DEFAULT false,
  reminder_sent_at timestamptz(3),
  overdue_count integer NOT NULL DEFAULT 0,
  UNIQUE (campaign_id, key)
);

CREATE TABLE case_file (
  id text PRIMARY KEY,
  campaign_id text NOT NULL REFERENCES campaign(id),
  operator_id text NOT NULL REFERENCES operator(id),
  jurisdiction_id text NOT NULL REFERENCES jurisdiction(id),
  track text,
  status text NOT NULL CHECK (status IN ('active', 'completed')),
  current_step text,
  workflow_id text NOT NULL UNIQUE,
  created_at timestamptz(3) NOT NULL,
  updated_at timestamptz(3) NOT NULL
);
CREATE INDEX case_file_campaign_id_idx ON case_file (campaign_id);
CREATE INDEX case_file_jurisdiction_id_idx ON case_file (jurisdiction_id);

CREATE TABLE task (
  id text PRIMARY KEY,
  campaign_id text NOT NULL REFERENCES campaign(id),
  stage_key text NOT NULL,
  case_id text REFERENCES case_file(id),
  type text NOT NULL,
  title text COLLATE "zh-Hans-x-icu" NOT NULL,
  assignee_role text NOT NULL,
  jurisdiction_id text NOT NULL REFERENCES jurisdiction(id),
  claimed_by_id text REFERENCES app_user(id),
  status text NOT NULL CHECK (status IN ('open', 'done')),
  overdue boolean NOT NULL DEFAULT false,
  due_at timestamptz(3) NOT NULL,
  workflow_id text NOT NULL,
  created_at timestamptz(3) NOT NULL,
  completed_at timestamptz(3),
  completed_by_id text REFERENCES app_user(id),
  result jsonb,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX task_jurisdiction_id_status_idx ON task (jurisdiction_id, status);
CREATE INDEX task_campaign_id_stage_key_status_idx ON task (campaign_id, stage_key, status);
CREATE INDEX task_case_id_idx ON task (case_id);

CREATE TABLE audit_event (
  id bigserial PRIMARY KEY,
  key text NOT NULL UNIQUE,
  at timestamptz(3) NOT NULL,
  actor_id text,
  actor_role text NOT NULL,
  action text NOT NULL,
  entity_type text NOT NULL,
  entity_id text NOT NULL,
  campaign_id text,
  jurisdiction_id text,
  reason text,
  data jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_event_entity_type_entity_id_idx ON audit_event (entity_type, entity_id);
CREATE INDEX audit_event_campaign_id_idx ON audit_event (campaign_id);

-- DOMAIN.md: "Nothing is deleted; corrections are new entries." The trail refuses edits at the source.
CREATE FUNCTION audit_event_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'audit_event is append-only (% refused)', TG_OP;
END $$;
CREATE TRIGGER audit_event_no_update_delete BEFORE UPDATE OR DELETE ON audit_event
  FOR EACH ROW EXECUTE FUNCTION audit_event_append_only();
CREATE TRIGGER audit_event_no_truncate BEFORE TRUNCATE ON audit_event
  FOR EACH STATEMENT EXECUTE FUNCTION audit_event_append_only();

CREATE TABLE notification (
  id bigserial PRIMARY KEY,
  key text NOT NULL UNIQUE,
  created_at timestamptz(3) NOT NULL,
  kind text NOT NULL,
  recipient_role text NOT NULL,
  jurisdiction_id text NOT NULL REFERENCES jurisdiction(id),
  campaign_id text,
  task_id text,
  title text NOT NULL,
  body text NOT NULL
);
CREATE INDEX notification_jurisdiction_id_idx ON notification (jurisdiction_id);

-- Down Migration
DROP TABLE notification, audit_event, task, case_file, stage, campaign, operator, session, app_user, jurisdiction;
DROP FUNCTION audit_event_append_only();
