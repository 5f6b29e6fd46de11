-- Up Migration
-- Evidence (DOMAIN.md "Evidence: a file on a task or case"): an operator's photos and PDFs for its 自查自纠
-- (长兴方案 四、（二）) and its proof of rectification before the deadline (四、（三）限期整改). An upload
-- belongs to its uploader until a completed task or a proof binds it to a case; from then on the operator
-- of the case and the staff over the case's jurisdiction may read it too, and housekeeping keeps it.
ALTER TABLE attachment
  ADD COLUMN case_id text REFERENCES case_file(id),
  ADD COLUMN task_id text REFERENCES task(id);
CREATE INDEX attachment_case_idx ON attachment (case_id);

-- What the operator (or staff for it) hands in against a rectification order of one round: a note and
-- files, before the order's deadline. Several may be filed per round; none is changed afterwards.
CREATE TABLE rectification_proof (
  id text PRIMARY KEY,
  case_id text NOT NULL REFERENCES case_file(id),
  round integer NOT NULL CHECK (round >= 1),
  note text NOT NULL,
  attachment_ids jsonb NOT NULL DEFAULT '[]',
  submitted_by_id text NOT NULL REFERENCES app_user(id),
  -- Staff filing it for an operator (one without an account, or who brought its papers): the operator.
  on_behalf_of text REFERENCES operator(id),
  submitted_at timestamptz(3) NOT NULL
);
CREATE INDEX rectification_proof_case_idx ON rectification_proof (case_id, round, submitted_at);

-- Down Migration
DROP TABLE rectification_proof;
DROP INDEX attachment_case_idx;
ALTER TABLE attachment DROP COLUMN task_id, DROP COLUMN case_id;
