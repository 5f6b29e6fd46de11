-- Up Migration
-- 双随机 inspections (README "Random inspections"; domain/inspection-draw.ts): one draw per campaign, with
-- everything needed to run it again (seed, method, share, the cases and the inspector pool as they were)
-- and what it chose. Never changed once made: a new draw would undo the randomness the first one proved.
CREATE TABLE inspection_draw (
  campaign_id text PRIMARY KEY REFERENCES campaign(id),
  seed text NOT NULL,
  method text NOT NULL,
  share_percent integer NOT NULL CHECK (share_percent BETWEEN 1 AND 100),
  avoid_own_station boolean NOT NULL,
  -- {cases: [{caseId, stationId}], pool: [{userId, jurisdictionId}]}
  inputs jsonb NOT NULL,
  -- {drawn: [{caseId, inspectors: [userId, userId]}], notDrawn: [caseId]}
  result jsonb NOT NULL,
  roster_id text NOT NULL,
  drawn_by_id text NOT NULL REFERENCES app_user(id),
  drawn_at timestamptz(3) NOT NULL
);

-- The draw is published as a list of its own kind (双随机抽查名单).
ALTER TABLE roster DROP CONSTRAINT roster_kind_check;
ALTER TABLE roster ADD CONSTRAINT roster_kind_check CHECK (kind IN ('publicity', 'award', 'red', 'black', 'cultivation', 'list', 'inspection'));

-- Down Migration
ALTER TABLE roster DROP CONSTRAINT roster_kind_check;
ALTER TABLE roster ADD CONSTRAINT roster_kind_check CHECK (kind IN ('publicity', 'award', 'red', 'black', 'cultivation', 'list'));
DROP TABLE inspection_draw;
