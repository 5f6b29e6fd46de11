-- Up Migration
-- Evaluation groups (changxing 四、（四）评价公示: 部门评价, 第三方监测, 行业评议, 消费者评议 and 社会评议 are
-- each a group's work; README "Evaluation groups"). A campaign's dimensions are assigned to groups; a group
-- is a unit and its members, or an external party whose scores are imported. Each score task carries its
-- group, so only the group's members see and take it; a task of a dimension no group holds is any
-- auditor's, as before.
CREATE TABLE evaluation_group (
  id text PRIMARY KEY,
  campaign_id text NOT NULL REFERENCES campaign(id),
  name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 60),
  -- A third party (第三方监测): its scores come in by spreadsheet, recorded as its decision.
  external boolean NOT NULL DEFAULT false,
  dimensions text[] NOT NULL CHECK (cardinality(dimensions) >= 1),
  created_at timestamptz(3) NOT NULL,
  UNIQUE (campaign_id, name)
);
CREATE INDEX evaluation_group_campaign_idx ON evaluation_group (campaign_id);

CREATE TABLE evaluation_group_member (
  group_id text NOT NULL REFERENCES evaluation_group(id) ON DELETE CASCADE,
  user_id text NOT NULL REFERENCES app_user(id),
  PRIMARY KEY (group_id, user_id)
);
CREATE INDEX evaluation_group_member_user_idx ON evaluation_group_member (user_id);

ALTER TABLE task ADD COLUMN evaluation_group_id text REFERENCES evaluation_group(id) ON DELETE SET NULL;
CREATE INDEX task_evaluation_group_idx ON task (evaluation_group_id) WHERE evaluation_group_id IS NOT NULL;

-- A third party's score import: the validated lines, delivered to the cases by a workflow (ScoreImportWorkflow),
-- so an acknowledged import is never half lost. One row per file and group; the same file again is the same import.
CREATE TABLE score_import (
  id text PRIMARY KEY,
  group_id text NOT NULL REFERENCES evaluation_group(id),
  campaign_id text NOT NULL REFERENCES campaign(id),
  dimension text NOT NULL,
  file_name text,
  sha256 text NOT NULL,
  lines integer NOT NULL,
  -- The validated lines (line, task, operator, score, remark): what the workflow delivers.
  rows jsonb NOT NULL,
  -- Per delivered chunk of lines ({"0": {"delivered": 25, "refused": [...]}}): a chunk retried after a
  -- crash writes its own entry again, so nothing is counted twice.
  progress jsonb NOT NULL DEFAULT '{}',
  status text NOT NULL DEFAULT 'running', -- running | done
  imported_by_id text NOT NULL REFERENCES app_user(id),
  created_at timestamptz(3) NOT NULL,
  finished_at timestamptz(3),
  UNIQUE (group_id, dimension, sha256)
);

-- Down Migration
DROP TABLE score_import;
ALTER TABLE task DROP COLUMN evaluation_group_id;
DROP TABLE evaluation_group_member;
DROP TABLE evaluation_group;
