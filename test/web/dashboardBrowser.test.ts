// The dashboard in a real Chromium (Debian's, driven by playwright-core): sign in through the link
// /dasbor sends, see the overview, switch the language, read the audit log, sign out; axe-core on
// every page. The README's screenshots come from here (UPDATE_SCREENSHOTS=1 writes them to docs/images).
import { existsSync, mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { chromium, type Browser, type Page } from "playwright-core";
import pino from "pino";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRegionLookup } from "../../src/domain/regions/createRegionLookup.js";
import { createDashboardServer } from "../../src/web/createDashboardServer.js";
import { seedStats } from "../domain/stats/seedStats.js";
import { createTestApp, repoRoot, staffMember, type TestApp } from "../support/createTestApp.js";
import { CHROMIUM_PATH, requireChromium } from "../support/requireChromium.js";

const available = requireChromium();
const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");
const screenshots = process.env.UPDATE_SCREENSHOTS === "1" ? join(repoRoot, "docs", "images") : join(tmpdir(), "relawan-dashboard-screenshots");

let app: TestApp;
let server: FastifyInstance;
let browser: Browser;
let base: string;

beforeAll(async () => {
  if (!available) return;
  app = await createTestApp();
  // Real time: the browser keeps the session cookie only until its real expiry.
  app.clock.now = new Date();
  await seedStats(app.db);
  const [launched, regions] = await Promise.all([chromium.launch({ executablePath: CHROMIUM_PATH, args: ["--no-sandbox"] }), createRegionLookup()]);
  browser = launched;
  server = await createDashboardServer({
    db: app.db,
    translator: app.deps.translator,
    regions,
    timeZone: app.deps.timeZone,
    clock: () => new Date(),
    logger: pino({ level: "silent" }),
    url: "http://127.0.0.1",
    sessionHours: 12,
    consentTextVersion: app.deps.campaign.campaign.consentTextVersion,
    activeVolunteerDays: 30,
  });
  await server.listen({ port: 0, host: "127.0.0.1" });
  base = `http://127.0.0.1:${(server.server.address() as { port: number }).port}`;
  app.deps.dashboardUrl = base;
  app.restart();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
  await app?.close();
});

/** No serious or critical accessibility problem on the page, per axe-core. */
async function expectAccessible(page: Page): Promise<void> {
  // Evaluated through the debugging protocol: the page's own CSP rightly refuses an inline script tag.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // Runs in the page: globalThis is its window, where axe-core was just loaded.
    const result = await (globalThis as unknown as { axe: { run(): Promise<{ violations: { id: string; impact: string; nodes: unknown[] }[] }> } }).axe.run();
    return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id} (${v.nodes.length})`);
  });
  expect(violations, page.url()).toEqual([]);
}

// A whole journey in a real browser: generous, so a loaded CI machine does not cut it short (it measures nothing).
describe.skipIf(!available)("the dashboard in Chromium", { timeout: 90_000 }, () => {
  it("signs in through the link, shows the overview, switches language, reads the audit log, signs out", async () => {
    const admin = await staffMember(app, "admin", "9301");
    const reply = (await admin.say("/dasbor"))[0]!.text;
    const link = /http:\/\/127\.0\.0\.1:\d+\/masuk\?token=[A-Za-z0-9_-]+/.exec(reply)![0];

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "id-ID" });
    const page = await context.newPage();
    const external: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(base) && !request.url().startsWith("data:")) external.push(request.url());
    });
    await page.goto(link);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Masuk" }).click();
    await expect.poll(() => page.url()).toBe(`${base}/`);
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Ringkasan kampanye");
    expect(await page.locator("[data-figure=contacts] .value").textContent()).toMatch(/^\d+$/);
    expect(await page.locator("[data-chart] svg").count()).toBe(2);
    await expectAccessible(page);
    mkdirSync(screenshots, { recursive: true });
    await page.screenshot({ path: join(screenshots, "dashboard-overview.png"), fullPage: true });

    await page.getByRole("link", { name: "EN" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Campaign overview");

    await page.getByRole("link", { name: "Audit log" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Audit log");
    expect(await page.locator("tbody tr").count()).toBeGreaterThan(0);
    await page.selectOption("select[name=aksi]", "dashboard.signin");
    await page.getByRole("button", { name: "Filter" }).click();
    await expect.poll(() => page.locator("tbody tr").count()).toBe(1);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("You have signed out");
    await page.goto(`${base}/`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Please sign in through the bot");
    await expectAccessible(page);
    expect(external).toEqual([]);
    await context.close();
  });

  it("opens the map, clicks a province and sees its regencies", async () => {
    const coordinator = await staffMember(app, "coordinator", "9303");
    const link = /http:\/\/127\.0\.0\.1:\d+\/masuk\?token=[A-Za-z0-9_-]+/.exec((await coordinator.say("/dasbor"))[0]!.text)![0];
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "id-ID" });
    const page = await context.newPage();
    await page.goto(link);
    await page.getByRole("button", { name: "Masuk" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Ringkasan kampanye");
    await page.getByRole("link", { name: "Peta" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Peta wilayah");
    expect(await page.locator("figure.map svg a path title").count()).toBe(38);
    await expectAccessible(page);
    // The province on the map itself, not the table's row.
    await page.locator('figure.map svg a[href="/map?figure=coverage&region=32"]').dispatchEvent("click");
    await expect.poll(() => page.url()).toBe(`${base}/map?figure=coverage&region=32`);
    expect(await page.getByRole("link", { name: "Kota Bandung" }).count()).toBe(1);
    expect(await page.locator("nav.trail").textContent()).toContain("Jawa Barat");
    await expectAccessible(page);
    await context.close();
  });

  it("fits a 360-pixel phone screen without sideways scrolling", async () => {
    const admin = await staffMember(app, "coordinator", "9302");
    const link = /http:\/\/127\.0\.0\.1:\d+\/masuk\?token=[A-Za-z0-9_-]+/.exec((await admin.say("/dasbor"))[0]!.text)![0];
    const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 2, isMobile: true, hasTouch: true });
    const page = await context.newPage();
    await page.goto(link);
    await page.getByRole("button", { name: "Masuk" }).click();
    await expect.poll(() => page.getByRole("heading", { level: 1 }).textContent()).toBe("Ringkasan kampanye");
    expect(await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    // A coordinator is not shown the admins' audit log.
    expect(await page.getByRole("link", { name: "Log audit" }).count()).toBe(0);
    await page.screenshot({ path: join(screenshots, "dashboard-phone.png"), fullPage: true });
    expect(existsSync(join(screenshots, "dashboard-phone.png"))).toBe(true);
    await context.close();
  });
});
