import { join, relative } from "node:path";
import type { Config } from "../config.js";
import { dataDirectory } from "../db/dataDirectory.js";
import { isPostgresUrl } from "../db/databaseUrl.js";
import { createLogger, type Logger } from "../logger.js";
import { StartupError } from "../StartupError.js";

/**
 * The bot's logger: pretty on a terminal, JSON otherwise; in the terminal chat, a file beside the
 * database, so logs do not interleave with the conversation. A log file that cannot be written
 * stops start-up with one line naming the setting behind its folder.
 */
export function createStartupLogger(config: Config, consoleMode: boolean): Logger {
  const file = consoleMode ? join(dataDirectory(config.DATABASE_URL), "relawan.log") : undefined;
  try {
    return createLogger(config.LOG_LEVEL, { pretty: Boolean(process.stdout.isTTY), file });
  } catch (error) {
    const code = (error as { code?: string }).code ?? (error as Error).message;
    const fromHere = relative(process.cwd(), file ?? "");
    const shown = fromHere.startsWith("..") ? file : fromHere;
    throw new StartupError(
      isPostgresUrl(config.DATABASE_URL)
        ? `Configuration error: cannot write the terminal chat's log ${shown} (${code}); it goes into ./data of the folder Relawan starts in. Start it from a folder this user may write to.`
        : `Configuration error: DATABASE_URL: cannot write the terminal chat's log ${shown} (${code}) beside the SQLite file. Point DATABASE_URL at a folder this user may write to, like file:./data/relawan.db.`,
      2,
    );
  }
}
