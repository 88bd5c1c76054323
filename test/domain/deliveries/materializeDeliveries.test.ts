import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Prisma, type Database } from "../../../src/db/client.js";
import { materializeDeliveries } from "../../../src/domain/deliveries/materializeDeliveries.js";
import { createTestDatabase, type TestDatabase } from "../../support/createTestDatabase.js";
import { addBroadcast, addContact } from "../../delivery/support/seedCampaign.js";

let t: TestDatabase;
let db: Database;

beforeEach(async () => {
  t = await createTestDatabase();
  db = t.db;
});

afterEach(async () => {
  await t.close();
});

describe("materializeDeliveries", () => {
  it("writes one queued row per matching contact, and only the missing ones when run again or with an overlapping filter", async () => {
    const bandung = [await addContact(db, { telegram: "1", regionCode: "32.73" }), await addContact(db, { telegram: "2", regionCode: "32.73.01" })];
    const bali = await addContact(db, { telegram: "3", regionCode: "51.71" });
    const broadcast = await addBroadcast(db);
    const notBefore = new Date("2029-01-10T03:00:00Z");
    const createdAt = new Date("2029-01-10T02:59:00Z");

    expect(await materializeDeliveries(db, broadcast, Prisma.sql`c."regionCode" LIKE ${"32.73%"}`, notBefore, createdAt)).toBe(2);
    expect(await materializeDeliveries(db, broadcast, Prisma.sql`c."regionCode" LIKE ${"32.73%"}`, notBefore, createdAt)).toBe(0);
    expect(await materializeDeliveries(db, broadcast, Prisma.sql`TRUE`, notBefore, createdAt)).toBe(1);

    const rows = await db.delivery.findMany({ where: { broadcastId: broadcast }, orderBy: { contactId: "asc" } });
    expect(rows.map((r) => r.contactId).sort()).toEqual([...bandung, bali].sort());
    expect(rows.every((r) => r.status === "queued" && r.attempts === 0 && r.notBefore.getTime() === notBefore.getTime())).toBe(true);
    expect(rows[0]).toMatchObject({ createdAt, updatedAt: createdAt, claimedBy: null, reason: null });
    // Readable by Prisma like any other row, keyed by the pair.
    expect(await db.delivery.findUnique({ where: { broadcastId_contactId: { broadcastId: broadcast, contactId: bali } } })).not.toBeNull();
  });

  it("keeps each broadcast's rows separate", async () => {
    const contact = await addContact(db, { telegram: "10" });
    const first = await addBroadcast(db);
    const second = await addBroadcast(db);
    const now = new Date("2029-01-10T03:00:00Z");
    expect(await materializeDeliveries(db, first, Prisma.sql`TRUE`, now)).toBe(1);
    expect(await materializeDeliveries(db, second, Prisma.sql`TRUE`, now)).toBe(1);
    expect(await db.delivery.count({ where: { contactId: contact } })).toBe(2);
  });

  it("adds each contact once when two transactions materialise the same broadcast at the same time", async () => {
    const contacts = [];
    for (let i = 0; i < 30; i++) contacts.push(await addContact(db, { telegram: String(100 + i) }));
    const broadcast = await addBroadcast(db);
    const now = new Date("2029-01-10T03:00:00Z");
    // The second waits on the first's rows (PostgreSQL) or its write lock (SQLite), then skips them instead of failing.
    const added = await Promise.all(
      [0, 1].map(() => db.$transaction((tx) => materializeDeliveries(tx as Database, broadcast, Prisma.sql`TRUE`, now), { timeout: 30_000, maxWait: 30_000 })),
    );
    expect(added.reduce((sum, n) => sum + n, 0)).toBe(contacts.length);
    expect(await db.delivery.count({ where: { broadcastId: broadcast } })).toBe(contacts.length);
  });
});
