-- An identity added to a contact whose reach it does not change leaves the contact's row alone,
-- as PostgreSQL's refresh_contact_reach already does: SQLite writes the row and moves its entry in
-- the reach index even for the same value (about 12 µs of each identity an import adds). The
-- importer writes reach with the contacts it creates, so their identities change nothing.
-- One line each: applyMigrations splits statements at a ';' that ends a line.
DROP TRIGGER "ChannelIdentity_reach_insert";

-- A new identity nobody has reported is itself a reachable account.
CREATE TRIGGER "ChannelIdentity_reach_insert" AFTER INSERT ON "ChannelIdentity" WHEN NEW."unreachableAt" IS NULL BEGIN UPDATE "Contact" SET "reach" = 'reachable' WHERE "id" = NEW."contactId" AND "reach" IS NOT 'reachable'; END;

CREATE TRIGGER "ChannelIdentity_reach_insert_unreachable" AFTER INSERT ON "ChannelIdentity" WHEN NEW."unreachableAt" IS NOT NULL BEGIN UPDATE "Contact" SET "reach" = CASE WHEN EXISTS (SELECT 1 FROM "ChannelIdentity" i WHERE i."contactId" = NEW."contactId" AND i."unreachableAt" IS NULL) THEN 'reachable' ELSE 'blocked' END WHERE "id" = NEW."contactId" AND "reach" IS NOT CASE WHEN EXISTS (SELECT 1 FROM "ChannelIdentity" i WHERE i."contactId" = NEW."contactId" AND i."unreachableAt" IS NULL) THEN 'reachable' ELSE 'blocked' END; END;
