// A fresh PostgreSQL database per scale test (relawan_scale_<random>), migrated as start-up
// would, and dropped afterwards. The test's own connection is named, so a simulated restart can
// end every other session on the database while the test keeps watching.
import { randomBytes } from "node:crypto";
import pg from "pg";
import { applyMigrations } from "../../../src/db/applyMigrations.js";
import { openDatabase, type Database } from "../../../src/db/client.js";
import { postgresBaseUrl } from "../../support/createTestDatabase.js";

const OBSERVER = "relawan-scale-observer";

export interface ScaleDatabase {
  name: string;
  /** The test's own connection: seeding and checking. */
  db: Database;
  /** DATABASE_URL for a dispatcher; through a proxy when given its port. */
  urlFor(proxyPort?: number): string;
  /** Where the server is, for a proxy in front of it. */
  server: { host: string; port: number };
  /** Ends every session on this database but the test's own, as a server restart would; returns how many. */
  terminateOthers(): Promise<number>;
  close(): Promise<void>;
}

export async function createScaleDatabase(): Promise<ScaleDatabase> {
  const name = `relawan_scale_${randomBytes(6).toString("hex")}`;
  await onServer((client) => client.query(`CREATE DATABASE "${name}"`));
  const base = new URL(postgresBaseUrl);
  base.pathname = `/${name}`;
  const observerUrl = new URL(base);
  observerUrl.searchParams.set("application_name", OBSERVER);
  const db = await openDatabase(observerUrl.toString());
  await applyMigrations(db);
  return {
    name,
    db,
    server: { host: base.hostname, port: Number(base.port || 5432) },
    urlFor(proxyPort) {
      const url = new URL(base);
      if (proxyPort !== undefined) {
        url.hostname = "127.0.0.1";
        url.port = String(proxyPort);
      }
      return url.toString();
    },
    async terminateOthers() {
      const result = await onServer((client) =>
        client.query<{ ended: boolean }>(
          `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid() AND application_name <> $2`,
          [name, OBSERVER],
        ),
      );
      return result.rows.filter((row) => row.ended).length;
    },
    async close() {
      await db.$disconnect();
      // FORCE: a killed dispatcher's sessions must not keep it alive.
      await onServer((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: postgresBaseUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
