import { dirname, resolve } from "node:path";
import { isPostgresUrl, sqlitePath } from "./databaseUrl.js";

/** Where files kept beside the database go (the terminal chat's log, charts): the SQLite file's folder, or ./data. */
export function dataDirectory(url: string): string {
  return isPostgresUrl(url) ? resolve("data") : dirname(resolve(sqlitePath(url)));
}
