-- Up Migration
-- Issue #6: notifications addressed to one user (an assignment) or about a case, read per user, and
-- outgoing webhooks per jurisdiction with their deliveries (one per notification and webhook).
ALTER TABLE notification ADD COLUMN recipient_user_id text REFERENCES app_user(id);
ALTER TABLE notification ADD COLUMN case_id text;
ALTER TABLE notification ADD CONSTRAINT notification_kind_check
  CHECK (kind IN ('assignment', 'reminder', 'overdue', 'escalation', 'decision'));
CREATE INDEX notification_recipient_idx ON notification (recipient_role, jurisdiction_id, id);

CREATE TABLE notification_read (
  notification_id bigint NOT NULL REFERENCES notification(id),
  user_id text NOT NULL REFERENCES app_user(id),
  read_at timestamptz(3) NOT NULL,
  PRIMARY KEY (notification_id, user_id)
);
CREATE INDEX notification_read_user_id_idx ON notification_read (user_id);

CREATE TABLE webhook (
  jurisdiction_id text PRIMARY KEY REFERENCES jurisdiction(id),
  url text NOT NULL,
  -- Kept in clear: the HMAC needs it. Never returned by the API.
  secret text NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  created_at timestamptz(3) NOT NULL,
  updated_at timestamptz(3) NOT NULL
);

CREATE TABLE webhook_delivery (
  id text PRIMARY KEY, -- `${notificationId}:${webhookJurisdictionId}`
  notification_id bigint NOT NULL REFERENCES notification(id),
  webhook_jurisdiction_id text NOT NULL REFERENCES jurisdiction(id),
  url text NOT NULL,
  status text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_status integer,
  last_error text,
  created_at timestamptz(3) NOT NULL,
  delivered_at timestamptz(3)
);
CREATE INDEX webhook_delivery_jurisdiction_idx ON webhook_delivery (webhook_jurisdiction_id, id);
CREATE INDEX webhook_delivery_pending_idx ON webhook_delivery (status) WHERE status = 'pending';

-- Down Migration
DROP TABLE webhook_delivery, webhook, notification_read;
DROP INDEX notification_recipient_idx;
ALTER TABLE notification DROP CONSTRAINT notification_kind_check;
ALTER TABLE notification DROP COLUMN case_id;
ALTER TABLE notification DROP COLUMN recipient_user_id;
