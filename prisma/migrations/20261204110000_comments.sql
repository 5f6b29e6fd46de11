-- Up Migration
-- A comment thread on each task and case (DOMAIN.md "Evidence: a file on a task or case"; README "Comments
-- and files"): officers say what they saw or ask the next step, beside the decision itself. A comment on a
-- task of a case also names the case, so the case's thread shows what was said on its tasks. Comments are
-- never edited or deleted: each is audited when written (comment.added).
CREATE TABLE comment (
  id text PRIMARY KEY,
  task_id text REFERENCES task(id),
  case_id text REFERENCES case_file(id),
  body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 2000),
  author_id text NOT NULL REFERENCES app_user(id),
  created_at timestamptz(3) NOT NULL,
  CHECK (task_id IS NOT NULL OR case_id IS NOT NULL)
);
CREATE INDEX comment_task_idx ON comment (task_id, created_at);
CREATE INDEX comment_case_idx ON comment (case_id, created_at);

-- Down Migration
DROP TABLE comment;
