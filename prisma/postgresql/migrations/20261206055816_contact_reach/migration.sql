-- Whether a message can reach any of a contact's chat accounts, kept on Contact so a segment's
-- count and a broadcast's recipients read it from Contact alone (sendableWhereSql), instead of
-- probing ChannelIdentity once per member. Every write of ChannelIdentity keeps it, whoever makes
-- it (Prisma, raw SQL, the importer, a cascade): the triggers below recompute it for the contacts
-- a write touched, with the same definition as the backfill.
ALTER TABLE "Contact" ADD COLUMN "reach" TEXT NOT NULL DEFAULT 'no_account';

UPDATE "Contact" SET "reach" = CASE WHEN EXISTS (SELECT 1 FROM "ChannelIdentity" i WHERE i."contactId" = "Contact"."id" AND i."unreachableAt" IS NULL) THEN 'reachable' ELSE 'blocked' END WHERE "id" IN (SELECT "contactId" FROM "ChannelIdentity");

-- Built after the backfill. It replaces the index on lastActiveAt alone: the same order, and a
-- count (everyone's, or by activity) reads who can be reached without reading the rows.
DROP INDEX "Contact_lastActiveAt_idx";
CREATE INDEX "Contact_lastActiveAt_optedOut_updatesConsent_reach_idx" ON "Contact"("lastActiveAt", "optedOut", "updatesConsent", "reach");

-- One line each: applyMigrations splits statements at a ';' that ends a line. A contact's row is
-- written only when its reach changes (no dead row per identity written).
CREATE FUNCTION "refresh_contact_reach"("ids" TEXT[]) RETURNS VOID LANGUAGE SQL AS $$ UPDATE "Contact" c SET "reach" = r."reach" FROM (SELECT x."id", CASE WHEN EXISTS (SELECT 1 FROM "ChannelIdentity" i WHERE i."contactId" = x."id" AND i."unreachableAt" IS NULL) THEN 'reachable' WHEN EXISTS (SELECT 1 FROM "ChannelIdentity" i WHERE i."contactId" = x."id") THEN 'blocked' ELSE 'no_account' END AS "reach" FROM unnest("ids") AS x("id")) r WHERE c."id" = r."id" AND c."reach" <> r."reach" $$;

-- Inserts come in batches (the importer's thousand rows a statement): once per statement.
CREATE FUNCTION "channel_identity_added"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM "refresh_contact_reach"(ARRAY(SELECT DISTINCT "contactId" FROM "added")); RETURN NULL; END $$;

CREATE FUNCTION "channel_identity_changed"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'DELETE' THEN PERFORM "refresh_contact_reach"(ARRAY[OLD."contactId"]); ELSE PERFORM "refresh_contact_reach"(ARRAY[OLD."contactId", NEW."contactId"]); END IF; RETURN NULL; END $$;

CREATE TRIGGER "ChannelIdentity_reach_insert" AFTER INSERT ON "ChannelIdentity" REFERENCING NEW TABLE AS "added" FOR EACH STATEMENT EXECUTE FUNCTION "channel_identity_added"();

-- Every turn of a known person sets "unreachableAt" (to what it mostly already is): only a change runs the function.
CREATE TRIGGER "ChannelIdentity_reach_update" AFTER UPDATE OF "contactId", "unreachableAt" ON "ChannelIdentity" FOR EACH ROW WHEN (OLD."contactId" IS DISTINCT FROM NEW."contactId" OR OLD."unreachableAt" IS DISTINCT FROM NEW."unreachableAt") EXECUTE FUNCTION "channel_identity_changed"();

CREATE TRIGGER "ChannelIdentity_reach_delete" AFTER DELETE ON "ChannelIdentity" FOR EACH ROW EXECUTE FUNCTION "channel_identity_changed"();
