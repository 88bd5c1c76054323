-- Back to migration contact_reach's insert trigger: the one of contact_reach_insert_sets_reachable
-- cost more, not less, in a million-row import (PostgreSQL server CPU 114.1 and 122.7 s against
-- 85.3 and 90.8 s before it, interleaved at load 3.4-5.8; see docs/benchmarks.md), though it was
-- cheaper on 300,000 identities alone. Not understood yet; left as it was.
-- One line: applyMigrations splits statements at a ';' that ends a line.
CREATE OR REPLACE FUNCTION "channel_identity_added"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM "refresh_contact_reach"(ARRAY(SELECT DISTINCT "contactId" FROM "added")); RETURN NULL; END $$;
