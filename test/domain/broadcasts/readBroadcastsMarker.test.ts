// The broadcasts' live marker changes when a page of broadcasts would: a new one, a status change,
// a delivery of a sending one settled or held; and not when nothing moved.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readBroadcastsMarker } from "../../../src/domain/broadcasts/readBroadcastsMarker.js";
import { createTestDatabase, type TestDatabase } from "../../support/createTestDatabase.js";

let test: TestDatabase;
beforeEach(async () => {
  test = await createTestDatabase();
});
afterEach(async () => {
  await test.close();
});

describe("readBroadcastsMarker", () => {
  it("moves with new broadcasts, status changes, settled and held deliveries", async () => {
    const { db } = test;
    const empty = await readBroadcastsMarker(db);
    const segment = await db.segment.create({ data: { name: "semua", definition: "{}", createdBy: "cli" } });
    const broadcast = await db.broadcast.create({ data: { texts: JSON.stringify({ id: "Halo" }), segmentId: segment.id, status: "sending", scheduledAt: new Date(), createdBy: "cli" } });
    const contacts = await Promise.all([1, 2, 3].map((n) => db.contact.create({ data: { name: `Orang ${n}` } })));
    const deliveries = await Promise.all(contacts.map((contact) => db.delivery.create({ data: { broadcastId: broadcast.id, contactId: contact.id } })));
    const queued = await readBroadcastsMarker(db);
    expect(queued).not.toBe(empty);
    expect(await readBroadcastsMarker(db)).toBe(queued);

    await db.delivery.update({ where: { id: deliveries[0]!.id }, data: { status: "sent" } });
    const oneSent = await readBroadcastsMarker(db);
    expect(oneSent).not.toBe(queued);
    await db.delivery.update({ where: { id: deliveries[1]!.id }, data: { reason: "quiet_hours" } });
    const held = await readBroadcastsMarker(db);
    expect(held).not.toBe(oneSent);
    await db.broadcast.update({ where: { id: broadcast.id }, data: { status: "paused" } });
    expect(await readBroadcastsMarker(db)).not.toBe(held);
  });
});
