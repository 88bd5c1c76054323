import { parseConfig, type Config } from "../config.js";
import { applyMigrations } from "../db/applyMigrations.js";
import { openDatabase, type Database } from "../db/client.js";

export interface CliContext {
  db: Database;
  config: Config;
}

export type CliContextResult = { status: "ok"; context: CliContext } | { status: "invalid"; problems: string[] };

/** The same start-up as the bot: config checked first, then the database, migrated. */
export async function openCliContext(env: NodeJS.ProcessEnv): Promise<CliContextResult> {
  const parsed = parseConfig(env);
  if (parsed.status === "invalid") return parsed;
  const db = await openDatabase(parsed.config.DATABASE_URL);
  await applyMigrations(db);
  return { status: "ok", context: { db, config: parsed.config } };
}
