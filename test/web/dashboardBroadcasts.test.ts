// The broadcast pages over HTTP: the list of the latest broadcasts, newest first, with status,
// segment, planned time in the campaign's zone and how far each has got.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, staffMember, type TestApp } from "../support/createTestApp.js";
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
