import { statSync } from "node:fs";
import { resolve } from "node:path";
import { StartupError } from "../StartupError.js";
import { isPostgresUrl, sqlitePath } from "./databaseUrl.js";

// What Node says when a server cannot be reached at all.
const unreachable = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "ETIMEDOUT", "EHOSTUNREACH", "ENETUNREACH", "ECONNRESET"]);
// What Node says when a folder cannot be made.
const notWritable = new Set(["ENOENT", "EACCES", "EPERM", "EROFS", "ENOTDIR", "EEXIST", "ENOSPC"]);

/**
 * The database behind DATABASE_URL could not be opened or migrated: one line saying why and what
 * to do, or undefined when the error is not one of the known kinds (a bug: its stack is wanted).
 */
export function describeDatabaseFailure(error: unknown, url: string): StartupError | undefined {
  if (error instanceof StartupError) return error;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== "string") return undefined;
  const message = error instanceof Error ? error.message.trim().split("\n").pop()!.trim() : "";
  if (isPostgresUrl(url)) {
    const server = serverOf(url);
    if (unreachable.has(code)) {
      return new StartupError(`Cannot reach PostgreSQL at ${server} (DATABASE_URL, ${code}). Start PostgreSQL or correct DATABASE_URL; without it Relawan uses the SQLite file ./data/relawan.db.`, 1);
    }
    // 28000: no such role or not allowed by pg_hba.conf; 28P01: wrong password.
    if (code === "28000" || code === "28P01") {
      return new StartupError(`Configuration error: DATABASE_URL: PostgreSQL at ${server} refused the login (${message}). Correct the user and password in DATABASE_URL.`, 2);
    }
    // Class 42 and 3D: the server answered, but this user may not do what start-up needs.
    if (/^(42|3D)/.test(code)) {
      return new StartupError(`Configuration error: DATABASE_URL: PostgreSQL at ${server} refused: ${message} (${code}). Give the user in DATABASE_URL the right to create the database and its tables, or use another user.`, 2);
    }
    return undefined;
  }
  const file = resolve(sqlitePath(url));
  if (notWritable.has(code) && (error as { syscall?: string }).syscall === "mkdir") {
    const folder = (error as { path?: string }).path ?? file;
    return new StartupError(`Configuration error: DATABASE_URL: cannot create the folder ${folder} for the SQLite file (${code}). Point DATABASE_URL at a folder this user may write to, like file:./data/relawan.db.`, 2);
  }
  if (code === "SQLITE_CANTOPEN") {
    const why = isFolder(file) ? "it is a folder" : "it cannot be created or opened here";
    return new StartupError(`Configuration error: DATABASE_URL: cannot open the SQLite file ${file} (${why}). Point DATABASE_URL at a file, like file:./data/relawan.db.`, 2);
  }
  if (code === "SQLITE_NOTADB" || code === "SQLITE_CORRUPT") {
    return new StartupError(`Configuration error: DATABASE_URL: ${file} is not a SQLite database, or it is damaged; nothing in it was changed. Restore it from a backup, or point DATABASE_URL at another file.`, 2);
  }
  if (code.startsWith("SQLITE_READONLY")) {
    return new StartupError(`Configuration error: DATABASE_URL: the SQLite file ${file} is read-only. Let this user write the file and its folder, or point DATABASE_URL at another file.`, 2);
  }
  if (code === "SQLITE_FULL") return new StartupError(`The disk holding ${file} (DATABASE_URL) is full. Free some space and start again.`, 1);
  return undefined;
}

/** host:port, never the user or the password. */
function serverOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "5432"}`;
  } catch {
    return "the server in DATABASE_URL";
  }
}

function isFolder(path: string): boolean {
  try {
    return statSync(path).isDirectory();
  } catch {
    return false;
  }
}
