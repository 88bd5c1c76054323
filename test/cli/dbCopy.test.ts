// `relawan db copy --to postgresql://...` from a real SQLite file: the per-table counts on stdout,
// the audit entry in the target, and the refusals with exit code 1. The source is a SQLite file
// made here even under `npm run test:pg` (createTestDatabase would hand out PostgreSQL there):
// SQLite -> PostgreSQL is the move this command exists for.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/runCli.js";
import { applyMigrations } from "../../src/db/applyMigrations.js";
import { openDatabase, type Database } from "../../src/db/client.js";
import { createPostgresDatabase } from "../support/createTestDatabase.js";
import { requireService } from "../support/requireService.js";

const postgresUp = await requireService("PostgreSQL", "127.0.0.1", 5432);
const now = new Date("2026-11-26T03:00:00Z");

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function sqliteSource(): Promise<{ db: Database; url: string }> {
  const dir = mkdtempSync(join(tmpdir(), "relawan-dbcopy-"));
  const url = `file:${join(dir, "relawan.db")}`;
  const db = await openDatabase(url);
  await applyMigrations(db);
  cleanup.push(async () => {
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  });
  const contact = await db.contact.create({ data: { name: "Siti", phone: "+6281234567890", identities: { create: [{ channel: "telegram", externalId: "9001" }, { channel: "whatsapp", externalId: "6281234567890" }] } } });
  await db.inboxItem.create({ data: { contactId: contact.id, kind: "question", text: "Kapan debat?", language: "id", channel: "telegram" } });
  return { db, url };
}

/** A database name on the test server that does not exist yet: the command creates it. */
async function postgresTarget(): Promise<string> {
  const created = await createPostgresDatabase();
  await created.remove();
  cleanup.push(() => created.remove());
  return created.url;
}

async function cli(args: string[], databaseUrl: string) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    env: { DATABASE_URL: databaseUrl },
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    clock: () => now,
  });
  return { code, stdout, stderr };
}

async function inspect<T>(url: string, read: (db: Database) => Promise<T>): Promise<T> {
  const db = await openDatabase(url);
  try {
    return await read(db);
  } finally {
    await db.$disconnect();
  }
}

describe.skipIf(!postgresUp)("relawan db copy", () => {
  it("copies into a new PostgreSQL database, prints the counts per table and audits the copy there", async () => {
    const source = await sqliteSource();
    const to = await postgresTarget();

    const result = await cli(["db", "copy", "--to", to, "--lang", "en"], source.url);

    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^Copied 4 rows from sqlite to postgresql:\/\/.+ in [\d.]+ s\.\n/);
    expect(result.stdout).toMatch(/\ntable +source +target\n/);
    expect(result.stdout).toMatch(/\nChannelIdentity +2 +2\n/);
    expect(result.stdout).toMatch(/\nInboxItem +1 +1\n/);
    expect(result.stdout).toContain("Every table has the same number of rows on both sides.");
    const audit = await inspect(to, (db) => db.auditEntry.findMany());
    expect(audit).toMatchObject([{ actor: "cli", action: "db.copy", at: now }]);
    expect(JSON.parse(audit[0]!.details!)).toMatchObject({ from: "sqlite", rows: 4, tables: { Contact: 1, ChannelIdentity: 2, InboxItem: 1, AuditEntry: 0 } });
    expect(await inspect(to, (db) => db.channelIdentity.count())).toBe(2);
    // The planner's statistics are fresh (-1: never analysed), not left for autovacuum.
    const estimate = await inspect(to, (db) => db.$queryRawUnsafe<Array<{ reltuples: number }>>(`SELECT reltuples::float8 AS reltuples FROM pg_class WHERE oid = '"ChannelIdentity"'::regclass`));
    expect(Number(estimate[0]?.reltuples)).toBe(2);
    // The audit entry is the target's own; the source's log is untouched.
    expect(await source.db.auditEntry.count()).toBe(0);
  }, 60_000);

  it("answers in JSON with --json", async () => {
    const source = await sqliteSource();
    const to = await postgresTarget();
    const result = await cli(["db", "copy", "--to", to, "--json"], source.url);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ status: "copied", rows: 4 });
    expect(json.tables).toContainEqual({ model: "Contact", table: "Contact", source: 1, target: 1 });
  }, 60_000);

  it("refuses a target that already holds data, writing nothing", async () => {
    const source = await sqliteSource();
    const to = await postgresTarget();
    expect((await cli(["db", "copy", "--to", to], source.url)).code).toBe(0);

    const again = await cli(["db", "copy", "--to", to, "--lang", "en"], source.url);

    expect(again.code).toBe(1);
    expect(again.stdout).toBe("");
    expect(again.stderr).toContain("already holds data (public.AuditEntry, public.ChannelIdentity, public.Contact, public.InboxItem). Nothing was copied; point --to at an empty database.");
    expect(await inspect(to, (db) => db.auditEntry.count())).toBe(1);
  }, 60_000);

  it("refuses a --to that is not a PostgreSQL URL", async () => {
    const source = await sqliteSource();
    const result = await cli(["db", "copy", "--to", "file:./other.db", "--json", "--lang", "en"], source.url);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--to must be a PostgreSQL URL like postgresql://user:password@host:5432/relawan, not "file:./other.db".');
    expect(JSON.parse(result.stdout)).toMatchObject({ error: "bad_target_url" });
  });

  it("refuses to copy a PostgreSQL database onto itself, however the URL is spelled", async () => {
    const url = await postgresTarget();
    const sameDatabase = new URL(url);
    sameDatabase.hostname = "localhost";
    sameDatabase.username = "someone";
    const result = await cli(["db", "copy", "--to", sameDatabase.toString(), "--lang", "en"], url);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("--to names the database Relawan is using now (DATABASE_URL)");
  }, 60_000);

  it("hides the password of the target in what it prints", async () => {
    const source = await sqliteSource();
    const result = await cli(["db", "copy", "--to", "postgresql://relawan:s3cret@127.0.0.1:1/relawan"], source.url);
    expect(result.code).toBe(1);
    // In DEFAULT_LANGUAGE (id).
    expect(result.stderr).toContain("Tidak bisa membuka postgresql://relawan:***@127.0.0.1:1/relawan");
    expect(result.stderr).not.toContain("s3cret");
  });

  it("says in its help that the bot must be stopped first", async () => {
    const help = await cli(["db", "copy", "--help"], "file:./unused.db");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("Stop the bot first");
  });
});
