// The SQLite bulk writer checkpoints its write-ahead log less often while it writes, and gives the
// connection (Prisma's, shared with the bot) back with the checkpoint interval it had. It inserts
// 64 rows a statement and the rest one by one: every row lands with its own values.
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

  it("inserts rows 64 a statement and the rest one by one, each with its values, the constants and skipped conflicts counted", async () => {
    const writer = await openBulkWriter(store.db);
    const at = new Date("2026-12-01T10:00:00Z");
    const ids = Array.from({ length: 150 }, (_, i) => `c${String(i).padStart(3, "0")}`);
    const contacts = new BulkRows(3);
    ids.forEach((id, i) => contacts.add(id, `Person ${i}`, i % 3 === 0));
    // 140 tags, of which 10 repeat one already given (two within one 64-row statement, one across).
    const tags = new BulkRows(2);
    for (const id of ids.slice(0, 130)) tags.add(id, "saksi");
    for (const i of [0, 1, 5, 63, 64, 65, 100, 127, 128, 129]) tags.add(ids[i]!, "saksi");
    const written = await writer.transaction(async () => [
      await writer.insert(
        { table: "Contact", columns: [["id", "text"], ["name", "text"], ["optedOut", "boolean"]], constants: [["createdAt", "timestamp", at], ["language", "text", "en"]] },
        contacts,
      ),
      await writer.insert({ table: "ContactTag", columns: [["contactId", "text"], ["tag", "text"]], onConflictDoNothing: true }, tags),
    ]);
    await writer.close();
    expect(written).toEqual([150, 130]);
    const stored = await store.db.contact.findMany({ orderBy: { id: "asc" }, select: { id: true, name: true, optedOut: true, createdAt: true, language: true } });
    expect(stored).toEqual(ids.map((id, i) => ({ id, name: `Person ${i}`, optedOut: i % 3 === 0, createdAt: at, language: "en" })));
    expect(await store.db.contactTag.count()).toBe(130);
  });
});
