import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/client.js";
import { claimDeliveries } from "../../src/delivery/claimDeliveries.js";
import { renewLeases } from "../../src/delivery/renewLeases.js";
import { createTestDatabase, testDialect, type TestDatabase } from "../support/createTestDatabase.js";
import { addBroadcast, addContact, queueDeliveries } from "./support/seedCampaign.js";

let t: TestDatabase;
let db: Database;
const now = new Date("2029-01-02T00:00:00Z");
const later = new Date("2029-01-02T00:00:20Z");
const renewedUntil = new Date("2029-01-02T00:01:20Z");

beforeEach(async () => {
  t = await createTestDatabase();
  db = t.db;
  const broadcast = await addBroadcast(db);
  const contacts: string[] = [];
  for (let i = 0; i < 4; i++) contacts.push(await addContact(db, { telegram: String(100 + i) }));
  await queueDeliveries(db, broadcast, contacts);
});

afterEach(async () => {
  await t.close();
});

const leases = async () => new Map((await db.delivery.findMany()).map((row) => [row.id, row.leaseUntil?.getTime()]));

describe("renewLeases", () => {
  it("extends the leases of the rows this worker holds, and no one else's", async () => {
    const mine = await claimDeliveries(db, { workerId: "a", now, leaseMs: 60_000, limit: 3 });
    const theirs = await claimDeliveries(db, { workerId: "b", now, leaseMs: 60_000, limit: 3 });
    await db.delivery.update({ where: { id: mine[0]!.id }, data: { status: "sending" } });
    await db.delivery.update({ where: { id: mine[1]!.id }, data: { status: "sent", claimedBy: "a" } });

    const renewed = await renewLeases(db, "a", [...mine, ...theirs].map((row) => row.id), renewedUntil, later);

    expect(renewed).toBe(2);
    const after = await leases();
    expect([mine[0]!, mine[2]!].map((row) => after.get(row.id))).toEqual([renewedUntil.getTime(), renewedUntil.getTime()]);
    expect(after.get(mine[1]!.id)).toBe(now.getTime() + 60_000);
    expect(after.get(theirs[0]!.id)).toBe(now.getTime() + 60_000);
  });

  // SQLite has one writer at a time: no other statement can hold a row while the renewal runs.
  it.skipIf(testDialect !== "postgresql")("on PostgreSQL, skips a row another statement has locked instead of waiting for it", async () => {
    const mine = await claimDeliveries(db, { workerId: "a", now, leaseMs: 60_000, limit: 4 });
    const renewer = await t.connect();
    // The dispatcher marks a row sending while the renewal runs; that statement holds the row and
    // then takes others the renewal holds. A renewal that waits for the row never returns here, the
    // transaction times out and this test fails (in the dispatcher, one of the two deadlocked).
    const renewed = await db.$transaction(
      async (tx) => {
        await tx.$executeRaw`SELECT 1 FROM "Delivery" WHERE "id" = ${mine[0]!.id} FOR UPDATE`;
        const renewed = await renewLeases(renewer, "a", mine.map((row) => row.id), renewedUntil, later);
        await tx.$executeRaw`UPDATE "Delivery" SET "status" = 'sending' WHERE "id" IN (${mine[1]!.id}, ${mine[0]!.id})`;
        return renewed;
      },
      { timeout: 5_000 },
    );
    expect(renewed).toBe(3);
    const after = await leases();
    expect(after.get(mine[0]!.id)).toBe(now.getTime() + 60_000);
    expect(mine.slice(1).map((row) => after.get(row.id))).toEqual([renewedUntil.getTime(), renewedUntil.getTime(), renewedUntil.getTime()]);
  });
});
