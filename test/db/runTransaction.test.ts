// Runs on the database under test: SQLite by default, PostgreSQL in `npm run test:pg`.
import { afterEach, describe, expect, it, vi } from "vitest";
import { Prisma } from "../../src/db/client.js";
import { queryDirect } from "../../src/db/queryDirect.js";
import { runTransaction } from "../../src/db/runTransaction.js";
import { createTestDatabase, testDialect, type TestDatabase } from "../support/createTestDatabase.js";

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

const options = { timeout: 15_000, maxWait: 15_000 };
const insert = (id: string) => Prisma.sql`INSERT INTO "Contact" ("id", "language", "createdAt", "lastActiveAt") VALUES (${id}, 'id', ${new Date()}, ${new Date()})`;
const count = async (id: string) => database!.db.contact.count({ where: { id } });

describe("runTransaction", () => {
  it("runs queryDirect's statements in the transaction, below Prisma (better-sqlite3, the transaction's pg client)", async () => {
    database = await createTestDatabase();
    await runTransaction(
      database.db,
      async (tx) => {
        const raw = vi.spyOn(tx, "$queryRaw");
        await tx.contact.create({ data: { id: "by-prisma", language: "id" } });
        await queryDirect(tx, insert("direct"));
        // Both see each other's uncommitted rows: one transaction.
        const seen = await queryDirect<{ id: string }>(tx, Prisma.sql`SELECT "id" FROM "Contact" ORDER BY "id"`);
        expect(seen.map((row) => row.id)).toEqual(["by-prisma", "direct"]);
        expect(raw).not.toHaveBeenCalled();
      },
      options,
    );
    expect(await count("direct")).toBe(1);
  });

  it("rolls queryDirect's statements back with the transaction, and a statement after the end never runs", async () => {
    database = await createTestDatabase();
    let kept: Parameters<Parameters<typeof runTransaction>[1]>[0] | undefined;
    await expect(
      runTransaction(
        database.db,
        async (tx) => {
          kept = tx;
          await queryDirect(tx, insert("rolled-back"));
          throw new Error("the turn failed");
        },
        options,
      ),
    ).rejects.toThrow("the turn failed");
    expect(await count("rolled-back")).toBe(0);
    // Once over, the transaction client goes through Prisma, which refuses it.
    await expect(queryDirect(kept!, insert("too-late"))).rejects.toThrow();
    expect(await count("too-late")).toBe(0);
  });

  it("never runs a statement on the transaction's connection once Prisma's timeout has rolled it back", async () => {
    database = await createTestDatabase();
    await expect(
      runTransaction(
        database.db,
        async (tx) => {
          await queryDirect(tx, insert("before-timeout"));
          await new Promise((resolve) => setTimeout(resolve, 600));
          // The pg client is back in the pool by now: running this there would commit it on its own.
          await expect(queryDirect(tx, insert("after-timeout"))).rejects.toThrow();
        },
        { timeout: 200, maxWait: 15_000 },
      ),
    ).rejects.toThrow();
    expect(await count("before-timeout")).toBe(0);
    expect(await count("after-timeout")).toBe(0);
  });

  it.skipIf(testDialect !== "postgresql")("reads times as UTC and bigints as BigInt inside a PostgreSQL transaction, as Prisma's $queryRaw does, whatever the machine's zone", async () => {
    database = await createTestDatabase();
    const at = new Date("2026-12-06T23:30:00.123Z");
    const zone = process.env.TZ;
    process.env.TZ = "Asia/Jakarta";
    try {
      await runTransaction(
        database.db,
        async (tx) => {
          await queryDirect(tx, Prisma.sql`INSERT INTO "Contact" ("id", "language", "createdAt", "lastActiveAt") VALUES ('timed', 'id', ${at}, ${at})`);
          const [direct] = await queryDirect<{ createdAt: Date; n: bigint }>(tx, Prisma.sql`SELECT "createdAt", COUNT(*) OVER () AS "n" FROM "Contact" WHERE "id" = 'timed'`);
          const [prisma] = await tx.$queryRaw<{ createdAt: Date; n: bigint }[]>`SELECT "createdAt", COUNT(*) OVER () AS "n" FROM "Contact" WHERE "id" = 'timed'`;
          expect(direct).toEqual(prisma);
          expect(direct!.createdAt.toISOString()).toBe(at.toISOString());
          expect(direct!.n).toBe(1n);
        },
        options,
      );
      // pg's own parsing, which Prisma's adapter reads through, is left as it was.
      expect((await database.db.contact.findUniqueOrThrow({ where: { id: "timed" } })).createdAt.toISOString()).toBe(at.toISOString());
    } finally {
      if (zone === undefined) delete process.env.TZ;
      else process.env.TZ = zone;
    }
  });
});
