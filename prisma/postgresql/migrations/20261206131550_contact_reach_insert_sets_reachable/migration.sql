-- An identity added that nobody has reported unreachable makes its contact reachable, whatever
-- else the contact has: only contacts not reachable yet are written, and only identities added
-- already unreachable (rare) recompute reach from all of the contact's identities. Before, every
-- contact of an insert was looked up and its identities probed again (an import's statements:
-- about 6% of the server's CPU, though the importer writes each new contact with its reach).
-- SQLite's triggers do the same since contact_reach_written_on_change.
-- One line: applyMigrations splits statements at a ';' that ends a line.
CREATE OR REPLACE FUNCTION "channel_identity_added"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN UPDATE "Contact" c SET "reach" = 'reachable' FROM unnest(ARRAY(SELECT DISTINCT "contactId" FROM "added" WHERE "unreachableAt" IS NULL)) AS x("id") WHERE c."id" = x."id" AND c."reach" <> 'reachable'; PERFORM "refresh_contact_reach"(ARRAY(SELECT DISTINCT "contactId" FROM "added" WHERE "unreachableAt" IS NOT NULL)); RETURN NULL; END $$;
