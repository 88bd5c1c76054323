// Every page and action listed in dashboardPages, whoever adds it: without a session, with a voter's
// session, with a coordinator's session where only admins may, and every form without or with a
// wrong CSRF token. Nothing is done and the page says why.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hashToken } from "../../src/domain/dashboard/hashToken.js";
import { hasPermission } from "../../src/domain/staff/hasPermission.js";
import { dashboardPages } from "../../src/web/dashboardPages.js";
import type { DashboardPage } from "../../src/web/dashboardTypes.js";
import { contactOf, createTestApp, onboard, person, staffMember, type TestApp } from "../support/createTestApp.js";
import { createDashboardClient, DASHBOARD_URL, type DashboardClient } from "../support/dashboardClient.js";

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

const guarded = dashboardPages.filter((page) => page.permission !== null);
/** The page's address with any :parameter filled in (the role check comes before the page reads it). */
const addressOf = (page: DashboardPage) => page.url.replace(/:\w+/g, "x");
const request = (client: DashboardClient, page: DashboardPage) => (page.method === "GET" ? client.get(addressOf(page)) : client.post(addressOf(page), {}));

/** A form token this browser may use: the sign-in page carries one for anyone. */
async function takeCsrfToken(client: DashboardClient): Promise<void> {
  const page = await client.get("/masuk?token=anything");
  expect(page.body).toContain('name="_csrf"');
}

describe("every page and action of the dashboard", () => {
  it("has pages and actions to check", () => {
    expect(guarded.filter((p) => p.method === "GET").length).toBeGreaterThan(5);
    expect(guarded.filter((p) => p.method === "POST").length).toBeGreaterThan(3);
  });

  it("without a session answers 401 and 'send /dasbor to the bot', a form with a valid CSRF token too", async () => {
    await takeCsrfToken(browser);
    const before = await app.db.auditEntry.count();
    for (const page of guarded) {
      const response = await request(browser, page);
      expect(response.statusCode, `${page.method} ${page.url}`).toBe(401);
      expect(response.body, `${page.method} ${page.url}`).toContain("/dasbor");
    }
    expect(await app.db.auditEntry.count()).toBe(before);
  });

  it("with a voter's session answers 401, ends that session, and does nothing", async () => {
    const voter = person(app, "telegram", "7301");
    await onboard(voter);
    const contactId = (await contactOf(app, "telegram", "7301")).id;
    await takeCsrfToken(browser);
    const before = await app.db.auditEntry.count();
    for (const [index, page] of guarded.entries()) {
      // A session row for a voter (which sign-in never makes): each is deleted at its first use.
      const token = `voter-session-${index}`.padEnd(43, "v");
      await app.db.dashboardSession.create({ data: { tokenHash: hashToken(token), contactId, createdAt: app.clock.now, expiresAt: new Date(app.clock.now.getTime() + 3_600_000) } });
      browser.cookies.set("relawan_session", token);
      const response = await request(browser, page);
      expect(response.statusCode, `${page.method} ${page.url}`).toBe(401);
      expect(await app.db.dashboardSession.count(), `${page.method} ${page.url}`).toBe(0);
    }
    expect(await app.db.auditEntry.count()).toBe(before);
  });

  it("with a coordinator's session refuses every admin-only page and action with 403 naming the action, audited as denied", async () => {
    const adminOnly = guarded.filter((page) => !hasPermission("coordinator", page.permission!));
    expect(adminOnly.map((p) => `${p.method} ${p.url}`)).toEqual(expect.arrayContaining(["GET /audit", "POST /orang/:id/hapus", "GET /orang/ekspor.xlsx"]));
    await browser.signIn(await staffMember(app, "coordinator", "7302"));
    await browser.get("/");
    const t = app.deps.translator.forLanguage("id");
    for (const page of adminOnly) {
      const response = await request(browser, page);
      expect(response.statusCode, `${page.method} ${page.url}`).toBe(403);
      const action = t(`dashboard:permission.${page.permission!.replace(".", "_")}`);
      expect(response.body.replaceAll("&#39;", "'"), `${page.method} ${page.url}`).toContain(`Hanya admin yang boleh ${action}`);
    }
    const denied = await app.db.auditEntry.findMany({ where: { action: "denied" }, select: { target: true } });
    expect(denied.map((d) => d.target).sort()).toEqual(adminOnly.map((p) => `${p.method} ${p.url}`).sort());
  });

  it("refuses every form without its CSRF token or with a wrong one (403), even an admin's, and does nothing", async () => {
    await browser.signIn(await staffMember(app, "admin", "7303"));
    await browser.get("/");
    const before = await app.db.auditEntry.count();
    for (const page of dashboardPages.filter((p) => p.method === "POST")) {
      for (const csrf of [null, "wrong-token"]) {
        const response = await browser.post(addressOf(page), {}, { csrf });
        expect(response.statusCode, `${page.url} ${csrf}`).toBe(403);
        expect(response.body, `${page.url} ${csrf}`).toContain("kedaluwarsa");
      }
    }
    expect(await app.db.auditEntry.count()).toBe(before);
    // The session is still there: the refused /keluar did not sign out.
    expect((await browser.get("/")).statusCode).toBe(200);
  });
});
