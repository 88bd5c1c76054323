import { afterEach, describe, expect, it } from "vitest";
import { Prisma } from "../../src/db/client.js";
import { queryDirect } from "../../src/db/queryDirect.js";
import { createTestDatabase, testDialect, type TestDatabase } from "../support/createTestDatabase.js";

let database: TestDatabase | undefined;
afterEach(async () => {
  await database?.close();
  database = undefined;
});

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// SQLite runs on one connection: a statement of the bot's other work (the dispatcher recording a
// send) issued while a conversation turn's transaction is open must not become part of it.
describe.skipIf(testDialect !== "sqlite")("statements outside a SQLite transaction", () => {
  it("are not rolled back with a transaction that was open while they ran", async () => {
    database = await createTestDatabase();
    const { db } = database;
    const turn = db
      .$transaction(async (tx) => {
        await tx.contact.create({ data: { language: "id", name: "inside" } });
        await pause(50);
        throw new Error("the turn failed");
      })
      .catch((err: unknown) => err);
    await pause(10);
    await db.contact.create({ data: { language: "id", name: "outside" } });
    await db.$executeRaw`UPDATE "Contact" SET "language" = 'en' WHERE "name" = 'outside'`;
    // The dispatcher's statements below Prisma, too.
    await queryDirect(db, Prisma.sql`UPDATE "Contact" SET "regionCode" = '32.73' WHERE "name" = 'outside'`);
    expect(await turn).toBeInstanceOf(Error);
    const names = (await db.contact.findMany({ select: { name: true, language: true, regionCode: true } })).map((c) => `${c.name}:${c.language}:${c.regionCode}`);
    expect(names).toEqual(["outside:en:32.73"]);
  });

  it("do not read what an open transaction has not committed", async () => {
    database = await createTestDatabase();
    const { db } = database;
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    const turn = db.$transaction(async (tx) => {
      await tx.contact.create({ data: { language: "id", name: "uncommitted" } });
      await held;
      throw new Error("rolled back");
    }).catch(() => undefined);
    await pause(10);
    // Prisma's queries start when awaited: then() starts this one while the transaction is open.
    const read = db.contact.count().then((count) => count);
    await pause(10);
    release();
    await turn;
    expect(await read).toBe(0);
  });
});
