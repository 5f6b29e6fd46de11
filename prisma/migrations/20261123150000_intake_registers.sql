-- Up Migration
-- Issue #8: the Lijiang registers (特色直播优质产品 / 新媒体达人). One entry per application (same id as its
-- case), review batches (分批次审核入库), attachments kept with their SHA-256, and the dynamic scoring
-- (动态评分) inputs, scores and runs.
CREATE TABLE intake_batch (
  id text PRIMARY KEY, -- `${campaignId}:batch:${seq}`
  campaign_id text NOT NULL REFERENCES campaign(id),
  seq integer NOT NULL,
  opened_at timestamptz(3) NOT NULL,
  opened_by_id text REFERENCES app_user(id),
  review_due_at timestamptz(3) NOT NULL,
  size integer NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'closed')),
  closed_at timestamptz(3),
  UNIQUE (campaign_id, seq)
);

CREATE TABLE register_entry (
  id text PRIMARY KEY REFERENCES case_file(id),
  campaign_id text NOT NULL REFERENCES campaign(id),
  register text NOT NULL CHECK (register IN ('product', 'influencer')),
  identity text NOT NULL,
  name text NOT NULL,
  operator_id text NOT NULL REFERENCES operator(id),
  jurisdiction_id text NOT NULL REFERENCES jurisdiction(id),
  status text NOT NULL CHECK (status IN ('queued', 'in_review', 'admitted', 'refused', 'filed', 'removed')),
  priority integer NOT NULL,
  priority_reasons jsonb NOT NULL DEFAULT '[]',
  flags jsonb NOT NULL DEFAULT '[]',
  form jsonb NOT NULL,
  batch_id text REFERENCES intake_batch(id),
  created_at timestamptz(3) NOT NULL,
  admitted_at timestamptz(3),
  refused_reason text,
  filed_at timestamptz(3),
  filing_date date,
  filing_reference text,
  removal_proposed boolean NOT NULL DEFAULT false,
  removed_at timestamptz(3),
  removed_reason text,
  last_score double precision,
  last_scored_at timestamptz(3),
  workflow_id text NOT NULL,
  -- The same product (or primary account) of one operator is applied for once per campaign.
  UNIQUE (campaign_id, register, operator_id, identity)
);
CREATE INDEX register_entry_campaign_idx ON register_entry (campaign_id, register, status);
CREATE INDEX register_entry_batch_idx ON register_entry (batch_id);
CREATE INDEX register_entry_jurisdiction_idx ON register_entry (jurisdiction_id);

CREATE TABLE attachment (
  id text PRIMARY KEY, -- a random UUID
  filename text NOT NULL,
  content_type text NOT NULL,
  size integer NOT NULL,
  sha256 text NOT NULL,
  content bytea NOT NULL,
  uploaded_by_id text NOT NULL REFERENCES app_user(id),
  uploaded_at timestamptz(3) NOT NULL,
  -- Bound to the entry whose application refers to it (once; unbound uploads are the uploader's only).
  entry_id text REFERENCES register_entry(id),
  field text
);
CREATE INDEX attachment_entry_idx ON attachment (entry_id);

CREATE TABLE register_metric (
  id bigserial PRIMARY KEY,
  entry_id text NOT NULL REFERENCES register_entry(id),
  recorded_at timestamptz(3) NOT NULL,
  recorded_by_id text NOT NULL REFERENCES app_user(id),
  platform_rating double precision NOT NULL,
  complaint_rate double precision NOT NULL,
  findings integer NOT NULL,
  violation boolean NOT NULL,
  note text
);
CREATE INDEX register_metric_entry_idx ON register_metric (entry_id, recorded_at);

CREATE TABLE register_scoring_run (
  id text PRIMARY KEY, -- `${campaignId}:${periodKey}`
  campaign_id text NOT NULL REFERENCES campaign(id),
  period_key text NOT NULL,
  ran_at timestamptz(3) NOT NULL,
  scored integer NOT NULL,
  proposed integer NOT NULL,
  averages jsonb NOT NULL
);
CREATE INDEX register_scoring_run_campaign_idx ON register_scoring_run (campaign_id, ran_at);

CREATE TABLE register_score (
  id text PRIMARY KEY, -- `${entryId}:${periodKey}`
  entry_id text NOT NULL REFERENCES register_entry(id),
  run_id text NOT NULL REFERENCES register_scoring_run(id),
  scored_at timestamptz(3) NOT NULL,
  score double precision NOT NULL,
  average double precision NOT NULL,
  parts jsonb NOT NULL,
  metric_id bigint NOT NULL REFERENCES register_metric(id),
  proposed boolean NOT NULL,
  reasons jsonb NOT NULL DEFAULT '[]'
);
CREATE INDEX register_score_entry_idx ON register_score (entry_id, scored_at);

-- Down Migration
DROP TABLE register_score, register_scoring_run, register_metric, attachment, register_entry, intake_batch;
