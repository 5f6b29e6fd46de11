-- Up Migration
-- The base register of live rooms (zhoushan 六、（一）调查摸底): Zhoushan's operator kinds, and the two
-- lists that keep an operator out of the programme (三、培育对象; 四、（一）1).
ALTER TABLE operator DROP CONSTRAINT operator_kind_check;
ALTER TABLE operator ADD CONSTRAINT operator_kind_check
  CHECK (kind IN ('enterprise', 'live_room', 'influencer', 'ecommerce', 'live_base', 'mcn', 'streamer'));
ALTER TABLE operator
  ADD COLUMN abnormal_listed boolean NOT NULL DEFAULT false,
  ADD COLUMN dishonest_listed boolean NOT NULL DEFAULT false,
  ADD COLUMN updated_at timestamptz(3) NOT NULL DEFAULT now();

-- Down Migration
ALTER TABLE operator DROP COLUMN abnormal_listed, DROP COLUMN dishonest_listed, DROP COLUMN updated_at;
ALTER TABLE operator DROP CONSTRAINT operator_kind_check;
ALTER TABLE operator ADD CONSTRAINT operator_kind_check CHECK (kind IN ('enterprise', 'live_room', 'influencer'));
