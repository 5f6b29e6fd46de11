-- Up Migration
-- The operators a launch enrols, stored by the API before it starts the campaign and read by the campaign
-- in pages (workflows/campaign.ts). A campaign's input carries only this reference: a province's
-- register (100,000 operators of `op-` and a USCC, 21 characters each) would pass Temporal's 2 MB limit
-- on one payload. Kept as the record of whom the launch named; a launch refused as a duplicate deletes its
-- pages, and a launch that failed otherwise (the workflow may have started) keeps them.
CREATE TABLE launch_enrolment (
  launch_id text NOT NULL,
  page integer NOT NULL,
  campaign_id text NOT NULL,
  operator_ids text[] NOT NULL,
  created_at timestamptz(3) NOT NULL DEFAULT now(),
  PRIMARY KEY (launch_id, page)
);
CREATE INDEX launch_enrolment_campaign_id_idx ON launch_enrolment (campaign_id);

-- Down Migration
DROP TABLE launch_enrolment;
