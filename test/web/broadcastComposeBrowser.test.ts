// Composing a broadcast in a real Chromium: a coordinator opens "Siaran baru" from the list, writes
// it in both languages, picks a segment and a time in WITA, reads the preview each language's
// recipients get, schedules it and lands on the broadcast's page; the same form sent twice
// creates one broadcast. Then changes its text before it starts. axe-core on the form
// and the preview. States, never times.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatIsoTime } from "../../src/domain/time/formatIsoTime.js";
import { staffMember } from "../support/createTestApp.js";
import { expectAccessible, signInInChromium, startDashboardInChromium, waitForHeading, type DashboardInChromium } from "../support/dashboardInChromium.js";
import { requireChromium } from "../support/requireChromium.js";
import { seedTelegramAudience } from "../support/seedBroadcast.js";

const available = requireChromium();
let dashboard: DashboardInChromium;

beforeAll(async () => {
  if (available) dashboard = await startDashboardInChromium();
}, 60_000);

afterAll(async () => {
  await dashboard?.close();
});

describe.skipIf(!available)("composing a broadcast in Chromium", { timeout: 120_000 }, () => {
  it("composes, previews, schedules once however often confirmed, lands on its page, and changes it before it starts", async () => {
    const { app } = dashboard;
    const { segmentId } = await seedTelegramAudience(app.db, 3, 650_000);
    const segment = await app.db.segment.findUniqueOrThrow({ where: { id: segmentId } });
    // Two days ahead, 10:00 in WITA: always in the future, whatever the hour the test runs at.
    const day = formatIsoTime(new Date(Date.now() + 2 * 86_400_000), "Asia/Makassar").slice(0, 10);

    const { context, page } = await signInInChromium(dashboard, await staffMember(app, "coordinator", "9701"));
    await page.getByRole("link", { name: "Siaran", exact: true }).click();
    await waitForHeading(page, "Siaran");
    await page.getByRole("link", { name: "Siaran baru" }).click();
    await waitForHeading(page, "Siaran baru");
    await expectAccessible(page);
    await page.getByLabel("Pesan dalam Bahasa Indonesia").fill("Kampanye akbar Minggu pagi di alun-alun!");
    await page.getByLabel("Pesan dalam English").fill("Big rally on Sunday morning at the square!");
    await page.getByLabel("Segmen", { exact: true }).selectOption(segment.id);
    await page.getByLabel("Pada tanggal dan jam ini").check();
    await page.getByLabel("Tanggal", { exact: true }).fill(day);
    await page.getByLabel("Jam", { exact: true }).fill("10:00");
    await page.getByLabel("Zona waktu").selectOption("WITA");
    await page.getByRole("button", { name: "Pratinjau" }).click();

    await waitForHeading(page, "Periksa siaran");
    await expectAccessible(page);
    const indonesian = page.getByRole("region", { name: "Pratinjau — penerima Bahasa Indonesia" });
    expect(await indonesian.locator(".message").textContent()).toBe("Kampanye akbar Minggu pagi di alun-alun!\n\n— Tim Relawan Nusa Bakti (DEMO)\nBalas STOP untuk berhenti.");
    expect(await page.getByText(`Segmen: ${segment.name} — 3 penerima.`).count()).toBe(1);
    expect(await app.db.broadcast.count()).toBe(0);
    // The form sent twice: once in the background (as a first press whose answer never showed), then the button.
    const first = await page.evaluate(async () => {
      const form = (globalThis as unknown as { document: { querySelector(s: string): { action: string } & object } }).document.querySelector('form[action="/siaran/baru/kirim"]');
      const body = new URLSearchParams(new (globalThis as unknown as { FormData: new (f: object) => Iterable<[string, string]> }).FormData(form) as unknown as Record<string, string>);
      const response = await fetch(form.action, { method: "POST", body, redirect: "manual" });
      return response.type;
    });
    expect(first).toBe("opaqueredirect");
    expect(await app.db.broadcast.count()).toBe(1);
    await page.getByRole("button", { name: "Ya, jadwalkan" }).click();

    await page.waitForURL(/\/siaran\/[a-z0-9]+$/);
    const broadcast = await app.db.broadcast.findFirstOrThrow();
    expect(page.url()).toBe(`${dashboard.base}/siaran/${broadcast.id}`);
    await waitForHeading(page, `Siaran #${broadcast.id.slice(-6)}`);
    expect(broadcast.status).toBe("scheduled");
    expect(formatIsoTime(broadcast.scheduledAt, "Asia/Makassar")).toBe(`${day}T10:00:00+08:00`);
    expect(await app.db.delivery.count({ where: { broadcastId: broadcast.id } })).toBe(3);
    expect(await app.db.broadcast.count()).toBe(1);

    await page.getByRole("link", { name: "Ubah siaran terjadwal ini" }).click();
    await waitForHeading(page, `Ubah siaran #${broadcast.id.slice(-6)}`);
    await expectAccessible(page);
    await page.getByLabel("Pesan dalam Bahasa Indonesia").fill("Kampanye akbar pindah ke Senin sore.");
    await page.getByRole("button", { name: "Pratinjau" }).click();
    await page.getByRole("button", { name: "Simpan perubahan" }).click();
    await waitForHeading(page, `Siaran #${broadcast.id.slice(-6)}`);
    const changed = await app.db.broadcast.findUniqueOrThrow({ where: { id: broadcast.id } });
    expect(JSON.parse(changed.texts)).toEqual({ id: "Kampanye akbar pindah ke Senin sore.", en: "Big rally on Sunday morning at the square!" });
    expect(changed.scheduledAt).toEqual(broadcast.scheduledAt);
    expect(await app.db.broadcast.count()).toBe(1);
    await context.close();
  });
});
