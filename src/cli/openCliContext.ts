import { parseConfig, type Config } from "../config.js";
import type { Database } from "../db/client.js";
import { openMigratedDatabase } from "../db/openMigratedDatabase.js";

export interface CliContext {
  db: Database;
  config: Config;
}

export type CliContextResult = { status: "ok"; context: CliContext } | { status: "invalid"; problems: string[] };

/**
 * The same start-up as the bot: config checked first, then the database, migrated. A database that
 * cannot be reached or opened throws a StartupError, printed as the bot prints it.
 */
export async function openCliContext(env: NodeJS.ProcessEnv): Promise<CliContextResult> {
  const parsed = parseConfig(env);
  if (parsed.status === "invalid") return parsed;
  const { db } = await openMigratedDatabase(parsed.config.DATABASE_URL);
  return { status: "ok", context: { db, config: parsed.config } };
}
