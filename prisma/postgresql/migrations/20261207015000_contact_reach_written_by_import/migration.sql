-- The import writes its new contacts with the reach their identities give them, then their
-- identities by COPY with relawan.reach_written set for that statement alone (the bulk writer's
-- reachWritten): the trigger then has nothing to check, and skips the lookup of every new contact
-- along Contact's primary key (about a tenth of the server's CPU in an import). Any other insert of
-- identities (the bot's, a merge's) is checked as before. Otherwise migration
-- contact_reach_insert_sets_reachable_replanned's function, unchanged.
-- One line: applyMigrations splits statements at a ';' that ends a line.
CREATE OR REPLACE FUNCTION "channel_identity_added"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF current_setting('relawan.reach_written', true) = 'on' THEN RETURN NULL; END IF; EXECUTE 'UPDATE "Contact" SET "reach" = ''reachable'' WHERE "id" = ANY($1) AND "reach" <> ''reachable''' USING ARRAY(SELECT DISTINCT "contactId" FROM "added" WHERE "unreachableAt" IS NULL); PERFORM "refresh_contact_reach"(ARRAY(SELECT DISTINCT "contactId" FROM "added" WHERE "unreachableAt" IS NOT NULL)); RETURN NULL; END $$;
