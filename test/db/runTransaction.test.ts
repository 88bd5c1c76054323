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
  it("runs queryDirect's statements in the transaction: below Prisma on SQLite, through it on PostgreSQL", async () => {
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
        expect(raw).toHaveBeenCalledTimes(testDialect === "sqlite" ? 0 : 2);
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
});
