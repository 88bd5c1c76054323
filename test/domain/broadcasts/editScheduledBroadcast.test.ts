// Changing a scheduled broadcast before it starts: the same checks as a new one, recipients fixed
// again from the new segment, held until the new time, audited; refused once it has started.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseBlackout } from "../../../src/domain/blackout/parseBlackout.js";
import { checkNewBroadcast } from "../../../src/domain/broadcasts/checkNewBroadcast.js";
import { createBroadcast } from "../../../src/domain/broadcasts/createBroadcast.js";
import { editScheduledBroadcast } from "../../../src/domain/broadcasts/editScheduledBroadcast.js";
import { startDueBroadcasts } from "../../../src/delivery/startDueBroadcasts.js";
import { createTestApp, type TestApp } from "../../support/createTestApp.js";

let app: TestApp;
let everyone: string;
let jakarta: string;
let nobody: string;
const now = new Date("2026-11-26T03:00:00Z");
const at = new Date("2026-12-01T12:00:00Z");

async function addContact(name: string, regionCode: string | null, updatesConsent = true) {
  await app.db.contact.create({ data: { name, regionCode, updatesConsent, identities: { create: { channel: "telegram", externalId: `tg-${name}` } } } });
}

beforeEach(async () => {
  app = await createTestApp();
  await addContact("Ani", "31.71");
  await addContact("Bayu", "32.73");
  await addContact("Cici", "32.73", false);
  everyone = (await app.db.segment.create({ data: { name: "Semua", definition: "{}", createdBy: "test" } })).id;
  jakarta = (await app.db.segment.create({ data: { name: "Jakarta", definition: JSON.stringify({ regionPrefix: "31.71" }), createdBy: "test" } })).id;
  nobody = (await app.db.segment.create({ data: { name: "Tanpa izin", definition: JSON.stringify({ regionPrefix: "32.73", tagsAll: ["tidak-ada"] }), createdBy: "test" } })).id;
});
afterEach(async () => {
  await app.close();
});

const scheduled = async () => {
  const created = await app.db.$transaction((tx) => createBroadcast(tx, { texts: { id: "Halo" }, defaultLanguage: "id", operational: false, createdBy: "staff-1", now, segmentId: everyone, scheduledAt: at }));
  if (created.status !== "created") throw new Error(created.status);
  return created.id;
};
const edit = (id: string, change: Partial<Parameters<typeof editScheduledBroadcast>[1]> = {}, when = now) =>
  app.db.$transaction((tx) => editScheduledBroadcast(tx, { id, texts: { id: "Halo lagi", en: "Hello again" }, defaultLanguage: "id", segmentId: jakarta, scheduledAt: new Date("2026-12-02T12:00:00Z"), actor: "staff-2", now: when, ...change }));

describe("editScheduledBroadcast", () => {
  it("changes texts, image, segment and time; recipients follow the new segment and wait for the new time", async () => {
    const id = await scheduled();
    expect(await app.db.delivery.count({ where: { broadcastId: id } })).toBe(2);
    const outcome = await edit(id, { imageUrl: "https://example.org/a.jpg" });
    expect(outcome).toEqual({ status: "changed", id, broadcastStatus: "scheduled", scheduledAt: new Date("2026-12-02T12:00:00Z"), recipients: 1 });
    const broadcast = await app.db.broadcast.findUniqueOrThrow({ where: { id } });
    expect(broadcast).toMatchObject({ texts: JSON.stringify({ id: "Halo lagi", en: "Hello again" }), imageUrl: "https://example.org/a.jpg", segmentId: jakarta, status: "scheduled" });
    const deliveries = await app.db.delivery.findMany({ where: { broadcastId: id }, include: { broadcast: false } });
    expect(deliveries.map((d) => [d.status, d.notBefore.toISOString()])).toEqual([["queued", "2026-12-02T12:00:00.000Z"]]);
    const audit = await app.db.auditEntry.findFirstOrThrow({ where: { action: "broadcast.edit" } });
    expect(audit.actor).toBe("staff-2");
    expect(JSON.parse(audit.details!)).toMatchObject({ segment: { from: "Semua", to: "Jakarta" }, textsChanged: true, recipients: 1 });
  });

  it("refuses what a new broadcast is refused, and changes nothing", async () => {
    const id = await scheduled();
    const before = await app.db.broadcast.findUniqueOrThrow({ where: { id } });
    expect(await edit(id, { texts: { id: " " } })).toMatchObject({ status: "invalid", problem: "text_missing" });
    expect(await edit(id, { imageUrl: "http://example.org/a.jpg" })).toMatchObject({ status: "invalid", problem: "image_url" });
    expect(await edit(id, { scheduledAt: new Date("2026-11-25T00:00:00Z") })).toEqual({ status: "past" });
    expect(await edit(id, { segmentId: "no-such-segment" })).toEqual({ status: "segment_not_found" });
    expect(await edit(id, { segmentId: nobody, requireRecipients: true })).toMatchObject({ status: "nobody", segment: { name: "Tanpa izin" } });
    const blackout = parseBlackout("2026-12-02..2026-12-03@Asia/Jakarta", "Asia/Jakarta");
    if (blackout.status !== "ok") throw new Error("blackout");
    expect(await edit(id, { blackout: blackout.ranges })).toEqual({ status: "quiet_period" });
    expect(await app.db.broadcast.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await app.db.delivery.count({ where: { broadcastId: id } })).toBe(2);
    expect(await app.db.auditEntry.count({ where: { action: "broadcast.edit" } })).toBe(0);
  });

  it("refuses once the broadcast has started, or its time has come", async () => {
    const id = await scheduled();
    expect(await edit(id, {}, at)).toEqual({ status: "started", id, current: "sending" });
    await startDueBroadcasts(app.db, at);
    expect(await edit(id, {}, at)).toEqual({ status: "started", id, current: "sending" });
    expect(await edit("nope")).toEqual({ status: "not_found" });
    expect((await app.db.broadcast.findUniqueOrThrow({ where: { id } })).texts).toBe(JSON.stringify({ id: "Halo" }));
  });
});

describe("checkNewBroadcast with recipients required", () => {
  it("refuses a segment nobody in it can receive, and counts the others", async () => {
    const plan = { texts: { id: "Halo" }, defaultLanguage: "id", operational: false, now, requireRecipients: true };
    expect(await checkNewBroadcast(app.db, { ...plan, segmentId: nobody })).toMatchObject({ status: "nobody", count: { total: 0, sendable: 0 } });
    expect(await checkNewBroadcast(app.db, { ...plan, segmentId: everyone })).toMatchObject({ status: "ok", count: { total: 3, sendable: 2, unreachable: { no_consent: 1 } } });
    // Without it (the chat and the CLI), an empty segment is allowed as before.
    expect(await checkNewBroadcast(app.db, { ...plan, requireRecipients: false, segmentId: nobody })).toMatchObject({ status: "ok" });
  });
});
