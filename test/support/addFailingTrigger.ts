// Breaks one table for a test: every insert or update on it fails, as a full disk would. Returns
// what removes the trigger again. SQLite and PostgreSQL spell triggers differently.
import type { Database } from "../../src/db/client.js";
import { dialectOf } from "../../src/db/dialect.js";

export async function addFailingTrigger(db: Database, name: string, on: { table: string; event: "INSERT" | "UPDATE"; message: string }): Promise<() => Promise<void>> {
  if (dialectOf(db) === "sqlite") {
    await db.$executeRawUnsafe(`CREATE TRIGGER "${name}" BEFORE ${on.event} ON "${on.table}" BEGIN SELECT RAISE(ABORT, '${on.message}'); END`);
    return async () => void (await db.$executeRawUnsafe(`DROP TRIGGER "${name}"`));
  }
  await db.$executeRawUnsafe(`CREATE FUNCTION "${name}"() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '${on.message}'; END $$`);
  await db.$executeRawUnsafe(`CREATE TRIGGER "${name}" BEFORE ${on.event} ON "${on.table}" FOR EACH ROW EXECUTE FUNCTION "${name}"()`);
  return async () => {
    await db.$executeRawUnsafe(`DROP TRIGGER "${name}" ON "${on.table}"`);
    await db.$executeRawUnsafe(`DROP FUNCTION "${name}"()`);
  };
}
