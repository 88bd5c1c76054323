-- Whether a message can reach any of a contact's chat accounts, kept on Contact so a segment's
-- count and a broadcast's recipients read it from Contact alone (sendableWhereSql), instead of
-- probing ChannelIdentity once per member. Every write of ChannelIdentity keeps it, whoever makes
-- it (Prisma, raw SQL, the importer, a cascade): the triggers below recompute it for the contacts
-- a write touched, with the same definition as the backfill. (A column added, not the table
-- redefined as Prisma would: a million contacts need not be copied.)
ALTER TABLE "Contact" ADD COLUMN "reach" TEXT NOT NULL DEFAULT 'no_account';

UPDATE "Contact" SET "reach" = CASE WHEN EXISTS (SELECT 1 FROM "ChannelIdentity" i WHERE i."contactId" = "Contact"."id" AND i."unreachableAt" IS NULL) THEN 'reachable' ELSE 'blocked' END WHERE "id" IN (SELECT "contactId" FROM "ChannelIdentity");

-- Built after the backfill. It replaces the index on lastActiveAt alone: the same order, and a
-- count (everyone's, or by activity) reads who can be reached without reading the rows.
DROP INDEX "Contact_lastActiveAt_idx";
CREATE INDEX "Contact_lastActiveAt_optedOut_updatesConsent_reach_idx" ON "Contact"("lastActiveAt", "optedOut", "updatesConsent", "reach");

-- One line each: applyMigrations splits statements at a ';' that ends a line.
CREATE TRIGGER "ChannelIdentity_reach_insert" AFTER INSERT ON "ChannelIdentity" BEGIN UPDATE "Contact" SET "reach" = CASE WHEN EXISTS (SELECT 1 FROM "ChannelIdentity" i WHERE i."contactId" = NEW."contactId" AND i."unreachableAt" IS NULL) THEN 'reachable' ELSE 'blocked' END WHERE "id" = NEW."contactId"; END;

CREATE TRIGGER "ChannelIdentity_reach_update" AFTER UPDATE OF "contactId", "unreachableAt" ON "ChannelIdentity" WHEN OLD."contactId" IS NOT NEW."contactId" OR OLD."unreachableAt" IS NOT NEW."unreachableAt" BEGIN UPDATE "Contact" SET "reach" = CASE WHEN EXISTS (SELECT 1 FROM "ChannelIdentity" i WHERE i."contactId" = "Contact"."id" AND i."unreachableAt" IS NULL) THEN 'reachable' WHEN EXISTS (SELECT 1 FROM "ChannelIdentity" i WHERE i."contactId" = "Contact"."id") THEN 'blocked' ELSE 'no_account' END WHERE "id" IN (OLD."contactId", NEW."contactId"); END;

CREATE TRIGGER "ChannelIdentity_reach_delete" AFTER DELETE ON "ChannelIdentity" BEGIN UPDATE "Contact" SET "reach" = CASE WHEN EXISTS (SELECT 1 FROM "ChannelIdentity" i WHERE i."contactId" = OLD."contactId" AND i."unreachableAt" IS NULL) THEN 'reachable' WHEN EXISTS (SELECT 1 FROM "ChannelIdentity" i WHERE i."contactId" = OLD."contactId") THEN 'blocked' ELSE 'no_account' END WHERE "id" = OLD."contactId"; END;
