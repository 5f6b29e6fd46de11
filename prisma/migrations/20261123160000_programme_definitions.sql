-- Up Migration
-- Issue #8 Part B: programmes defined as data (DOMAIN.md Programme D). Each revision is a new version;
-- nothing is edited in place, so a running campaign's version stays readable. Their rosters are of kind 'list'.
CREATE TABLE programme_definition (
  id text NOT NULL,
  version integer NOT NULL CHECK (version >= 1),
  spec jsonb NOT NULL,
  created_at timestamptz(3) NOT NULL,
  created_by_id text REFERENCES app_user(id),
  PRIMARY KEY (id, version)
);

ALTER TABLE roster DROP CONSTRAINT roster_kind_check;
ALTER TABLE roster ADD CONSTRAINT roster_kind_check CHECK (kind IN ('publicity', 'award', 'red', 'black', 'cultivation', 'list'));

-- Down Migration
ALTER TABLE roster DROP CONSTRAINT roster_kind_check;
ALTER TABLE roster ADD CONSTRAINT roster_kind_check CHECK (kind IN ('publicity', 'award', 'red', 'black', 'cultivation'));
DROP TABLE programme_definition;
