-- Up Migration
-- A task due with its stage moves when the stage is extended; others keep their own deadline.
ALTER TABLE task ADD COLUMN follows_stage boolean NOT NULL DEFAULT false;
UPDATE task SET follows_stage = true WHERE type <> 'escalation';

-- Down Migration
ALTER TABLE task DROP COLUMN follows_stage;
