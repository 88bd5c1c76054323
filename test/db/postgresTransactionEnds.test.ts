// A transaction of runTransaction on PostgreSQL (npm run test:pg) sends BEGIN with its first
// statement and COMMIT with its last; on SQLite the same calls run their statements at once.
import pg from "pg";
import { afterEach, describe, expect, it, vi } from "vitest";
import { Prisma } from "../../src/db/client.js";
import { driverOf } from "../../src/db/driverOf.js";
import { executeAtCommit, executeWithBegin, queryDirect } from "../../src/db/queryDirect.js";
import { runTransaction } from "../../src/db/runTransaction.js";
import { createTestDatabase, testDialect, type TestDatabase } from "../support/createTestDatabase.js";

let database: TestDatabase | undefined;
afterEach(async () => {
  vi.restoreAllMocks();
  await database?.close();
  database = undefined;
});

const options = { timeout: 15_000, maxWait: 15_000 };
const at = new Date("2026-12-07T11:00:00.000Z");
const insert = (id: string, language = "id") => Prisma.sql`INSERT INTO "Contact" ("id", "language", "createdAt", "lastActiveAt") VALUES (${id}, ${language}, ${at}, ${at})`;
const lock = Prisma.sql`SELECT pg_advisory_xact_lock(hashtextextended(${"conversation:test:1"}, 0))`;
const languageOf = async (id: string) => (await database!.db.contact.findUnique({ where: { id } }))?.language;
const onPostgres = it.skipIf(testDialect !== "postgresql");

/** The texts the pg clients send (to the server, one message each) while `run` runs. */
async function messagesOf(run: () => Promise<unknown>): Promise<string[]> {
  const query = vi.spyOn(pg.Client.prototype, "query");
  await run().catch(() => undefined);
  const texts = query.mock.calls.map(([config]) => (typeof config === "string" ? config : (config as { text: string }).text).replace(/\s+/g, " ").trim());
  query.mockRestore();
  return texts;
}

describe("a transaction's BEGIN and COMMIT", () => {
  onPostgres("go out with its first and last statements: three messages for three statements", async () => {
    database = await createTestDatabase();
    const sent = await messagesOf(() =>
      runTransaction(
        database!.db,
        async (tx) => {
          await executeWithBegin(tx, lock);
          await queryDirect(tx, insert("c1"));
          await executeAtCommit(tx, Prisma.sql`UPDATE "Contact" SET "language" = ${"en"} WHERE "id" = ${"c1"}`);
        },
        options,
      ),
    );
    expect(sent).toEqual([
      "BEGIN; SELECT pg_advisory_xact_lock(hashtextextended('conversation:test:1', 0))",
      expect.stringMatching(/^INSERT INTO "Contact"/),
      `UPDATE "Contact" SET "language" = 'en' WHERE "id" = 'c1'; COMMIT`,
    ]);
    expect(await languageOf("c1")).toBe("en");
  });

  onPostgres("are not sent at all by a transaction that ran nothing, and BEGIN comes first whatever the first statement is", async () => {
    database = await createTestDatabase();
    expect(await messagesOf(() => runTransaction(database!.db, async () => "nothing", options))).toEqual([]);
    // Prisma's own query first: BEGIN on its own before it, and the work rolls back with the transaction.
    const sent = await messagesOf(() =>
      runTransaction(
        database!.db,
        async (tx) => {
          await tx.contact.create({ data: { id: "by-prisma", language: "id" } });
          await executeWithBegin(tx, lock);
          throw new Error("the turn failed");
        },
        options,
      ),
    );
    expect(sent[0]).toBe("BEGIN");
    expect(sent.at(-1)).toBe("ROLLBACK");
    expect(await languageOf("by-prisma")).toBeUndefined();
  });

  onPostgres("keep the order: a statement kept for COMMIT goes first when another follows it, and a rollback drops it", async () => {
    database = await createTestDatabase();
    await runTransaction(
      database.db,
      async (tx) => {
        await executeWithBegin(tx, lock);
        await queryDirect(tx, insert("c1"));
        await executeAtCommit(tx, Prisma.sql`UPDATE "Contact" SET "language" = ${"en"} WHERE "id" = ${"c1"}`);
        // Read after it: it has run.
        expect(await queryDirect<{ language: string }>(tx, Prisma.sql`SELECT "language" FROM "Contact" WHERE "id" = ${"c1"}`)).toEqual([{ language: "en" }]);
        await executeAtCommit(tx, Prisma.sql`UPDATE "Contact" SET "language" = ${"jv"} WHERE "id" = ${"c1"}`);
        await executeAtCommit(tx, Prisma.sql`UPDATE "Contact" SET "language" = ${"su"} WHERE "id" = ${"c1"}`);
      },
      options,
    );
    expect(await languageOf("c1")).toBe("su");
    await expect(
      runTransaction(
        database.db,
        async (tx) => {
          await executeAtCommit(tx, Prisma.sql`UPDATE "Contact" SET "language" = ${"en"} WHERE "id" = ${"c1"}`);
          throw new Error("the turn failed");
        },
        options,
      ),
    ).rejects.toThrow("the turn failed");
    expect(await languageOf("c1")).toBe("su");
  });

  onPostgres("write values into the text as the server reads them: quotes, backslashes, other scripts, null", async () => {
    database = await createTestDatabase();
    const odd = "it's \\ 'quoted' \\' مرحبا 你好 🙂";
    await runTransaction(
      database.db,
      async (tx) => {
        await executeWithBegin(tx, Prisma.sql`SELECT pg_advisory_xact_lock(hashtextextended(${odd}, 0))`);
        await executeAtCommit(tx, Prisma.sql`INSERT INTO "Contact" ("id", "language", "name", "phone", "createdAt", "lastActiveAt") VALUES (${"c1"}, ${"id"}, ${odd}, ${null}, ${at}, ${at})`);
      },
      options,
    );
    const contact = await database.db.contact.findUniqueOrThrow({ where: { id: "c1" } });
    expect({ name: contact.name, phone: contact.phone, createdAt: contact.createdAt.toISOString() }).toEqual({ name: odd, phone: null, createdAt: at.toISOString() });
    // A statement with a literal of its own is refused: a "$1" inside it would be taken for a value.
    await expect(runTransaction(database.db, (tx) => executeAtCommit(tx, Prisma.sql`UPDATE "Contact" SET "language" = 'en' WHERE "id" = ${"c1"}`), options)).rejects.toThrow(/literals/);
  });

  onPostgres("roll back and give the connection back when the statement sent with COMMIT fails", async () => {
    database = await createTestDatabase();
    await expect(
      runTransaction(
        database.db,
        async (tx) => {
          await executeWithBegin(tx, lock);
          await queryDirect(tx, insert("c1"));
          // The same id again: a unique violation, found only when COMMIT goes out.
          await executeAtCommit(tx, insert("c1"));
        },
        options,
      ),
    ).rejects.toThrow();
    expect(await languageOf("c1")).toBeUndefined();
    const pool = (driverOf(database.db) as { pool: pg.Pool }).pool;
    expect(pool.totalCount).toBe(pool.idleCount);
    // Every connection of the pool still works: as many transactions as it holds, at once.
    await Promise.all(Array.from({ length: 12 }, (_, n) => runTransaction(database!.db, (tx) => executeAtCommit(tx, insert(`after-${n}`)), options)));
    expect(await database.db.contact.count({ where: { id: { startsWith: "after-" } } })).toBe(12);
  });

  it.skipIf(testDialect !== "sqlite")("on SQLite, run their statements at once", async () => {
    database = await createTestDatabase();
    await runTransaction(
      database.db,
      async (tx) => {
        await executeWithBegin(tx, insert("c1"));
        await executeAtCommit(tx, Prisma.sql`UPDATE "Contact" SET "language" = ${"en"} WHERE "id" = ${"c1"}`);
        expect(await queryDirect<{ language: string }>(tx, Prisma.sql`SELECT "language" FROM "Contact" WHERE "id" = ${"c1"}`)).toEqual([{ language: "en" }]);
      },
      options,
    );
    expect(await languageOf("c1")).toBe("en");
  });
});
