// Who gets into the dashboard: sign-in links from /dasbor (one use, 10 minutes, one person), the
// session cookie, the chat's roles on every request, CSRF on every form, and the audit trail.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hashToken } from "../../src/domain/dashboard/hashToken.js";
import { staffPermissions } from "../../src/domain/staff/hasPermission.js";
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

function linkIn(texts: string[]): string {
  const link = /http:\/\/dasbor\.test\/masuk\?token=[A-Za-z0-9_-]{40,}/.exec(texts.join("\n"))?.[0];
  if (!link) throw new Error(`no link in ${texts.join(" | ")}`);
  return link;
}

async function linkFor(member: ReturnType<typeof person>): Promise<{ path: string; token: string }> {
  const link = linkIn((await member.say("/dasbor")).map((r) => r.text));
  return { path: link.slice(DASHBOARD_URL.length), token: new URL(link).searchParams.get("token")! };
}

async function useLink(client: DashboardClient, link: { path: string; token: string }) {
  await client.get(link.path);
  return client.post("/masuk", { token: link.token });
}

describe("signing in", () => {
  it("sends a coordinator a one-time link that opens a button, then a session cookie and the overview", async () => {
    const coordinator = await staffMember(app, "coordinator", "7001");
    const replies = await coordinator.say("/dasbor");
    expect(replies).toHaveLength(1);
    expect(replies[0]!.text).toContain("10 menit");
    const link = linkIn([replies[0]!.text]);
    // Only the hash is stored: the token itself appears nowhere in the database.
    const token = new URL(link).searchParams.get("token")!;
    const stored = await app.db.dashboardLink.findFirstOrThrow();
    expect(stored.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(stored)).not.toContain(token);

    const page = await browser.get(link.slice(DASHBOARD_URL.length));
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('action="/masuk"');
    // Opening the page (a chat app's link preview does this) does not spend the link.
    expect((await app.db.dashboardLink.findFirstOrThrow()).usedAt).toBeNull();

    const signedIn = await browser.post("/masuk", { token });
    expect(signedIn.statusCode).toBe(303);
    expect(signedIn.headers.location).toBe("/");
    const cookie = String(signedIn.headers["set-cookie"]).split(/,(?=\s*relawan)/).find((c) => c.includes("relawan_session="))!;
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    expect(cookie).toMatch(/Expires=/);
    const session = await app.db.dashboardSession.findFirstOrThrow();
    expect(session.expiresAt.getTime() - app.clock.now.getTime()).toBe(12 * 3_600_000);
    expect(session.tokenHash).toBe(hashToken(browser.cookies.get("relawan_session")!));

    const overview = await browser.get("/");
    expect(overview.statusCode).toBe(200);
    expect(overview.body).toContain("Ringkasan kampanye");
    const actions = (await app.db.auditEntry.findMany({ where: { action: { startsWith: "dashboard." } }, orderBy: { at: "asc" } })).map((e) => e.action);
    expect(actions).toEqual(["dashboard.link", "dashboard.signin"]);
  });

  it("makes the cookie Secure when DASHBOARD_URL is https", async () => {
    const secureApp = await createTestApp({ dashboardUrl: "https://dasbor.example.org" });
    const secure = await createDashboardClient(secureApp);
    try {
      const admin = await staffMember(secureApp, "admin", "7002");
      const link = /https:\/\/dasbor\.example\.org(\/masuk\?token=([A-Za-z0-9_-]+))/.exec((await admin.say("/dasbor"))[0]!.text)!;
      await secure.get(link[1]!);
      const response = await secure.post("/masuk", { token: link[2]! });
      expect(String(response.headers["set-cookie"])).toMatch(/relawan_session=[^;]+;.*Secure/);
      expect(response.headers["strict-transport-security"]).toBeDefined();
    } finally {
      await secure.close();
      await secureApp.close();
    }
  });

  it("refuses a used link, an expired link, a made-up one, and a link whose person lost the role", async () => {
    const coordinator = await staffMember(app, "coordinator", "7003");
    const first = await linkFor(coordinator);
    expect((await useLink(browser, first)).statusCode).toBe(303);
    const again = await createDashboardClient(app);
    const reused = await useLink(again, first);
    expect(reused.statusCode).toBe(401);
    expect(reused.body).toContain("sudah dipakai");
    expect(again.cookies.has("relawan_session")).toBe(false);

    const late = await linkFor(coordinator);
    app.clock.advance(10 * 60_000 + 1);
    const expired = await useLink(again, late);
    expect(expired.statusCode).toBe(401);
    expect(expired.body).toContain("kedaluwarsa");

    const madeUp = await again.post("/masuk", { token: "A".repeat(43) });
    expect(madeUp.statusCode).toBe(401);
    expect(madeUp.body).toContain("tidak dikenal");
    const huge = await again.post("/masuk", { token: "x".repeat(50_000) });
    expect(huge.statusCode).toBe(401);

    const admin = await staffMember(app, "admin", "7004");
    const pending = await linkFor(coordinator);
    await admin.say("/staff remove 7003 coordinator");
    expect((await contactOf(app, "telegram", "7003")).role).toBeNull();
    const revoked = await useLink(again, pending);
    expect(revoked.statusCode).toBe(401);
    await again.close();
  });

  it("gives a voter or a volunteer no link, exactly like an unknown command", async () => {
    const voter = person(app, "telegram", "7005");
    await onboard(voter);
    const unknown = (await voter.say("/zzzunknown")).map((r) => r.text.replace("/zzzunknown", "/dasbor"));
    expect((await voter.say("/dasbor")).map((r) => r.text)).toEqual(unknown);
    expect(await app.db.dashboardLink.count()).toBe(0);
    const denied = await app.db.auditEntry.findFirstOrThrow({ where: { action: "denied" } });
    expect(denied.target).toBe("/dasbor");
  });

  it("says the dashboard is off when no DASHBOARD_URL is served", async () => {
    const offApp = await createTestApp();
    try {
      const admin = await staffMember(offApp, "admin", "7006");
      expect((await admin.say("/dashboard"))[0]!.text).toContain("DASHBOARD_PORT");
      expect(await offApp.db.dashboardLink.count()).toBe(0);
    } finally {
      await offApp.close();
    }
  });
});

describe("every request checks the role", () => {
  // Every page and action without a session, with a voter's session, a coordinator's on admin-only
  // ones, and every form without its CSRF token: dashboardRouteGuards.test.ts.
  it("refuses a coordinator the admin-only audit log with 403, logged as denied", async () => {
    const coordinator = await staffMember(app, "coordinator", "7008");
    await browser.signIn(coordinator);
    const response = await browser.get("/audit");
    expect(response.statusCode).toBe(403);
    expect(response.body).toContain("bukan untuk peran Anda");
    // What is true for this action, from the domain's refusal, not a blanket "admins only".
    expect(response.body).toContain("Hanya admin yang boleh membaca log audit, sama seperti di obrolan; Anda masuk sebagai koordinator.");
    const denied = await app.db.auditEntry.findFirstOrThrow({ where: { action: "denied" } });
    expect(denied).toMatchObject({ actor: (await contactOf(app, "telegram", "7008")).id, target: "GET /audit" });
    expect(response.body).not.toContain('href="/audit"');
    await browser.get("/bahasa/en?kembali=/");
    const erase = await browser.get("/orang/x/hapus");
    expect(erase.statusCode).toBe(403);
    expect(erase.body).toContain("Only admins may carry out a person&#39;s deletion request, as in the chat; you are signed in as coordinator.");
    expect((await browser.get("/orang/ekspor.xlsx")).body).toContain("Only admins may export contact lists");
  });

  it("has words for every permission and every staff role on the refusal page, in each language", () => {
    for (const language of app.deps.translator.languages) {
      const t = app.deps.translator.forLanguage(language);
      // i18next answers a missing key with the key itself.
      const said = (key: string) => expect(t(`dashboard:${key}`), `${language} ${key}`).not.toBe(key);
      for (const [role, held] of Object.entries(staffPermissions)) {
        said(`roles.${role}`);
        for (const permission of held) said(`permission.${permission.replace(".", "_")}`);
      }
    }
  });

  it("ends the session at the next request when the role is taken away, and after the set hours", async () => {
    const admin = await staffMember(app, "admin", "7009");
    const coordinator = await staffMember(app, "coordinator", "7010");
    await browser.signIn(coordinator);
    expect((await browser.get("/")).statusCode).toBe(200);
    await admin.say("/staff remove 7010 coordinator");
    const after = await browser.get("/");
    expect(after.statusCode).toBe(401);
    expect(await app.db.dashboardSession.count({ where: { contactId: (await contactOf(app, "telegram", "7010")).id } })).toBe(0);

    const other = await createDashboardClient(app);
    await other.signIn(admin);
    app.clock.advance(12 * 3_600_000);
    expect((await other.get("/")).statusCode).toBe(401);
    await other.close();
  });
});

describe("forms", () => {
  it("refuses a POST without a CSRF token or with a wrong one (403), and signs out with the right one", async () => {
    const admin = await staffMember(app, "admin", "7011");
    await browser.signIn(admin);
    await browser.get("/");
    const missing = await browser.post("/keluar", {}, { csrf: null });
    expect(missing.statusCode).toBe(403);
    expect(missing.body).toContain("kedaluwarsa");
    const wrong = await browser.post("/keluar", {}, { csrf: "wrong-token" });
    expect(wrong.statusCode).toBe(403);
    expect((await browser.get("/")).statusCode).toBe(200);
    const out = await browser.post("/keluar", {});
    expect(out.statusCode).toBe(200);
    expect(out.body).toContain("sudah keluar");
    expect(browser.cookies.has("relawan_session")).toBe(false);
    expect(await app.db.dashboardSession.count()).toBe(0);
    const audit = await app.db.auditEntry.findFirstOrThrow({ where: { action: "dashboard.signout" } });
    expect(audit.actor).toBe((await contactOf(app, "telegram", "7011")).id);
  });

  it("/dasbor keluar in the chat signs out every browser and spends unused links", async () => {
    const admin = await staffMember(app, "admin", "7012");
    await browser.signIn(admin);
    const second = await createDashboardClient(app);
    await second.signIn(admin);
    const unused = await linkFor(admin);
    const reply = await admin.say("/dasbor keluar");
    expect(reply[0]!.text).toContain("di 2 peramban");
    expect((await browser.get("/")).statusCode).toBe(401);
    expect((await second.get("/")).statusCode).toBe(401);
    expect((await useLink(second, unused)).statusCode).toBe(401);
    await second.close();
  });
});

describe("the pages themselves", () => {
  it("send a strict Content-Security-Policy with no outside sources, and serve their own assets", async () => {
    const response = await browser.get("/");
    const csp = String(response.headers["content-security-policy"]);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/https?:|unsafe-inline/);
    const css = await browser.get("/assets/dashboard.css");
    expect(css.statusCode).toBe(200);
    expect(css.headers["content-type"]).toMatch(/text\/css/);
    expect(css.body).not.toMatch(/@import|url\(\s*["']?https?:/);
  });

  it("answers an unknown address with a page, not a stack trace", async () => {
    const response = await browser.get("/tidak-ada?x=<script>");
    expect(response.statusCode).toBe(404);
    expect(response.body).toContain("Halaman tidak ditemukan");
    expect(response.body).not.toContain("<script>");
  });

  it("switches the language with a link, and only back to a page of the dashboard", async () => {
    const admin = await staffMember(app, "admin", "7013");
    await browser.signIn(admin);
    const switched = await browser.get("/bahasa/en?kembali=/audit");
    expect(switched.statusCode).toBe(303);
    expect(switched.headers.location).toBe("/audit");
    expect((await browser.get("/")).body).toContain("Campaign overview");
    expect((await browser.get("/bahasa/id?kembali=//evil.example")).headers.location).toBe("/");
    expect((await browser.get("/")).body).toContain("Ringkasan kampanye");
  });
});
