import { applyMigrations, type MigrationReport } from "./applyMigrations.js";
import { openDatabase, type Database } from "./client.js";
import { describeDatabaseFailure } from "./describeDatabaseFailure.js";

/**
 * The database behind DATABASE_URL, opened and migrated, as the bot and every CLI command start.
 * A failure of a known kind (no server, a folder that cannot be made, a file that is not a
 * database) comes back as one StartupError line; anything else keeps its stack.
 */
export async function openMigratedDatabase(url: string): Promise<{ db: Database; migrations: MigrationReport }> {
  let db: Database | undefined;
  try {
    db = await openDatabase(url);
    return { db, migrations: await applyMigrations(db) };
  } catch (error) {
    await db?.$disconnect().catch(() => undefined);
    throw describeDatabaseFailure(error, url) ?? error;
  }
}
