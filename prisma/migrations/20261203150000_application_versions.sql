-- Up Migration
-- Each submission of a live room's application is kept (舟山方案 六、（二）组织申报: the county pre-reviews,
-- returns it for material, and reviews again what was supplied): version 1 when filed, n+1 at each
-- resubmission after a return. case_file.application stays the current one; the pre-review shows the
-- change from the previous version. Its attachments are bound to the case (attachment.case_id,
-- 20261203140000_evidence.sql), so housekeeping keeps them and the case's staff and operator may read them.
CREATE TABLE application_version (
  case_id text NOT NULL REFERENCES case_file(id),
  version integer NOT NULL CHECK (version >= 1),
  -- The form's fields (domain/application-form.ts), without its attachments and statement.
  form jsonb NOT NULL,
  attachment_ids jsonb NOT NULL DEFAULT '[]',
  -- The compliance statement it stands on: text and version signed, signatory (法定代表人), when, by whom.
  statement jsonb,
  submitted_by_id text NOT NULL REFERENCES app_user(id),
  -- Staff submitting for the operator (filing for it, or answering a return for it): the operator.
  on_behalf_of text REFERENCES operator(id),
  submitted_at timestamptz(3) NOT NULL,
  PRIMARY KEY (case_id, version)
);

-- Down Migration
DROP TABLE application_version;
