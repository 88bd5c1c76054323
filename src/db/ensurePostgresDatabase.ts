// `prisma migrate deploy` creates a missing database; so does Relawan's start-up, so that
// DATABASE_URL=postgresql://.../relawan npm start works on a server where only the role exists.
import pg from "pg";
import { quoteIdentifier } from "./quoteIdentifier.js";

/** Creates the URL's database when the server says it does not exist. Returns whether it did. */
export async function ensurePostgresDatabase(url: string): Promise<boolean> {
  const probe = new pg.Client({ connectionString: url });
  try {
    await probe.connect();
    return false;
  } catch (error) {
    if ((error as { code?: string }).code !== "3D000") throw error;
  } finally {
    await probe.end().catch(() => undefined);
  }
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.replace(/^\//, ""));
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const admin = new pg.Client({ connectionString: maintenance.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
    return true;
  } catch (error) {
    // Another process starting at the same moment created it first.
    if ((error as { code?: string }).code === "42P04") return false;
    throw error;
  } finally {
    await admin.end();
  }
}
