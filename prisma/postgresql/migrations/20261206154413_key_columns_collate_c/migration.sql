-- Ids, foreign keys and lookup keys compare bytewise (COLLATE "C"), as SQLite's do. Under a
-- database's linguistic collation (C.UTF-8 included: PostgreSQL 15 does not know it is bytewise)
-- every B-tree comparison of these columns copies both strings and calls strcoll; an import fills
-- about 20 index entries and runs 7 foreign-key lookups per contact on them. No person reads these
-- columns in order: cuid ids, E.164 phones, chat ids, tag keys, folded name words, referral codes.
-- Under C.UTF-8 the order is the same (code point order is UTF-8 byte order); under another
-- database collation it becomes SQLite's. Prisma's data model cannot say this; the migrations test
-- lists these columns (test/db/postgresMigrations.test.ts). Rebuilds their indexes and checks the
-- foreign keys again: on a million contacts, a minute or two at start-up.
ALTER TABLE "Contact" ALTER COLUMN "id" TYPE text COLLATE "C", ALTER COLUMN "phone" TYPE text COLLATE "C", ALTER COLUMN "referredByCode" TYPE text COLLATE "C";
ALTER TABLE "ContactNameWord" ALTER COLUMN "word" TYPE text COLLATE "C", ALTER COLUMN "contactId" TYPE text COLLATE "C";
-- The reach trigger on updates names contactId, so it is set aside while that column changes.
DROP TRIGGER "ChannelIdentity_reach_update" ON "ChannelIdentity";
ALTER TABLE "ChannelIdentity" ALTER COLUMN "id" TYPE text COLLATE "C", ALTER COLUMN "contactId" TYPE text COLLATE "C", ALTER COLUMN "channel" TYPE text COLLATE "C", ALTER COLUMN "externalId" TYPE text COLLATE "C";
CREATE TRIGGER "ChannelIdentity_reach_update" AFTER UPDATE OF "contactId", "unreachableAt" ON "ChannelIdentity" FOR EACH ROW WHEN (OLD."contactId" IS DISTINCT FROM NEW."contactId" OR OLD."unreachableAt" IS DISTINCT FROM NEW."unreachableAt") EXECUTE FUNCTION "channel_identity_changed"();
ALTER TABLE "ContactTag" ALTER COLUMN "contactId" TYPE text COLLATE "C", ALTER COLUMN "tag" TYPE text COLLATE "C";
ALTER TABLE "ConsentRecord" ALTER COLUMN "id" TYPE text COLLATE "C", ALTER COLUMN "contactId" TYPE text COLLATE "C";
ALTER TABLE "Volunteer" ALTER COLUMN "contactId" TYPE text COLLATE "C", ALTER COLUMN "referralCode" TYPE text COLLATE "C";
ALTER TABLE "ConversationState" ALTER COLUMN "contactId" TYPE text COLLATE "C";
ALTER TABLE "Delivery" ALTER COLUMN "contactId" TYPE text COLLATE "C";
ALTER TABLE "TaskAssignment" ALTER COLUMN "contactId" TYPE text COLLATE "C";
ALTER TABLE "InboxItem" ALTER COLUMN "contactId" TYPE text COLLATE "C";
ALTER TABLE "QuestionChoice" ALTER COLUMN "contactId" TYPE text COLLATE "C";
ALTER TABLE "DashboardLink" ALTER COLUMN "contactId" TYPE text COLLATE "C";
ALTER TABLE "DashboardSession" ALTER COLUMN "contactId" TYPE text COLLATE "C";
