// The broadcast pages over HTTP: the list of the latest broadcasts, newest first, with status,
// segment, planned time in the campaign's zone and how far each has got.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hashToken } from "../../src/domain/dashboard/hashToken.js";
import { contactOf, createTestApp, onboard, person, staffMember, type TestApp } from "../support/createTestApp.js";
import { createDashboardClient, DASHBOARD_URL, type DashboardClient } from "../support/dashboardClient.js";
import { seedBroadcast, seedTelegramAudience } from "../support/seedBroadcast.js";

let app: TestApp;
let browser: DashboardClient;
beforeEach(async () => {
  app = await createTestApp({ dashboardUrl: DASHBOARD_URL });
  browser = await createDashboardClient(app);
});
afterEach(async () => {
  await browser.close();
  await app.close();
});

describe("the broadcasts list", () => {
  it("says there are none yet, with the way to a new one and its place in the menu", async () => {
    await browser.signIn(await staffMember(app, "coordinator", "9101"));
    const page = await browser.get("/siaran");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('href="/siaran" aria-current="page"');
    expect(page.body).toContain("Belum ada siaran.");
    expect(page.body).toContain('href="/siaran/baru"');
  });

  it("lists broadcasts newest first with status, segment, the planned time with its zone, and the figures", async () => {
    const { segmentId } = await seedTelegramAudience(app.db, 4);
    const sending = await seedBroadcast(app.db, { segmentId, now: app.clock.now, text: "Siaran pertama" });
    const rows = await app.db.delivery.findMany({ where: { broadcastId: sending }, orderBy: { id: "asc" } });
    await app.db.delivery.update({ where: { id: rows[0]!.id }, data: { status: "sent" } });
    await app.db.delivery.update({ where: { id: rows[1]!.id }, data: { status: "failed", reason: "blocked" } });
    app.clock.advance(60_000);
    // 2026-11-27 12:00 UTC is 19:00 in Jakarta.
    const scheduled = await seedBroadcast(app.db, { segmentId, now: app.clock.now, text: "Siaran kedua", scheduledAt: new Date("2026-11-27T12:00:00Z") });

    await browser.signIn(await staffMember(app, "coordinator", "9102"));
    const page = await browser.get("/siaran");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('data-live="broadcasts"');
    const newer = page.body.indexOf(`data-broadcast="${scheduled}"`);
    const older = page.body.indexOf(`data-broadcast="${sending}"`);
    expect(newer).toBeGreaterThan(0);
    expect(older).toBeGreaterThan(newer);
    const row = (id: string) => /<tr data-broadcast="[^"]+">([\s\S]*?)<\/tr>/.exec(page.body.slice(page.body.indexOf(`<tr data-broadcast="${id}"`)))![1]!;
    expect(row(scheduled)).toContain("terjadwal");
    expect(row(scheduled)).toContain("27 Nov 2026, 19.00 WIB");
    expect(row(scheduled)).toContain("Siaran kedua");
    expect(row(sending)).toContain("sedang dikirim");
    expect(row(sending)).toContain("audience-");
    expect(row(sending)).toContain('value="50"');
    expect(row(sending)).toContain("terkirim 1 · gagal 1 · dilewati 0 · tidak pasti 0 · menunggu 2 dari 4");
    expect(page.body).toContain(`href="/siaran/${sending}"`);

    await browser.get("/bahasa/en");
    const english = await browser.get("/siaran");
    expect(english.body).toContain("27 Nov 2026, 19:00 WIB");
    expect(english.body).toContain("sent 1 · failed 1 · skipped 0 · uncertain 0 · waiting 2 of 4");
  });
});

/** A sending broadcast to `people` consenting contacts, its deliveries set to these statuses (the rest stay queued). */
async function broadcastWith(people: number, rows: [status: string, reason: string | null, receipts?: { sentAs: string; deliveredAt?: Date; readAt?: Date }][] = []) {
  const { segmentId } = await seedTelegramAudience(app.db, people, 620_000 + Math.floor(Math.random() * 10_000) * 10);
  const id = await seedBroadcast(app.db, { segmentId, now: app.clock.now, text: "Ayo datang ke kampanye akbar" });
  const deliveries = await app.db.delivery.findMany({ where: { broadcastId: id }, orderBy: { id: "asc" } });
  for (const [i, [status, reason, receipts]] of rows.entries()) await app.db.delivery.update({ where: { id: deliveries[i]!.id }, data: { status, reason, ...receipts } });
  return id;
}

const statusOf = async (id: string) => (await app.db.broadcast.findUniqueOrThrow({ where: { id } })).status;
const figure = (body: string, key: string) => new RegExp(`data-figure="${key}"><span class="value">(\\d+)<`).exec(body)?.[1];

describe("a broadcast's page", () => {
  it("shows its progress as the chat counts it, with the buttons its status allows; an unknown one is 404", async () => {
    const id = await broadcastWith(8, [
      ["sent", null],
      ["sent", null],
      ["failed", "blocked"],
      ["skipped", "opted_out"],
      ["queued", "quiet_hours"],
      ["uncertain", "interrupted"],
    ]);
    await browser.signIn(await staffMember(app, "coordinator", "9111"));
    const page = await browser.get(`/siaran/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('id="broadcast-progress" data-live="broadcasts"');
    expect(page.body).toContain('data-status="sending"');
    expect({ sent: figure(page.body, "sent"), failed: figure(page.body, "failed"), skipped: figure(page.body, "skipped"), held: figure(page.body, "held"), uncertain: figure(page.body, "uncertain"), waiting: figure(page.body, "waiting") }).toEqual({
      sent: "2",
      failed: "1",
      skipped: "1",
      held: "1",
      uncertain: "1",
      waiting: "2",
    });
    expect(page.body).toContain("62% selesai: 5 dari 8 pesan sudah tuntas");
    // Telegram reports no receipts: no delivered or read figures that would read as "not delivered".
    expect([figure(page.body, "delivered"), figure(page.body, "read")]).toEqual([undefined, undefined]);
    expect(page.body).toContain("jam tenang: 1");
    expect(page.body).toContain(`action="/siaran/${id}/jeda"`);
    expect(page.body).toContain(`action="/siaran/${id}/batalkan"`);
    expect(page.body).not.toContain(`action="/siaran/${id}/lanjutkan"`);
    expect(page.body).not.toContain("Laporan akhir");
    expect(page.body).toContain("Ayo datang ke kampanye akbar");
    // The short ref the chat shows works too.
    expect((await browser.get(`/siaran/${id.slice(-6)}`)).statusCode).toBe(200);
    expect((await browser.get("/siaran/zzzzzzzzzz")).statusCode).toBe(404);
    expect((await browser.get("/siaran/ABC%20DEF")).statusCode).toBe(404);
  });

  it("shows WhatsApp's delivered and read counts and the failures after Meta accepted them, with their reasons", async () => {
    const at = app.clock.now;
    const id = await broadcastWith(5, [
      ["sent", null, { sentAs: "text", deliveredAt: at, readAt: at }],
      ["sent", null, { sentAs: "template", deliveredAt: at }],
      ["sent", null, { sentAs: "template" }],
      ["failed", "cloud_api_131049", { sentAs: "template" }],
      ["sent", null],
    ]);
    await browser.signIn(await staffMember(app, "coordinator", "9112"));
    const page = await browser.get(`/siaran/${id}`);
    expect({ sent: figure(page.body, "sent"), failed: figure(page.body, "failed"), delivered: figure(page.body, "delivered"), read: figure(page.body, "read") }).toEqual({
      sent: "4",
      failed: "1",
      delivered: "2",
      read: "1",
    });
    expect(page.body).toContain("sampai (WhatsApp)");
    expect(page.body).toContain("Gagal setelah diterima WhatsApp: batas pesan pemasaran Meta untuk orang ini (131049): 1");
  });

  it("gives a rate and an ETA against a reading a few seconds older, as the chat's progress message does, and none once paused", async () => {
    const id = await broadcastWith(12);
    await browser.signIn(await staffMember(app, "coordinator", "9116"));
    expect((await browser.get(`/siaran/${id}`)).body).not.toContain("Kecepatan");
    const queued = await app.db.delivery.findMany({ where: { broadcastId: id }, orderBy: { id: "asc" }, take: 4 });
    await app.db.delivery.updateMany({ where: { id: { in: queued.map((d) => d.id) } }, data: { status: "sent" } });
    app.clock.advance(5_000);
    const page = await browser.get(`/siaran/${id}`);
    // 4 settled in 5 s: 0.8 a second; the other 8 in 10 s.
    expect(page.body).toContain("Kecepatan: 0.8 pesan/detik · selesai sekitar 10s lagi");
    await app.db.broadcast.update({ where: { id }, data: { status: "paused" } });
    app.clock.advance(5_000);
    expect((await browser.get(`/siaran/${id}`)).body).not.toContain("Kecepatan");
  });

  it("pauses, resumes and cancels through changeBroadcastStatus, audited with the staff member; a replayed form changes nothing", async () => {
    const id = await broadcastWith(3, [["sent", null]]);
    const coordinator = await staffMember(app, "coordinator", "9112");
    await browser.signIn(coordinator);
    const actor = (await app.db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: "telegram", externalId: "9112" } } })).contactId;
    await browser.get(`/siaran/${id}`);

    const paused = await browser.post(`/siaran/${id}/jeda`, {});
    expect(paused.statusCode).toBe(303);
    expect(paused.headers.location).toBe(`/siaran/${id}?diubah=pause`);
    expect(await statusOf(id)).toBe("paused");
    const shown = await browser.get(paused.headers.location as string);
    expect(shown.body).toContain("Dijeda. Tidak ada pesan lagi");
    expect(shown.body).toContain(`action="/siaran/${id}/lanjutkan"`);
    expect(shown.body).not.toContain(`action="/siaran/${id}/jeda"`);

    // The same form again: nothing changes, the page says why.
    const again = await browser.post(`/siaran/${id}/jeda`, {});
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain("Tidak dijeda: siaran ini sekarang dijeda.");
    expect(await app.db.auditEntry.count({ where: { action: "broadcast.pause", target: id } })).toBe(1);
    expect(await app.db.auditEntry.findFirstOrThrow({ where: { action: "broadcast.pause" } })).toMatchObject({ actor });

    expect((await browser.post(`/siaran/${id}/lanjutkan`, {})).statusCode).toBe(303);
    expect(await statusOf(id)).toBe("sending");

    const cancelled = await browser.post(`/siaran/${id}/batalkan`, {});
    expect(cancelled.statusCode).toBe(303);
    expect(await statusOf(id)).toBe("cancelled");
    expect(await app.db.delivery.count({ where: { broadcastId: id, status: "skipped", reason: "cancelled" } })).toBe(2);
    const replayed = await browser.post(`/siaran/${id}/batalkan`, {});
    expect(replayed.statusCode).toBe(409);
    expect(replayed.body).toContain("Tidak dibatalkan: siaran ini sekarang dibatalkan.");
    expect(await app.db.auditEntry.count({ where: { action: "broadcast.cancel", target: id } })).toBe(1);
    // Finished: the chat's final report by reason, and no buttons.
    const final = await browser.get(`/siaran/${id}`);
    expect(final.body).toContain("Laporan akhir");
    expect(final.body).toContain("dibatalkan: 2");
    expect(final.body).not.toContain(`action="/siaran/${id}/`);
    expect((await browser.post("/siaran/zzzzzzzzzz/jeda", {})).statusCode).toBe(404);
  });

  it("refuses the buttons without a session, to a voter, and without the CSRF token, and changes nothing", async () => {
    const id = await broadcastWith(2);
    // A valid form token, but no session: the sign-in page carries a token for anyone.
    await browser.get("/masuk?token=anything");
    expect((await browser.post(`/siaran/${id}/jeda`, {})).statusCode).toBe(401);
    expect((await browser.post(`/siaran/${id}/kirim-ulang`, { yakin: "ya" })).statusCode).toBe(401);
    // A voter's session (which sign-in never makes): 401, and the session is ended.
    const voter = person(app, "telegram", "9115");
    await onboard(voter);
    const token = "voter-session".padEnd(43, "v");
    const contactId = (await contactOf(app, "telegram", "9115")).id;
    await app.db.dashboardSession.create({ data: { tokenHash: hashToken(token), contactId, createdAt: app.clock.now, expiresAt: new Date(app.clock.now.getTime() + 3_600_000) } });
    browser.cookies.set("relawan_session", token);
    expect((await browser.post(`/siaran/${id}/batalkan`, {})).statusCode).toBe(401);
    expect(await app.db.dashboardSession.count()).toBe(0);

    await browser.signIn(await staffMember(app, "coordinator", "9113"));
    await browser.get(`/siaran/${id}`);
    expect((await browser.post(`/siaran/${id}/batalkan`, {}, { csrf: null })).statusCode).toBe(403);
    expect((await browser.post(`/siaran/${id}/batalkan`, {}, { csrf: "made-up" })).statusCode).toBe(403);
    // The role taken away: the next press finds no session.
    await app.db.contact.update({ where: { id: (await contactOf(app, "telegram", "9113")).id }, data: { role: null } });
    expect((await browser.post(`/siaran/${id}/jeda`, {})).statusCode).toBe(401);
    expect(await statusOf(id)).toBe("sending");
    expect(await app.db.auditEntry.count({ where: { action: { in: ["broadcast.pause", "broadcast.resume", "broadcast.cancel", "broadcast.resend_uncertain"] } } })).toBe(0);
  });

  it("sends a finished broadcast again to the uncertain ones only after a confirmation that warns of doubles, once", async () => {
    const id = await broadcastWith(4, [
      ["sent", null],
      ["sent", null],
      ["uncertain", "interrupted"],
      ["uncertain", "interrupted"],
    ]);
    await browser.signIn(await staffMember(app, "admin", "9114"));
    // Still sending: nothing to resend yet.
    const early = await browser.get(`/siaran/${id}/kirim-ulang`);
    expect(early.statusCode).toBe(409);
    expect(early.body).toContain("Hanya siaran yang sudah selesai");
    await app.db.broadcast.update({ where: { id }, data: { status: "completed", completedAt: app.clock.now } });

    const page = await browser.get(`/siaran/${id}`);
    expect(page.body).toContain("Laporan akhir");
    expect(page.body).toContain(`href="/siaran/${id}/kirim-ulang"`);
    const confirm = await browser.get(`/siaran/${id}/kirim-ulang`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain("2 pesan tidak pasti");
    expect(confirm.body).toContain("mungkin menerima pesannya dua kali");
    expect(await app.db.delivery.count({ where: { broadcastId: id, status: "uncertain" } })).toBe(2);

    // Not from the confirmation's button: back to it, nothing queued.
    const unconfirmed = await browser.post(`/siaran/${id}/kirim-ulang`, {});
    expect(unconfirmed.statusCode).toBe(303);
    expect(unconfirmed.headers.location).toBe(`/siaran/${id}/kirim-ulang`);
    expect(await app.db.delivery.count({ where: { broadcastId: id, status: "uncertain" } })).toBe(2);

    const sent = await browser.post(`/siaran/${id}/kirim-ulang`, { yakin: "ya" });
    expect(sent.statusCode).toBe(303);
    expect(sent.headers.location).toBe(`/siaran/${id}?dikirimulang=2`);
    expect(await app.db.delivery.count({ where: { broadcastId: id, status: "queued", reason: "resend_uncertain" } })).toBe(2);
    expect(await statusOf(id)).toBe("sending");
    expect(await app.db.auditEntry.findFirstOrThrow({ where: { action: "broadcast.resend_uncertain", target: id } })).toMatchObject({ details: JSON.stringify({ deliveries: 2 }) });

    const replayed = await browser.post(`/siaran/${id}/kirim-ulang`, { yakin: "ya" });
    expect(replayed.statusCode).toBe(409);
    expect(await app.db.auditEntry.count({ where: { action: "broadcast.resend_uncertain" } })).toBe(1);
    expect(await app.db.delivery.count({ where: { broadcastId: id, status: "queued", reason: "resend_uncertain" } })).toBe(2);
  });
});
