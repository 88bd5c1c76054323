// The dashboard in a real Chromium (Debian's, driven by playwright-core): sign in through the link
// /dasbor sends, see the overview, switch the language, read the audit log, sign out; axe-core on
// every page. The README's screenshots come from here (UPDATE_SCREENSHOTS=1 writes them to docs/images).
import { existsSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { seedStats } from "../domain/stats/seedStats.js";
import { staffMember } from "../support/createTestApp.js";
import {
  dashboardLinkFor,
  expectAccessible,
  expectNoSidewaysScroll,
  screenshots,
  signInInChromium,
  startDashboardInChromium,
  waitForHeading,
  type DashboardInChromium,
} from "../support/dashboardInChromium.js";
import { requireChromium } from "../support/requireChromium.js";

const available = requireChromium();
let dashboard: DashboardInChromium;
let app: DashboardInChromium["app"];
let browser: DashboardInChromium["browser"];
let base: string;

beforeAll(async () => {
  if (!available) return;
  dashboard = await startDashboardInChromium((seeded) => seedStats(seeded.db));
  ({ app, browser, base } = dashboard);
}, 60_000);

afterAll(async () => {
  await dashboard?.close();
});

// A whole journey in a real browser: generous, so a loaded CI machine does not cut it short (it measures nothing).
describe.skipIf(!available)("the dashboard in Chromium", { timeout: 90_000 }, () => {
  it("signs in through the link, shows the overview, switches language, reads the audit log, signs out", async () => {
    const admin = await staffMember(app, "admin", "9301");
    const link = await dashboardLinkFor(admin);

    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "id-ID" });
    context.setDefaultTimeout(0);
    const page = await context.newPage();
    const external: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(base) && !request.url().startsWith("data:")) external.push(request.url());
    });
    await page.goto(link);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Masuk" }).click();
    await page.waitForURL(`${base}/`);
    await waitForHeading(page, "Ringkasan kampanye");
    expect(await page.locator("[data-figure=contacts] .value").textContent()).toMatch(/^\d+$/);
    expect(await page.locator("[data-chart] svg").count()).toBe(2);
    await expectAccessible(page);
    await page.screenshot({ path: join(screenshots, "dashboard-overview.png"), fullPage: true });

    await page.getByRole("link", { name: "EN", exact: true }).click();
    await waitForHeading(page, "Campaign overview");

    await page.getByRole("link", { name: "Audit log" }).click();
    await waitForHeading(page, "Audit log");
    expect(await page.locator("tbody tr").count()).toBeGreaterThan(0);
    await page.selectOption("select[name=aksi]", "dashboard.signin");
    await page.getByRole("button", { name: "Filter" }).click();
    await page.waitForURL((url) => url.searchParams.get("aksi") === "dashboard.signin");
    expect(await page.locator("tbody tr").count()).toBe(1);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Sign out" }).click();
    await waitForHeading(page, "You have signed out");
    await page.goto(`${base}/`);
    await waitForHeading(page, "Please sign in through the bot");
    await expectAccessible(page);
    expect(external).toEqual([]);
    await context.close();
  });

  it("opens the map, clicks a province and sees its regencies", async () => {
    const { context, page } = await signInInChromium(dashboard, await staffMember(app, "coordinator", "9303"));
    await waitForHeading(page, "Ringkasan kampanye");
    await page.getByRole("link", { name: "Peta" }).click();
    await waitForHeading(page, "Peta wilayah");
    expect(await page.locator("figure.map svg a path title").count()).toBe(38);
    await expectAccessible(page);
    // The province on the map itself, not the table's row.
    await page.locator('figure.map svg a[href="/map?figure=coverage&region=32"]').dispatchEvent("click");
    await page.waitForURL(`${base}/map?figure=coverage&region=32`);
    expect(await page.getByRole("link", { name: "Kota Bandung" }).count()).toBe(1);
    expect(await page.locator("nav.trail").textContent()).toContain("Jawa Barat");
    await expectAccessible(page);
    await context.close();
  });

  it("fits a 360-pixel phone screen without sideways scrolling", async () => {
    const { context, page } = await signInInChromium(dashboard, await staffMember(app, "coordinator", "9302"), {
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    await waitForHeading(page, "Ringkasan kampanye");
    await expectNoSidewaysScroll(page, 360);
    // A coordinator is not shown the admins' audit log.
    expect(await page.getByRole("link", { name: "Log audit" }).count()).toBe(0);
    await expectAccessible(page);
    await page.screenshot({ path: join(screenshots, "dashboard-phone.png"), fullPage: true });
    expect(existsSync(join(screenshots, "dashboard-phone.png"))).toBe(true);
    await context.close();
  });
});
