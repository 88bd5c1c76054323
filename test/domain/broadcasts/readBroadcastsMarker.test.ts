// The broadcasts' live marker changes when a page of broadcasts would: a new one, a status change,
// a delivery of a sending one settled or held (its writer counts up the broadcast's revision, as
// the dispatcher does); and not when nothing moved.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readBroadcastsMarker } from "../../../src/domain/broadcasts/readBroadcastsMarker.js";
import { bumpSourceRevisions } from "../../../src/domain/deliveries/bumpSourceRevisions.js";
import { createTestDatabase, type TestDatabase } from "../../support/createTestDatabase.js";

let test: TestDatabase;

/** A delivery moves as the dispatcher moves it: the row, then its broadcast's revision. */
async function move(id: string, data: { status?: string; reason?: string }): Promise<void> {
  const row = await test.db.delivery.update({ where: { id }, data });
  await bumpSourceRevisions(test.db, { broadcastIds: [row.broadcastId!] });
}
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

    await move(deliveries[0]!.id, { status: "sent" });
    const oneSent = await readBroadcastsMarker(db);
    expect(oneSent).not.toBe(queued);
    await move(deliveries[1]!.id, { reason: "quiet_hours" });
    const held = await readBroadcastsMarker(db);
    expect(held).not.toBe(oneSent);
    await db.broadcast.update({ where: { id: broadcast.id }, data: { status: "paused" } });
    const paused = await readBroadcastsMarker(db);
    expect(paused).not.toBe(held);
    // A send under way when it was paused still settles, and the page must show it.
    await move(deliveries[2]!.id, { status: "sent" });
    expect(await readBroadcastsMarker(db)).not.toBe(paused);
  });
});

describe("readBroadcastsMarker beyond the latest", () => {
  it("still moves with an older broadcast that is sending again, and not with an older finished one", async () => {
    const { db } = test;
    const segment = await db.segment.create({ data: { name: "semua", definition: "{}", createdBy: "cli" } });
    const make = (status: string, minute: number) =>
      db.broadcast.create({ data: { texts: JSON.stringify({ id: "Halo" }), segmentId: segment.id, status, scheduledAt: new Date(), createdAt: new Date(Date.UTC(2026, 0, 1, 0, minute)), createdBy: "cli" } });
    const old = await make("completed", 0);
    const contact = await db.contact.create({ data: { name: "Orang" } });
    const delivery = await db.delivery.create({ data: { broadcastId: old.id, contactId: contact.id, status: "uncertain" } });
    for (let minute = 1; minute <= 3; minute++) await make("completed", minute);
    const before = await readBroadcastsMarker(db, 2);
    await move(delivery.id, { status: "sent" });
    expect(await readBroadcastsMarker(db, 2)).toBe(before);

    // Sent again (resend-uncertain): the old broadcast is sending, and its page must redraw as it goes.
    await move(delivery.id, { status: "queued" });
    await db.broadcast.update({ where: { id: old.id }, data: { status: "sending" } });
    const sending = await readBroadcastsMarker(db, 2);
    expect(sending).not.toBe(before);
    await move(delivery.id, { status: "sent" });
    expect(await readBroadcastsMarker(db, 2)).not.toBe(sending);
  });
});
