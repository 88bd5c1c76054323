// The SQLite bulk writer checkpoints its write-ahead log less often while it writes, and gives the
// connection (Prisma's, shared with the bot) back with the checkpoint interval it had.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BulkRows, openBulkWriter } from "../../src/db/openBulkWriter.js";
import { createTestDatabase, testDialect, type TestDatabase } from "../support/createTestDatabase.js";

let store: TestDatabase;
beforeEach(async () => {
  store = await createTestDatabase();
});
afterEach(async () => {
  await store.close();
});

const checkpointEvery = async () => Number((await store.db.$queryRawUnsafe<{ wal_autocheckpoint: number | bigint }[]>("PRAGMA wal_autocheckpoint"))[0]!.wal_autocheckpoint);

describe.runIf(testDialect === "sqlite")("the SQLite bulk writer", () => {
  it("checkpoints every 10,000 pages while in use, and restores the interval on close", async () => {
    expect(await checkpointEvery()).toBe(1000);
    const writer = await openBulkWriter(store.db);
    await writer.transaction(async () => {
      await writer.insert({ table: "ContactTag", columns: [["contactId", "text"], ["tag", "text"]] }, new BulkRows(2));
    });
    expect(await checkpointEvery()).toBe(10_000);
    await writer.close();
    expect(await checkpointEvery()).toBe(1000);
  });
});
