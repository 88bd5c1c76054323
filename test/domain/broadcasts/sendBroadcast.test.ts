// Broadcasts in the domain: created once, sent once per person however often "send" is called.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { changeBroadcastStatus } from "../../../src/domain/broadcasts/changeBroadcastStatus.js";
import { createBroadcast } from "../../../src/domain/broadcasts/createBroadcast.js";
import { sendBroadcast } from "../../../src/domain/broadcasts/sendBroadcast.js";
import { parseBlackout } from "../../../src/domain/blackout/parseBlackout.js";
import { createTestApp, type TestApp } from "../../support/createTestApp.js";

let app: TestApp;
let segmentId: string;
let volunteersId: string;
const now = new Date("2026-11-26T03:00:00Z");

async function addContact(name: string, data: { updatesConsent?: boolean | null; optedOut?: boolean; unreachable?: boolean; tasks?: boolean[] } = {}) {
  return app.db.contact.create({
    data: {
      name,
      updatesConsent: data.updatesConsent === undefined ? true : data.updatesConsent,
      optedOut: data.optedOut ?? false,
      role: data.tasks ? "volunteer" : null,
      identities: { create: { channel: "telegram", externalId: `tg-${name}`, unreachableAt: data.unreachable ? now : null } },
      // Volunteer-task answers in the order given; the last one counts.
      consents: {
        create: (data.tasks ?? []).map((granted, i) => ({
          purpose: "volunteer_tasks",
          granted,
          textKey: "consent.tasks.question",
          textVersion: "v1",
          language: "id",
          channel: "telegram",
          source: "conversation",
          recordedAt: new Date(now.getTime() - (10 - i) * 60_000),
        })),
      },
    },
  });
}

async function recipientNames(broadcastId: string): Promise<string[]> {
  const deliveries = await app.db.delivery.findMany({ where: { broadcastId } });
  const contacts = await app.db.contact.findMany({ where: { id: { in: deliveries.map((d) => d.contactId!) } }, select: { name: true }, orderBy: { name: "asc" } });
  return contacts.map((c) => c.name!);
}

beforeEach(async () => {
  app = await createTestApp();
  await addContact("Ani");
  await addContact("Bayu", { tasks: [true] });
  await addContact("Cici", { optedOut: true, updatesConsent: false });
  await addContact("Dodi", { updatesConsent: null });
  await addContact("Euis", { unreachable: true });
  segmentId = (await app.db.segment.create({ data: { name: "Semua", definition: "{}", createdBy: "test" } })).id;
  volunteersId = (await app.db.segment.create({ data: { name: "Relawan", definition: JSON.stringify({ role: "volunteer" }), createdBy: "test" } })).id;
});
afterEach(async () => {
  await app.close();
});

const base = { texts: { id: "Halo semua" }, defaultLanguage: "id", operational: false, createdBy: "cli", now };

describe("createBroadcast and sendBroadcast", () => {
  it("creates a draft without recipients, then sending twice gives each sendable contact one delivery", async () => {
    const draft = await app.db.$transaction((tx) => createBroadcast(tx, { ...base, segmentId, draft: true }));
    expect(draft).toMatchObject({ status: "created", broadcastStatus: "draft", recipients: 0 });
    if (draft.status !== "created") return;
    expect(await app.db.delivery.count()).toBe(0);

    const first = await app.db.$transaction((tx) => sendBroadcast(tx, { ref: draft.id, actor: "cli", now }));
    expect(first).toMatchObject({ status: "sent", broadcastStatus: "sending", added: 2, recipients: 2 });
    const second = await app.db.$transaction((tx) => sendBroadcast(tx, { ref: draft.id, actor: "cli", now }));
    expect(second).toMatchObject({ status: "sent", added: 0, recipients: 2 });

    expect(await recipientNames(draft.id)).toEqual(["Ani", "Bayu"]);
    expect(await app.db.broadcast.findUniqueOrThrow({ where: { id: draft.id } })).toMatchObject({ status: "sending", startedAt: now });
    // Same clock for all three: compare as a set of lines.
    expect((await app.db.auditEntry.findMany()).map((a) => `${a.actor} ${a.action}`).sort()).toEqual(["cli broadcast.create", "cli broadcast.send", "cli broadcast.send"]);
  });

  it("holds the deliveries of a scheduled broadcast until its time", async () => {
    const at = new Date("2026-12-01T12:00:00Z");
    const outcome = await app.db.$transaction((tx) => createBroadcast(tx, { ...base, segmentId, scheduledAt: at }));
    expect(outcome).toMatchObject({ status: "created", broadcastStatus: "scheduled", recipients: 2 });
    expect((await app.db.delivery.findMany()).map((d) => d.notBefore)).toEqual([at, at]);
    expect(await app.db.$transaction((tx) => createBroadcast(tx, { ...base, segmentId, scheduledAt: new Date(now.getTime() - 60_000) }))).toEqual({ status: "past" });
  });

  it("refuses bad content before anything is written", async () => {
    const tx = (input: Parameters<typeof createBroadcast>[1]) => app.db.$transaction((t) => createBroadcast(t, input));
    expect(await tx({ ...base, segmentId, texts: { en: "Hi" } })).toMatchObject({ status: "invalid", problem: "text_missing", language: "id" });
    expect(await tx({ ...base, segmentId, imageUrl: "http://example.org/a.jpg" })).toMatchObject({ status: "invalid", problem: "image_url" });
    expect(await tx({ ...base, segmentId, texts: { id: "x".repeat(3501) } })).toMatchObject({ status: "invalid", problem: "text_too_long" });
    expect(await tx({ ...base, segmentId, texts: { id: "x".repeat(901) }, imageUrl: "https://example.org/a.jpg" })).toMatchObject({ problem: "caption_too_long" });
    expect(await tx({ ...base, segmentId, operational: true })).toEqual({ status: "operational_not_allowed" });
    expect(await app.db.broadcast.count()).toBe(0);
  });

  it("refuses voter broadcasts in the quiet period, now or at the send time, but lets operational volunteer messages through", async () => {
    const quiet = parseBlackout("2026-11-25..2026-11-27@Asia/Jakarta,2026-12-10..2026-12-12@Asia/Jakarta", "Asia/Jakarta");
    if (quiet.status !== "ok") throw new Error(quiet.problem);
    const blackout = quiet.ranges;
    const tx = (input: Parameters<typeof createBroadcast>[1]) => app.db.$transaction((t) => createBroadcast(t, input));
    expect(await tx({ ...base, segmentId, blackout })).toEqual({ status: "quiet_period" });
    const later = new Date("2026-12-11T03:00:00Z");
    expect(await tx({ ...base, segmentId, blackout: [blackout[1]!], scheduledAt: later })).toEqual({ status: "quiet_period" });
    expect(await tx({ ...base, segmentId: volunteersId, blackout })).toEqual({ status: "quiet_period" });
    expect(await tx({ ...base, segmentId: volunteersId, operational: true, blackout })).toMatchObject({ status: "created", recipients: 1 });
  });

  it("sends operational messages to volunteers who agreed to tasks, whatever they said about campaign updates", async () => {
    await addContact("Fani", { updatesConsent: false, tasks: [true] });
    await addContact("Gilang", { tasks: [true, false] });
    const voter = await app.db.$transaction((tx) => createBroadcast(tx, { ...base, segmentId: volunteersId }));
    const operational = await app.db.$transaction((tx) => createBroadcast(tx, { ...base, segmentId: volunteersId, operational: true }));
    if (voter.status !== "created" || operational.status !== "created") throw new Error("not created");
    expect(await recipientNames(voter.id)).toEqual(["Bayu", "Gilang"]);
    expect(await recipientNames(operational.id)).toEqual(["Bayu", "Fani"]);
  });

  it("pauses, resumes and cancels along the allowed transitions only", async () => {
    const created = await app.db.$transaction((tx) => createBroadcast(tx, { ...base, segmentId }));
    if (created.status !== "created") throw new Error(created.status);
    const change = (action: "pause" | "resume" | "cancel", ref?: string) => changeBroadcastStatus(app.db, { action, ref, actor: "cli", now });
    expect(await change("resume")).toEqual({ status: "not_found" });
    expect(await change("pause")).toMatchObject({ status: "changed", from: "sending", to: "paused" });
    expect(await change("pause", created.id)).toMatchObject({ status: "invalid_transition", current: "paused" });
    expect(await change("resume", created.id.slice(-6))).toMatchObject({ status: "changed", to: "sending" });
    expect(await change("cancel")).toMatchObject({ status: "changed", to: "cancelled" });
    expect(await change("resume", created.id)).toMatchObject({ status: "invalid_transition", current: "cancelled" });
    expect(await sendBroadcast(app.db, { ref: created.id, actor: "cli", now })).toMatchObject({ status: "not_sendable", current: "cancelled" });
  });
});
