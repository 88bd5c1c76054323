// seedContactsFast on either database: better-sqlite3 for a SQLite file, one INSERT ... SELECT
// over generate_series for PostgreSQL. Same rows, same chat ids.
import pg from "pg";
import { isPostgresUrl } from "../../../src/db/client.js";
import { seedContactsFast, type FastSeed } from "./seedContactsFast.js";

export async function seedContacts(databaseUrl: string, seed: FastSeed): Promise<string[]> {
  if (!isPostgresUrl(databaseUrl)) return seedContactsFast(databaseUrl, seed);
  const first = seed.firstChatId ?? 100_000_000;
  const prefix = seed.idPrefix ?? "c";
  const region = seed.regionCode === undefined ? "32.73" : seed.regionCode;
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    await client.query("BEGIN");
    await client.query(
      `INSERT INTO "Contact" ("id", "language", "regionCode", "optedOut", "updatesConsent", "createdAt", "lastActiveAt")
       SELECT $1::text || n, 'id', $2::text, FALSE, TRUE, TIMESTAMP '2029-01-01 00:00:00', TIMESTAMP '2029-01-01 00:00:00' FROM generate_series(0, $3::int - 1) AS n`,
      [prefix, region, seed.count],
    );
    await client.query(
      `INSERT INTO "ChannelIdentity" ("id", "contactId", "channel", "externalId", "createdAt")
       SELECT 'i_' || $1::text || n, $1::text || n, 'telegram', ($2::bigint + n)::text, TIMESTAMP '2029-01-01 00:00:00' FROM generate_series(0, $3::int - 1) AS n`,
      [prefix, first, seed.count],
    );
    await client.query("COMMIT");
  } finally {
    await client.end();
  }
  return Array.from({ length: seed.count }, (_, n) => String(first + n));
}
