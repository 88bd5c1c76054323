// A broadcast's progress in a real Chromium: a broadcast made through the domain to a few dozen
// consenting Telegram contacts, a dispatcher sending it to the fake Bot API at a slow pace; the
// broadcast page's figures move without a reload, pause stops the sending (a further dispatch round
// sends nothing), resume finishes it, and the page reaches 100% and the final report by itself.
// Every person gets it once. A finished WhatsApp Cloud API broadcast's page shows its receipts.
// axe-core on the list and the broadcast pages. States, never times.
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTelegramBulkSender } from "../../src/channels/telegram/createTelegramBulkSender.js";
import { createProgressFormatter } from "../../src/conversation/createProgressFormatter.js";
import { createChannelLimiter, type ChannelLimiter } from "../../src/delivery/createChannelLimiter.js";
import { createDispatcher, type Dispatcher } from "../../src/delivery/createDispatcher.js";
import { createProgressReporter, type ProgressReporter } from "../../src/delivery/createProgressReporter.js";
import { createBroadcastRenderer } from "../../src/domain/broadcasts/createBroadcastRenderer.js";
import { staffMember } from "../support/createTestApp.js";
import { expectAccessible, screenshots, signInInChromium, startDashboardInChromium, waitForHeading, type DashboardInChromium } from "../support/dashboardInChromium.js";
import { startFakeBotApi, TEST_BOT_TOKEN, type FakeBotApi } from "../support/fakeBotApi.js";
import { requireChromium } from "../support/requireChromium.js";
import { seedBroadcast, seedTelegramAudience } from "../support/seedBroadcast.js";
import { silentLogger } from "../delivery/support/seedCampaign.js";

const available = requireChromium();
const PEOPLE = 30;
let dashboard: DashboardInChromium;
let api: FakeBotApi;
let limiter: ChannelLimiter;
let dispatcher: Dispatcher;
let reporter: ProgressReporter;

function makeDispatcher(workerId: string) {
  const { app } = dashboard;
  return createDispatcher({
    db: app.db,
    senders: { telegram: createTelegramBulkSender({ token: TEST_BOT_TOKEN, apiRoot: api.url }) },
    limiters: { telegram: limiter },
    clock: () => new Date(),
    workerId,
    renderBroadcast: createBroadcastRenderer({ translator: app.deps.translator, campaignName: app.deps.campaign.campaign.name }),
    logger: silentLogger,
    defaultTimeZone: "Asia/Jakarta",
    // Real time: the journey must not depend on the hour it runs at.
    quietHours: null,
    pollIntervalMs: 50,
  });
}

beforeAll(async () => {
  if (!available) return;
  dashboard = await startDashboardInChromium();
  api = await startFakeBotApi();
  // Slow, so that a pause lands while most messages are still waiting.
  limiter = createChannelLimiter({ perSecond: 3, perChatPerSecond: 1 });
  dispatcher = makeDispatcher("browser-journey");
  // The part of a bot process that closes a finished broadcast (completed) for everyone.
  reporter = createProgressReporter({ db: dashboard.app.db, notifiers: {}, format: createProgressFormatter(dashboard.app.deps.translator.forLanguage("id")), clock: () => new Date(), logger: silentLogger, intervalMs: 200 });
}, 60_000);

afterAll(async () => {
  await reporter?.stop();
  await dispatcher?.stop();
  await limiter?.stop();
  await api?.close();
  await dashboard?.close();
});

describe.skipIf(!available)("a broadcast's progress in Chromium", { timeout: 180_000 }, () => {
  it("moves without a reload, pauses, resumes and reaches 100% with the final report; each person gets it once", async () => {
    const { app } = dashboard;
    const admin = await staffMember(app, "admin", "9601");
    const { segmentId, chatIds } = await seedTelegramAudience(app.db, PEOPLE, 640_000);
    const id = await seedBroadcast(app.db, { segmentId, now: new Date(), text: "Kampanye akbar Minggu pagi di alun-alun!" });

    const { context, page } = await signInInChromium(dashboard, admin);
    page.on("dialog", (dialog) => void dialog.accept());
    await page.getByRole("link", { name: "Siaran", exact: true }).click();
    await waitForHeading(page, "Siaran");
    await expectAccessible(page);
    await page.getByRole("link", { name: `Buka siaran #${id.slice(-6)}` }).click();
    await waitForHeading(page, `Siaran #${id.slice(-6)}`);
    await expectAccessible(page);
    const sent = page.locator('[data-figure="sent"] .value');
    expect(await sent.textContent()).toBe("0");

    // From here the page is never loaded again until a button is pressed: a mark on the window says so.
    await page.evaluate(() => ((globalThis as unknown as { notReloaded: boolean }).notReloaded = true));
    await dispatcher.start();
    reporter.start();
    await sent.filter({ hasNotText: /^0$/ }).waitFor();
    expect(await page.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);

    await page.getByRole("button", { name: "Jeda", exact: true }).click();
    await page.locator('[data-status="paused"]').waitFor();
    await page.getByText("Dijeda. Tidak ada pesan lagi").waitFor();
    // Sends already under way finish; then nothing is in flight, and a whole dispatch round by
    // another dispatcher finds nothing to send.
    const inFlight = () => app.db.delivery.count({ where: { broadcastId: id, status: { in: ["claimed", "sending"] } } });
    while ((await inFlight()) > 0) await new Promise((resolve) => setTimeout(resolve, 50));
    const sentWhilePaused = await app.db.delivery.count({ where: { broadcastId: id, status: "sent" } });
    expect(sentWhilePaused).toBeLessThan(PEOPLE);
    const round = await makeDispatcher("second-look").runOnce();
    expect(round.claimed).toBe(0);
    expect(await app.db.delivery.count({ where: { broadcastId: id, status: "sent" } })).toBe(sentWhilePaused);
    expect(api.calls("sendMessage")).toHaveLength(sentWhilePaused);
    // The page shows what was sent, the sends that finished after the pause included.
    await sent.filter({ hasText: new RegExp(`^${sentWhilePaused}$`) }).waitFor();
    await expectAccessible(page);
    // The docs' picture of a broadcast under way (UPDATE_SCREENSHOTS=1 writes it to docs/images).
    await page.screenshot({ path: join(screenshots, "dashboard-broadcast.png"), fullPage: true });

    await page.getByRole("button", { name: "Lanjutkan", exact: true }).click();
    await page.getByText("Dilanjutkan.").waitFor();
    await page.evaluate(() => ((globalThis as unknown as { notReloaded: boolean }).notReloaded = true));
    await page.locator('#broadcast-bar[value="100"]').waitFor();
    await page.locator('[data-status="completed"]').waitFor();
    await page.getByRole("heading", { name: "Laporan akhir" }).waitFor();
    expect(await page.locator("pre.report").textContent()).toContain(`Terkirim: ${PEOPLE} dari ${PEOPLE}`);
    expect(await page.evaluate(() => (globalThis as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    expect(await page.getByRole("button", { name: "Jeda", exact: true }).count()).toBe(0);
    await expectAccessible(page);

    const delivered = api.deliveredByChat();
    expect([...delivered.keys()].sort()).toEqual([...chatIds].sort());
    expect([...delivered.values()].every((n) => n === 1)).toBe(true);
    await context.close();
  });
  it("shows a finished WhatsApp Cloud API broadcast's receipts: delivered, read and the failures after Meta accepted them", async () => {
    const { app } = dashboard;
    const { segmentId } = await seedTelegramAudience(app.db, 40, 680_000);
    const start = new Date(Date.now() - 3 * 60 * 60 * 1000);
    const id = await seedBroadcast(app.db, { segmentId, now: start, text: "Kampanye akbar Minggu pagi di alun-alun!" });
    const minutes = (n: number) => new Date(start.getTime() + n * 60_000);
    const rows = await app.db.delivery.findMany({ where: { broadcastId: id }, orderBy: { id: "asc" }, select: { id: true } });
    // 21 read, 12 more delivered, 3 accepted with no receipt yet, 3 failed after acceptance, 1 outside the 24-hour window.
    for (const [i, { id: delivery }] of rows.entries()) {
      const accepted = { channel: "whatsapp", sentAt: minutes(1), sentAs: i < 30 ? "text" : "template", platformMessageId: `wamid.SHOT${i}` };
      const data =
        i < 33 ? { ...accepted, status: "sent", deliveredAt: minutes(2), ...(i < 21 ? { readAt: minutes(20 + i) } : {}) }
        : i < 36 ? { ...accepted, status: "sent" }
        : i < 39 ? { ...accepted, status: "failed", reason: i < 38 ? "cloud_api_131026" : "cloud_api_131049" }
        : { channel: "whatsapp", status: "skipped", reason: "outside_24h_window" };
      await app.db.delivery.update({ where: { id: delivery }, data });
    }
    await app.db.broadcast.update({ where: { id }, data: { status: "completed", startedAt: minutes(0), completedAt: minutes(2) } });

    const { context, page } = await signInInChromium(dashboard, await staffMember(app, "coordinator", "9603"));
    await page.goto(`${dashboard.base}/siaran/${id}`);
    await waitForHeading(page, `Siaran #${id.slice(-6)}`);
    const figure = (key: string) => page.locator(`[data-figure="${key}"] .value`).textContent();
    expect([await figure("sent"), await figure("delivered"), await figure("read"), await figure("failed")]).toEqual(["36", "33", "21", "3"]);
    expect(await page.locator("[data-failed-after-acceptance]").textContent()).toMatch(/131026\): 2 · .*131049\): 1/);
    expect(await page.locator("pre.report").textContent()).toContain("Laporan WhatsApp: sampai 33 · dibaca 21 dari 36 terkirim");
    await expectAccessible(page);
    // The docs' picture of a broadcast's receipts (UPDATE_SCREENSHOTS=1 writes it to docs/images).
    await page.screenshot({ path: join(screenshots, "dashboard-broadcast-receipts.png"), fullPage: true });
    await context.close();
  });

  it("offers a finished broadcast's uncertain ones again behind a confirmation that warns of doubles", async () => {
    const { app } = dashboard;
    const { segmentId } = await seedTelegramAudience(app.db, 3, 660_000);
    const id = await seedBroadcast(app.db, { segmentId, now: new Date() });
    await app.db.delivery.updateMany({ where: { broadcastId: id }, data: { status: "uncertain", reason: "interrupted" } });
    await app.db.broadcast.update({ where: { id }, data: { status: "completed", completedAt: new Date() } });
    const { context, page } = await signInInChromium(dashboard, await staffMember(app, "coordinator", "9602"));
    await page.goto(`${dashboard.base}/siaran/${id}`);
    await page.getByRole("link", { name: "Kirim lagi ke yang tidak pasti…" }).click();
    await page.getByText("mungkin menerima pesannya dua kali").waitFor();
    await expectAccessible(page);
    await page.getByRole("button", { name: "Kirim lagi ke 3 orang" }).click();
    await page.getByText("3 pesan yang tidak pasti dikirim lagi").waitFor();
    // Queued again (the journey's dispatcher, still running, may already be sending them).
    expect(await app.db.delivery.count({ where: { broadcastId: id, status: "uncertain" } })).toBe(0);
    expect(await app.db.auditEntry.findFirstOrThrow({ where: { action: "broadcast.resend_uncertain", target: id } })).toMatchObject({ details: JSON.stringify({ deliveries: 3 }) });
    await context.close();
  });
});
