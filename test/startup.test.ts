// `npm start` as a newcomer runs it (npm start is `node bin/relawan.js start`): bad settings stop it
// with exit code 2 and one line per problem, before the database file exists.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "./support/createTestApp.js";
import { startFakeBotApi, TEST_BOT_TOKEN } from "./support/fakeBotApi.js";

function start(env: Record<string, string>, input = "") {
  return spawnSync(process.execPath, ["bin/relawan.js", "start"], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...env },
    input,
    encoding: "utf8",
    timeout: 60_000,
  });
}

describe("start-up", () => {
  it("rejects an invalid setting with exit code 2, naming the variable, before touching the database", () => {
    const dir = mkdtempSync(join(tmpdir(), "relawan-start-"));
    const dbFile = join(dir, "relawan.db");
    const result = start({ DATABASE_URL: `file:${dbFile}`, TIMEZONE: "Mars/Olympus", TELEGRAM_BOT_TOKEN: "not-a-token" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('Configuration error: TIMEZONE: expected an IANA time zone like Asia/Jakarta, Asia/Makassar or Asia/Jayapura (got "Mars/Olympus")');
    expect(result.stderr).toContain("Configuration error: TELEGRAM_BOT_TOKEN: expected a BotFather token");
    expect(result.stderr).not.toContain("not-a-token");
    expect(existsSync(dbFile)).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });

  it("stops with one line when ADMIN_PHONES holds something that is not a mobile number", () => {
    const dir = mkdtempSync(join(tmpdir(), "relawan-start-"));
    const result = start({ DATABASE_URL: `file:${join(dir, "r.db")}`, ADMIN_PHONES: "0812 3456 7890, 021 555 1234" });
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('Configuration error: ADMIN_PHONES: "021 555 1234" is not a mobile number (DEFAULT_COUNTRY is ID; write +<country code> for another country).\n');
    rmSync(dir, { recursive: true, force: true });
  });

  it("requires a webhook secret when a webhook URL is set", () => {
    const result = start({ TELEGRAM_BOT_TOKEN: "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZ", TELEGRAM_WEBHOOK_URL: "https://bot.example.org/telegram/webhook" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("TELEGRAM_WEBHOOK_SECRET: required when TELEGRAM_WEBHOOK_URL is set");
  });

  it("opens the terminal chat with no token: migrates a fresh SQLite file, greets, answers, and quits cleanly", () => {
    const dir = mkdtempSync(join(tmpdir(), "relawan-start-"));
    const dbFile = join(dir, "nested", "relawan.db");
    const result = start({ DATABASE_URL: `file:${dbFile}` }, "2\n1\n1\n/quit\n");
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("Relawan — obrolan terminal");
    // The demo's operator is an admin, and the screen says so.
    expect(result.stdout).toContain("Di demo ini kamu juga admin: ketik /help untuk perintah staf");
    expect(result.stdout).toContain("asisten otomatis (bot) dari Tim Relawan Nusa Bakti (DEMO)");
    expect(result.stdout).toMatch(/1\. Bahasa Indonesia\n\s+2\. English/);
    expect(result.stdout).toContain("May Nusa Bakti Volunteer Team (DEMO) send you campaign updates");
    expect(result.stdout).toContain("About Nusa Bakti (a fictional candidate)");
    // After the switch to English the terminal's own words are English too.
    const afterSwitch = result.stdout.slice(result.stdout.indexOf("May Nusa Bakti"));
    expect(afterSwitch).toContain("(reply with a number)");
    expect(afterSwitch).not.toContain("(balas dengan angka)");
    expect(result.stdout).toContain("Goodbye!");
    expect(result.stdout).not.toContain("Sampai jumpa!");
    expect(existsSync(dbFile)).toBe(true);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe("start-up with Telegram", () => {
  it("serves a real Telegram bot through TELEGRAM_API_ROOT and answers /start", async () => {
    const { spawn } = await import("node:child_process");
    const { textMessage } = await import("./channels/telegram/updates.js");
    const api = await startFakeBotApi();
    const dir = mkdtempSync(join(tmpdir(), "relawan-start-"));
    const child = spawn(process.execPath, ["bin/relawan.js", "start"], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", DATABASE_URL: `file:${join(dir, "r.db")}`, TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN, TELEGRAM_API_ROOT: api.url, LOG_LEVEL: "warn" },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += String(chunk)));
    try {
      await api.waitFor((rs) => rs.some((r) => r.method === "getUpdates"), 30_000);
      api.pushUpdate(textMessage("/start"));
      const greeting = await api.waitFor((rs) => rs.find((r) => r.method === "sendMessage"), 10_000);
      expect(String((greeting.body as { text: string }).text)).toContain("asisten otomatis (bot)");
    } finally {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      await api.close();
      rmSync(dir, { recursive: true, force: true });
    }
    expect(stderr).toBe("");
  });

  it("says plainly when the Bot API cannot be reached, and exits 1", () => {
    const result = start({ TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN, TELEGRAM_API_ROOT: "http://127.0.0.1:9", DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), "relawan-start-")), "r.db")}` });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain("Telegram: cannot reach the Bot API at TELEGRAM_API_ROOT (ECONNREFUSED)");
  });
});
