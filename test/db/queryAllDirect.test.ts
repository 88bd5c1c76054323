// Several reads in one round trip inside a transaction of runTransaction on PostgreSQL
// (npm run test:pg); one after another anywhere else. The rows are the same either way.
import pg from "pg";
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { Prisma } from "../../src/db/client.js";
import { executeAtCommit, queryAllDirectOrPrisma, queryDirectOrPrisma } from "../../src/db/queryDirect.js";
import { runTransaction } from "../../src/db/runTransaction.js";
import { createTestDatabase, testDialect, type TestDatabase } from "../support/createTestDatabase.js";

let database: TestDatabase;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  vi.restoreAllMocks();
  await database.close();
});

const options = { timeout: 15_000, maxWait: 15_000 };
const at = new Date("2026-12-07T11:00:00.123Z");
const onPostgres = it.skipIf(testDialect !== "postgresql");
const reads = (id: string) =>
  [
    Prisma.sql`SELECT "id", "name", "optedOut", "updatesConsent", "createdAt" FROM "Contact" WHERE "id" = ${id}`,
    Prisma.sql`SELECT "channel", "externalId", "lastInboundAt" FROM "ChannelIdentity" WHERE "contactId" = ${id} ORDER BY "externalId"`,
    Prisma.sql`SELECT COUNT(*) AS "count", ("channel" = ${"telegram"}) AS "isTelegram" FROM "ChannelIdentity" WHERE "contactId" = ${id} GROUP BY 2`,
    Prisma.sql`SELECT "id" FROM "Contact" WHERE "id" = ${"nobody"}`,
  ] as const;

async function seed(): Promise<void> {
  // Text that would end a literal or a statement if it were not quoted, and times with milliseconds.
  await database.db.contact.create({ data: { id: "c1", name: "O'Brien; DROP \\ 'x' عائشة 🌺", language: "id", optedOut: true, createdAt: at } });
  await database.db.channelIdentity.create({ data: { contactId: "c1", channel: "telegram", externalId: "1", lastInboundAt: at } });
  await database.db.channelIdentity.create({ data: { contactId: "c1", channel: "whatsapp", externalId: "6281", lastInboundAt: null } });
}

it("reads the same rows in a transaction as one by one outside it, on either database", async () => {
  await seed();
  const oneByOne = [];
  for (const sql of reads("c1")) oneByOne.push(await runTransaction(database.db, (tx) => queryDirectOrPrisma(tx, sql), options));
  const together = await runTransaction(database.db, (tx) => queryAllDirectOrPrisma<[unknown, unknown, unknown, unknown]>(tx, reads("c1")), options);
  expect(together).toEqual(oneByOne);
  expect(together[0]).toEqual([expect.objectContaining({ name: "O'Brien; DROP \\ 'x' عائشة 🌺" })]);
  expect(together[3]).toEqual([]);
});

onPostgres("sends the reads in one message, after a statement kept for COMMIT, and refuses a text with a literal of its own", async () => {
  await seed();
  const query = vi.spyOn(pg.Client.prototype, "query");
  const [contacts] = await runTransaction(
    database.db,
    async (tx) => {
      await executeAtCommit(tx, Prisma.sql`UPDATE "Contact" SET "name" = ${"Siti"} WHERE "id" = ${"c1"}`);
      return queryAllDirectOrPrisma<[{ name: string }, unknown]>(tx, [Prisma.sql`SELECT "name" FROM "Contact" WHERE "id" = ${"c1"}`, Prisma.sql`SELECT 1 AS "one"`]);
    },
    options,
  );
  const texts = query.mock.calls.map(([config]) => (typeof config === "string" ? config : (config as { text: string }).text));
  query.mockRestore();
  expect(contacts).toEqual([{ name: "Siti" }]);
  expect(texts).toEqual([`BEGIN; UPDATE "Contact" SET "name" = 'Siti' WHERE "id" = 'c1'`, `SELECT "name" FROM "Contact" WHERE "id" = 'c1'; SELECT 1 AS "one"`, "COMMIT"]);
  await expect(
    runTransaction(database.db, (tx) => queryAllDirectOrPrisma(tx, [Prisma.sql`SELECT 'x'`, Prisma.sql`SELECT 1`]), options),
  ).rejects.toThrow("without literals");
});
