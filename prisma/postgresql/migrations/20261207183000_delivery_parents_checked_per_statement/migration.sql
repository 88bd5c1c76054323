-- Delivery's references to Broadcast and Task are checked once per statement instead of once per
-- row. A foreign key fires its check for every row written: materialising a broadcast of a million
-- deliveries ran a million identical lookups of one broadcast (and a million of a NULL task),
-- about a quarter of the statement's time on the server. The triggers below keep what the two
-- foreign keys kept: a delivery never names a broadcast or task that does not exist (the parents
-- are locked FOR KEY SHARE, as a foreign key's check locks them, so a concurrent delete waits or
-- the write fails), and deleting (or renumbering) a broadcast or task deletes (or follows to) its
-- deliveries. pg_constraint no longer lists these two references: src/db/referencesKeptByTriggers.ts
-- does, for `relawan db copy`'s order and the schema test. Prisma's data model still declares the
-- relations (with onDelete: Cascade), which is what these triggers do. SQLite keeps its foreign
-- keys. One statement a line: applyMigrations splits at a ';' that ends a line.
ALTER TABLE "Delivery" DROP CONSTRAINT "Delivery_broadcastId_fkey";

ALTER TABLE "Delivery" DROP CONSTRAINT "Delivery_taskId_fkey";

CREATE FUNCTION "check_delivery_parents"("broadcastIds" TEXT[], "taskIds" INTEGER[]) RETURNS VOID LANGUAGE plpgsql AS $$ DECLARE missing TEXT; BEGIN PERFORM 1 FROM "Broadcast" b WHERE b."id" = ANY("broadcastIds") FOR KEY SHARE; PERFORM 1 FROM "Task" t WHERE t."id" = ANY("taskIds") FOR KEY SHARE; SELECT m."what" INTO missing FROM (SELECT 'broadcast ' || x."id" AS "what" FROM unnest("broadcastIds") AS x("id") WHERE x."id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Broadcast" b WHERE b."id" = x."id") UNION ALL SELECT 'task ' || x."id" FROM unnest("taskIds") AS x("id") WHERE x."id" IS NOT NULL AND NOT EXISTS (SELECT 1 FROM "Task" t WHERE t."id" = x."id")) m LIMIT 1; IF missing IS NOT NULL THEN RAISE EXCEPTION 'insert or update on table "Delivery" names %, which does not exist', missing USING ERRCODE = 'foreign_key_violation'; END IF; END $$;

CREATE FUNCTION "deliveries_added"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM "check_delivery_parents"(ARRAY(SELECT DISTINCT a."broadcastId" FROM "added" a WHERE a."broadcastId" IS NOT NULL), ARRAY(SELECT DISTINCT a."taskId" FROM "added" a WHERE a."taskId" IS NOT NULL)); RETURN NULL; END $$;

CREATE FUNCTION "delivery_parents_changed"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN PERFORM "check_delivery_parents"(ARRAY[NEW."broadcastId"], ARRAY[NEW."taskId"]); RETURN NULL; END $$;

CREATE TRIGGER "Delivery_parents_insert" AFTER INSERT ON "Delivery" REFERENCING NEW TABLE AS "added" FOR EACH STATEMENT EXECUTE FUNCTION "deliveries_added"();

-- Only an UPDATE that names one of the two columns and changes it runs the check (a delivery's
-- status changes, the sending path's updates, do not).
CREATE TRIGGER "Delivery_parents_update" AFTER UPDATE OF "broadcastId", "taskId" ON "Delivery" FOR EACH ROW WHEN (OLD."broadcastId" IS DISTINCT FROM NEW."broadcastId" OR OLD."taskId" IS DISTINCT FROM NEW."taskId") EXECUTE FUNCTION "delivery_parents_changed"();

-- ON DELETE CASCADE and ON UPDATE CASCADE, as the foreign keys had them. TG_ARGV[0] is Delivery's column.
CREATE FUNCTION "parent_of_deliveries_changed"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN IF TG_OP = 'DELETE' THEN EXECUTE format('DELETE FROM "Delivery" WHERE %I = $1', TG_ARGV[0]) USING OLD."id"; ELSE EXECUTE format('UPDATE "Delivery" SET %I = $2 WHERE %I = $1', TG_ARGV[0], TG_ARGV[0]) USING OLD."id", NEW."id"; END IF; RETURN NULL; END $$;

CREATE TRIGGER "Broadcast_deliveries_delete" AFTER DELETE ON "Broadcast" FOR EACH ROW EXECUTE FUNCTION "parent_of_deliveries_changed"('broadcastId');

CREATE TRIGGER "Broadcast_deliveries_update" AFTER UPDATE OF "id" ON "Broadcast" FOR EACH ROW WHEN (OLD."id" IS DISTINCT FROM NEW."id") EXECUTE FUNCTION "parent_of_deliveries_changed"('broadcastId');

CREATE TRIGGER "Task_deliveries_delete" AFTER DELETE ON "Task" FOR EACH ROW EXECUTE FUNCTION "parent_of_deliveries_changed"('taskId');

CREATE TRIGGER "Task_deliveries_update" AFTER UPDATE OF "id" ON "Task" FOR EACH ROW WHEN (OLD."id" IS DISTINCT FROM NEW."id") EXECUTE FUNCTION "parent_of_deliveries_changed"('taskId');
