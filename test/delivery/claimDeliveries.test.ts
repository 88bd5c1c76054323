import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { claimDeliveries } from "../../src/delivery/claimDeliveries.js";
import { createTestDatabase, testDialect, type TestDatabase } from "../support/createTestDatabase.js";
import { addBroadcast, addContact, queueDeliveries } from "./support/seedCampaign.js";

let t: TestDatabase;
let db: Database;
let broadcast: string;
const now = new Date("2029-01-02T00:00:00Z");

beforeEach(async () => {
  t = await createTestDatabase();
  db = t.db;
  broadcast = await addBroadcast(db);
  const contacts: string[] = [];
  for (let i = 0; i < 6; i++) contacts.push(await addContact(db, { telegram: String(100 + i) }));
  await queueDeliveries(db, broadcast, contacts);
});

afterEach(async () => {
  await t.close();
});

describe("claimDeliveries", () => {
  it("hands each due row to one worker only, with a lease", async () => {
    const a = await claimDeliveries(db, { workerId: "a", now, leaseMs: 60_000, limit: 4 });
    const b = await claimDeliveries(db, { workerId: "b", now, leaseMs: 60_000, limit: 4 });
    expect(a).toHaveLength(4);
    expect(b).toHaveLength(2);
    expect(new Set([...a, ...b].map((row) => row.id)).size).toBe(6);
    const rows = await db.delivery.findMany({ where: { broadcastId: broadcast } });
    expect(rows.filter((row) => row.claimedBy === "a")).toHaveLength(4);
    expect(rows.every((row) => row.status === "claimed" && row.leaseUntil?.getTime() === now.getTime() + 60_000)).toBe(true);
    expect(await claimDeliveries(db, { workerId: "c", now, leaseMs: 60_000, limit: 4 })).toEqual([]);
  });

  // SQLite has one writer at a time, so there is no second claim in flight to skip past.
  it.skipIf(testDialect !== "postgresql")("on PostgreSQL, skips rows another dispatcher is claiming right now instead of waiting for it", async () => {
    const other = await t.connect();
    // Worker a's claim stays uncommitted while b claims. Without SKIP LOCKED, b would wait on a's
    // row locks; a's transaction then times out and this test fails.
    const { a, b } = await db.$transaction(
      async (tx) => {
        const a = await claimDeliveries(tx, { workerId: "a", now, leaseMs: 60_000, limit: 4 });
        const b = await claimDeliveries(other, { workerId: "b", now, leaseMs: 60_000, limit: 4 });
        return { a, b };
      },
      { timeout: 5_000 },
    );
    expect(a).toHaveLength(4);
    expect(b).toHaveLength(2);
    expect(new Set([...a, ...b].map((row) => row.id)).size).toBe(6);
  });
});
