// The dashboard served on a real port over a TestApp, and Debian's Chromium driven by playwright-core:
// what the browser journeys share. Waits have no time limit of their own (the describe's timeout
// is the only one), so a loaded machine makes a journey slower, never red.
import { mkdirSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Page } from "playwright-core";
import pino from "pino";
import { expect } from "vitest";
import { createRegionLookup } from "../../src/domain/regions/createRegionLookup.js";
import { createDashboardServer } from "../../src/web/createDashboardServer.js";
import { createTestApp, repoRoot, type TestApp, type Voter } from "./createTestApp.js";
import { CHROMIUM_PATH } from "./requireChromium.js";

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/** Where screenshots go: docs/images with UPDATE_SCREENSHOTS=1 (the README's), a temporary folder otherwise. */
export const screenshots = process.env.UPDATE_SCREENSHOTS === "1" ? join(repoRoot, "docs", "images") : join(tmpdir(), "relawan-dashboard-screenshots");

export interface DashboardInChromium {
  app: TestApp;
  server: FastifyInstance;
  browser: Browser;
  /** http://127.0.0.1:<port>, where /dasbor's links point. */
  base: string;
  close(): Promise<void>;
}

export async function startDashboardInChromium(seed?: (app: TestApp) => Promise<void>): Promise<DashboardInChromium> {
  const app = await createTestApp();
  // Real time: the browser keeps the session cookie only until its real expiry.
  app.clock.now = new Date();
  if (seed) await seed(app);
  const [browser, regions] = await Promise.all([chromium.launch({ executablePath: CHROMIUM_PATH, args: ["--no-sandbox"] }), createRegionLookup()]);
  const server = await createDashboardServer({
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
    faq: app.deps.faq,
    campaign: app.deps.campaign,
  });
  await server.listen({ port: 0, host: "127.0.0.1" });
  const base = `http://127.0.0.1:${(server.server.address() as { port: number }).port}`;
  app.deps.dashboardUrl = base;
  app.restart();
  mkdirSync(screenshots, { recursive: true });
  return {
    app,
    server,
    browser,
    base,
    async close() {
      await browser.close();
      await server.close();
      await app.close();
    },
  };
}

/** The link /dasbor sends this staff member, read from the bot's reply. */
export async function dashboardLinkFor(member: Voter): Promise<string> {
  const reply = (await member.say("/dasbor")).map((r) => r.text).join("\n");
  const link = /http:\/\/127\.0\.0\.1:\d+\/masuk\?token=[A-Za-z0-9_-]+/.exec(reply)?.[0];
  if (!link) throw new Error(`no sign-in link in: ${reply}`);
  return link;
}

/** A new browser window signed in as this staff member, the way staff do it: /dasbor, open the link, press "Masuk". */
export async function signInInChromium(dashboard: DashboardInChromium, member: Voter, options: BrowserContextOptions = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await dashboard.browser.newContext({ viewport: { width: 1280, height: 900 }, locale: "id-ID", ...options });
  context.setDefaultTimeout(0);
  const page = await context.newPage();
  await page.goto(await dashboardLinkFor(member));
  await page.getByRole("button", { name: "Masuk" }).click();
  await page.waitForURL(`${dashboard.base}/`);
  return { context, page };
}

/** The page's main heading, once it reads `text` (after a click that navigates). */
export async function waitForHeading(page: Page, text: string): Promise<void> {
  await page.getByRole("heading", { level: 1, name: text, exact: true }).waitFor();
}

/** No serious or critical accessibility problem on the page, per axe-core. */
export async function expectAccessible(page: Page): Promise<void> {
  // Evaluated through the debugging protocol: the page's own CSP rightly refuses an inline script tag.
  await page.evaluate(axeSource);
  const violations = await page.evaluate(async () => {
    // Runs in the page: globalThis is its window, where axe-core was just loaded.
    type Violation = { id: string; impact: string; nodes: { target: string[] }[] };
    const result = await (globalThis as unknown as { axe: { run(): Promise<{ violations: Violation[] }> } }).axe.run();
    return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
  });
  expect(violations, page.url()).toEqual([]);
}

/** The page is no wider than the phone's screen (nothing to scroll sideways). */
export async function expectNoSidewaysScroll(page: Page, width: number): Promise<void> {
  const scrollWidth = await page.evaluate(() => (globalThis as unknown as { document: { documentElement: { scrollWidth: number } } }).document.documentElement.scrollWidth);
  expect(scrollWidth, page.url()).toBeLessThanOrEqual(width);
}
