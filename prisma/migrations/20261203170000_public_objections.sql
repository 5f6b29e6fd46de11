-- Up Migration
-- Public pages and objections (README "Public pages and objections (公示与异议)"; DOMAIN.md "The public":
-- reads published 公示 and rosters and may lodge an objection during a 公示 window; "Objection … from the
-- coordinator or the public, with a reference number"). Changxing 四、（四）: the list is published 向社会进行
-- 公示，接受社会监督 — so anyone may object, without an account.

-- An objection from the public has no user behind it (lodged_by_id NULL, source 'public'); it carries the
-- objector's name and contact (for the bureau's reply, never shown publicly) and an optional attachment.
-- Every objection gets a reference number (YY-GS-NNNNNN-XXXXXX: the sequence and a random part) that its
-- lodger can look the outcome up by.
ALTER TABLE objection ALTER COLUMN lodged_by_id DROP NOT NULL;
ALTER TABLE objection ADD COLUMN reference text UNIQUE;
ALTER TABLE objection ADD COLUMN contact_name text;
ALTER TABLE objection ADD COLUMN contact text;
ALTER TABLE objection ADD COLUMN attachment_id text REFERENCES attachment(id);
CREATE SEQUENCE objection_reference_seq;
-- Objections recorded before references existed get one too (hex random part: md5 digits are in the alphabet).
UPDATE objection
   SET reference = to_char(lodged_at AT TIME ZONE 'Asia/Shanghai', 'YY') || '-GS-' || lpad(nextval('objection_reference_seq')::text, 6, '0') || '-'
                   || upper(substr(md5(random()::text || id), 1, 6))
 WHERE reference IS NULL;

-- A file sent with a public objection has no uploader account.
ALTER TABLE attachment ALTER COLUMN uploaded_by_id DROP NOT NULL;

-- The objection contact printed on the campaign's public pages (a phone, an address, a mailbox); when
-- unset the pages print a default naming the issuing bureau.
ALTER TABLE campaign ADD COLUMN public_contact text;

-- rate-limiter-flexible's Prisma store (RateLimiterPrisma): objections per client address, shared by every
-- API process. Created here rather than by the library, so the application role needs no CREATE right.
CREATE TABLE public_rate_limit (
  key text PRIMARY KEY,
  points integer NOT NULL,
  expire timestamptz(3)
);

-- Down Migration
DROP TABLE public_rate_limit;
ALTER TABLE campaign DROP COLUMN public_contact;
ALTER TABLE objection DROP COLUMN attachment_id;
DELETE FROM attachment WHERE uploaded_by_id IS NULL;
ALTER TABLE attachment ALTER COLUMN uploaded_by_id SET NOT NULL;
DROP SEQUENCE objection_reference_seq;
ALTER TABLE objection DROP COLUMN contact;
ALTER TABLE objection DROP COLUMN contact_name;
ALTER TABLE objection DROP COLUMN reference;
DELETE FROM objection WHERE lodged_by_id IS NULL;
ALTER TABLE objection ALTER COLUMN lodged_by_id SET NOT NULL;
