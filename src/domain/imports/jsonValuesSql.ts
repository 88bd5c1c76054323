import { Prisma, type Db } from "../../db/client.js";
import { dialectOf } from "../../db/dialect.js";

/**
 * `(SELECT value ...)` over a list of strings passed as one JSON parameter, for `x IN (...)`:
 * Prisma binds each separate parameter at a cost of microseconds and refuses more than 999 on
 * SQLite, so thousands of phones to look up go as one JSON text.
 */
export function jsonValuesSql(db: Db, values: readonly string[]): Prisma.Sql {
  const json = JSON.stringify(values);
  return dialectOf(db) === "postgresql"
    ? Prisma.sql`(SELECT json_array_elements_text(CAST(${json} AS json)))`
    : Prisma.sql`(SELECT value FROM json_each(${json}))`;
}
