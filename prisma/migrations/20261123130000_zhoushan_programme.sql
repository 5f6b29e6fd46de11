-- Up Migration
-- Zhoushan green live rooms: the application on the case, the city cultivation list (a roster kind),
-- and listed rooms with their nomination to the province.
ALTER TABLE case_file ADD COLUMN application jsonb;

ALTER TABLE roster DROP CONSTRAINT roster_kind_check;
ALTER TABLE roster ADD CONSTRAINT roster_kind_check CHECK (kind IN ('publicity', 'award', 'red', 'black', 'cultivation'));

CREATE TABLE listing (
  id text PRIMARY KEY,
  campaign_id text NOT NULL REFERENCES campaign(id),
  case_id text NOT NULL UNIQUE REFERENCES case_file(id),
  operator_id text NOT NULL REFERENCES operator(id),
  jurisdiction_id text NOT NULL REFERENCES jurisdiction(id),
  total_score double precision NOT NULL,
  rank integer NOT NULL,
  listed_at timestamptz(3) NOT NULL,
  status text NOT NULL CHECK (status IN ('listed', 'removed')),
  nomination text NOT NULL CHECK (nomination IN ('none', 'pending', 'accepted', 'declined', 'withdrawn')),
  nominated_at timestamptz(3),
  province_answered_at timestamptz(3),
  province_note text,
  findings integer NOT NULL DEFAULT 0,
  removed_at timestamptz(3),
  removed_reason text,
  removed_by_id text,
  workflow_id text NOT NULL UNIQUE
);
CREATE INDEX listing_campaign_id_idx ON listing (campaign_id);
CREATE INDEX listing_jurisdiction_id_status_idx ON listing (jurisdiction_id, status);

-- Down Migration
DROP TABLE listing;
ALTER TABLE roster DROP CONSTRAINT roster_kind_check;
ALTER TABLE roster ADD CONSTRAINT roster_kind_check CHECK (kind IN ('publicity', 'award', 'red', 'black'));
ALTER TABLE case_file DROP COLUMN application;
