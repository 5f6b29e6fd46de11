-- Up Migration
-- A task's submitted decision, durable before the officer is answered (README "Completing a task"): the
-- outbox from which the API delivers it to the owning workflow as its completion Update, exactly once
-- (the Update id is the submission's id). The workflow stays the judge: it applies the decision or refuses
-- it, and a refusal is kept here and told to the submitter.
CREATE TABLE task_submission (
  id text PRIMARY KEY,
  task_id text NOT NULL REFERENCES task(id),
  workflow_id text NOT NULL,
  submitted_by_id text,
  actor jsonb NOT NULL,
  result jsonb NOT NULL,
  -- Submitted unclaimed: the submission claimed the task, so a refusal gives the claim back.
  claimed boolean NOT NULL DEFAULT false,
  -- Answered before delivery (Prefer: respond-async): a refusal is then told as a notification.
  answered_early boolean NOT NULL DEFAULT false,
  status text NOT NULL CHECK (status IN ('pending', 'applied', 'refused')),
  submitted_at timestamptz(3) NOT NULL,
  -- Whoever delivers holds the row until then; an API that died meanwhile leaves it to the next sweep.
  lease_until timestamptz(3) NOT NULL,
  attempts integer NOT NULL DEFAULT 0,
  decided_at timestamptz(3),
  refusal_zh text,
  refusal_en text
);
-- One decision in flight per task: a second submission meanwhile is refused (409) by this index.
CREATE UNIQUE INDEX task_submission_pending_idx ON task_submission (task_id) WHERE status = 'pending';
CREATE INDEX task_submission_due_idx ON task_submission (lease_until) WHERE status = 'pending';
CREATE INDEX task_submission_task_idx ON task_submission (task_id, submitted_at DESC);

-- Down Migration
DROP TABLE task_submission;
