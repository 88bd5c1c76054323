// `relawan dashboard link --user ...` and the terminal-chat demo's printed link: the same one-time
// links /dasbor sends, for the first admin on the server.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/runCli.js";
import { openDatabase } from "../../src/db/client.js";
import { createTestApp, onboard, person, repoRoot, staffMember, type TestApp } from "../support/createTestApp.js";
import { createDashboardClient } from "../support/dashboardClient.js";

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.close();
});

async function cli(args: string[], env: Record<string, string>) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, { env: { DATABASE_URL: app.dbUrl, ...env }, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, clock: () => app.clock.now });
  return { code, stdout, stderr };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

describe("relawan dashboard link", () => {
  it("prints a link for an admin that signs in once, audited with actor cli", async () => {
    await staffMember(app, "admin", "9101");
    const env = { TELEGRAM_BOT_TOKEN: "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ", DASHBOARD_PORT: "8123", DASHBOARD_URL: "https://dasbor.example.org/" };
    const printed = await cli(["dashboard", "link", "--user", "9101"], env);
    expect(printed.stderr).toBe("");
    expect(printed.code).toBe(0);
    // In DEFAULT_LANGUAGE, the end of its life in TIMEZONE with the zone named.
    expect(printed.stdout).toMatch(/^Tautan masuk untuk .+ \(admin\), sekali pakai, berlaku sampai .+ WIB:\nhttps:\/\/dasbor/);
    const link = /https:\/\/dasbor\.example\.org\/masuk\?token=([A-Za-z0-9_-]+)/.exec(printed.stdout)!;
    expect(link).not.toBeNull();
    const browser = await createDashboardClient(app, { url: "https://dasbor.example.org" });
    await browser.get(`/masuk?token=${link[1]}`);
    expect((await browser.post("/masuk", { token: link[1]! })).statusCode).toBe(303);
    expect((await browser.get("/")).statusCode).toBe(200);
    await browser.close();
    expect(await app.db.auditEntry.findFirst({ where: { action: "dashboard.link", actor: "cli" } })).not.toBeNull();
  });

  it("refuses a voter, an unknown user, and a server with the dashboard off", async () => {
    await onboard(person(app, "telegram", "9102"));
    const env = { TELEGRAM_BOT_TOKEN: "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ", DASHBOARD_PORT: "8123" };
    const voter = await cli(["dashboard", "link", "--user", "9102", "--lang", "en"], env);
    expect(voter.code).toBe(1);
    expect(voter.stderr).toContain("not an admin or coordinator");
    expect((await cli(["dashboard", "link", "--user", "9102"], env)).stderr).toContain("bukan admin atau koordinator");
    const unknown = await cli(["dashboard", "link", "--user", "9999999"], { ...env, DEFAULT_LANGUAGE: "en" });
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("No contact found");
    const off = await cli(["dashboard", "link", "--user", "9102"], { TELEGRAM_BOT_TOKEN: "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ" });
    expect(off.code).toBe(1);
    expect(off.stderr).toContain("DASHBOARD_PORT");
    expect(await app.db.dashboardLink.count()).toBe(0);
  });
});

describe("npm start in the demo", () => {
  it("serves the dashboard and prints a sign-in link that works, for the person at the terminal, who is the admin of the chat", async () => {
    const dir = mkdtempSync(join(tmpdir(), "relawan-dashboard-"));
    const port = await freePort();
    const child = spawn(process.execPath, ["bin/relawan.js", "start"], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", DATABASE_URL: `file:${join(dir, "r.db")}`, DASHBOARD_PORT: String(port) },
      stdio: ["pipe", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += String(chunk)));
    child.stderr.on("data", (chunk) => (stderr += String(chunk)));
    try {
      const deadline = Date.now() + 50_000;
      while (!/masuk\?token=\S+/.test(stdout) && Date.now() < deadline && child.exitCode === null) await new Promise((r) => setTimeout(r, 100));
      expect(stdout).toContain(`Dasbor staf di peramban: http://127.0.0.1:${port}`);
      expect(stdout).toContain("Masuk ke dasbor dengan tautan ini sebagai dirimu sendiri, admin di obrolan ini");
      const link = new URL(/http:\/\/\S+\/masuk\?token=\S+/.exec(stdout)![0]);
      const page = await fetch(link);
      expect(page.status).toBe(200);
      const csrfCookie = page.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
      const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())![1]!;
      const signIn = await fetch(new URL("/masuk", link), {
        method: "POST",
        redirect: "manual",
        headers: { cookie: csrfCookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ _csrf: csrf, token: link.searchParams.get("token")! }),
      });
      expect(signIn.status).toBe(303);
      const session = signIn.headers.getSetCookie().find((c) => c.startsWith("relawan_session="))!.split(";")[0]!;
      const overview = await fetch(new URL("/", link), { headers: { cookie: session } });
      expect(overview.status).toBe(200);
      expect(await overview.text()).toContain("Ringkasan kampanye");
      // One admin, the one chatting at the terminal: the dashboard's audit entries name the same actor as the chat's.
      const db = await openDatabase(`file:${join(dir, "r.db")}`);
      try {
        const admins = await db.contact.findMany({ where: { role: "admin" }, select: { id: true, identities: { select: { channel: true, externalId: true } } } });
        expect(admins).toEqual([{ id: expect.any(String), identities: [{ channel: "console", externalId: userInfo().username || "local" }] }]);
        expect((await db.dashboardSession.findMany({ select: { contactId: true } })).map((s) => s.contactId)).toEqual([admins[0]!.id]);
        expect((await db.auditEntry.findFirst({ where: { action: "dashboard.signin" }, select: { actor: true } }))?.actor).toBe(admins[0]!.id);
      } finally {
        await db.$disconnect();
      }
    } finally {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.stdin.end("/quit\n");
      expect(await exited).toBe(0);
      rmSync(dir, { recursive: true, force: true });
    }
    expect(stderr).toBe("");
  }, 90_000);
});

describe("relawan start --role dashboard", () => {
  it("serves only the dashboard: no terminal chat, no channels, and stops cleanly", async () => {
    const dir = mkdtempSync(join(tmpdir(), "relawan-dashboard-"));
    const port = await freePort();
    const child = spawn(process.execPath, ["bin/relawan.js", "start", "--role", "dashboard"], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", DATABASE_URL: `file:${join(dir, "r.db")}`, DASHBOARD_PORT: String(port), LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => (stdout += String(chunk)));
    child.stderr.on("data", (chunk) => (stderr += String(chunk)));
    try {
      let status = 0;
      const deadline = Date.now() + 50_000;
      while (status === 0 && Date.now() < deadline && child.exitCode === null) {
        status = await fetch(`http://127.0.0.1:${port}/`).then((r) => r.status, () => 0);
        if (status === 0) await new Promise((r) => setTimeout(r, 200));
      }
      expect(status).toBe(401);
      expect(stdout).not.toContain("obrolan terminal");
    } finally {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      rmSync(dir, { recursive: true, force: true });
    }
    expect(stderr).toBe("");
  }, 90_000);

  it("needs DASHBOARD_PORT", async () => {
    const result = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      const child = spawn(process.execPath, ["bin/relawan.js", "start", "--role", "dashboard"], { cwd: repoRoot, env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp" }, stdio: ["ignore", "ignore", "pipe"] });
      let stderr = "";
      child.stderr.on("data", (chunk) => (stderr += String(chunk)));
      child.once("exit", (code) => resolve({ code, stderr }));
    });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("DASHBOARD_PORT: required for the dashboard role");
  }, 60_000);
});

