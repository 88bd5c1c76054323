// What a newcomer sees when start-up cannot go on: one line naming the setting and what to do, no
// stack, exit code 2 for a setting to correct and 1 for a service that does not answer; the same in
// the bot (`npm start`, which runs `relawan start`) and in the CLI.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import net from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { repoRoot } from "./support/createTestApp.js";
import { startFakeBotApi, TEST_BOT_TOKEN } from "./support/fakeBotApi.js";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "relawan-fail-"));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function relawan(args: string[], env: Record<string, string>) {
  return spawnSync(process.execPath, ["bin/relawan.js", ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", LOG_LEVEL: "warn", ...env },
    input: "/quit\n",
    encoding: "utf8",
    timeout: 60_000,
  });
}

/** The same, without blocking this process: for tests whose fake Bot API runs in it. */
function relawanBeside(args: string[], env: Record<string, string>): Promise<{ status: number | null; stderr: string }> {
  const child = spawn(process.execPath, ["bin/relawan.js", ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", LOG_LEVEL: "warn", ...env },
    stdio: ["pipe", "ignore", "pipe"],
  });
  child.stdin.end("/quit\n");
  let stderr = "";
  child.stderr.on("data", (chunk) => (stderr += String(chunk)));
  return new Promise((resolve) => child.once("exit", (status) => resolve({ status, stderr })));
}

/** One line on stderr, nothing that looks like a stack, and the exit code asked for. */
function expectOneLine(result: { status: number | null; stderr: string }, code: number, ...parts: string[]): string {
  expect(result.status).toBe(code);
  const lines = result.stderr.trim().split("\n");
  expect(lines).toHaveLength(1);
  expect(result.stderr).not.toMatch(/\n\s+at |sonic boom|Error:/);
  for (const part of parts) expect(lines[0]).toContain(part);
  return lines[0]!;
}

/** A port nothing listens on: taken from the system, then given back. */
async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

async function occupiedPort(): Promise<{ port: number; close: () => Promise<unknown> }> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { port: (server.address() as net.AddressInfo).port, close: () => new Promise((resolve) => server.close(resolve)) };
}

const sqlite = () => ({ DATABASE_URL: `file:${join(dir, "relawan.db")}` });

describe("start-up failures, in one line", () => {
  it("a CONTENT_DIR that does not exist, in the terminal chat", () => {
    // In DEFAULT_LANGUAGE, Bahasa Indonesia unless set.
    const result = relawan(["start"], { ...sqlite(), CONTENT_DIR: join(dir, "no-campaign") });
    expectOneLine(result, 2, "Kesalahan konten: CONTENT_DIR: folder", "no-campaign tidak ada", "campaign.yaml dan faq.yaml");
    const english = relawan(["start"], { ...sqlite(), CONTENT_DIR: join(dir, "no-campaign"), DEFAULT_LANGUAGE: "en" });
    expectOneLine(english, 2, "Content error: CONTENT_DIR: the folder", "no-campaign does not exist", "campaign.yaml and faq.yaml");
  });

  it("PostgreSQL not answering, in the bot and in relawan stats", async () => {
    const env = { DATABASE_URL: `postgresql://postgres:s3cret@127.0.0.1:${await closedPort()}/relawan` };
    for (const args of [["start"], ["stats"], ["segment", "list", "--json"]]) {
      const line = expectOneLine(relawan(args, env), 1, "Cannot reach PostgreSQL at 127.0.0.1:", "DATABASE_URL, ECONNREFUSED", "Start PostgreSQL or correct DATABASE_URL");
      expect(line).not.toContain("s3cret");
    }
  });

  it("a data folder that cannot be created, in the bot and in the CLI", () => {
    // A file where the folder should be stops even root, who may write anywhere else.
    writeFileSync(join(dir, "taken"), "");
    const env = { DATABASE_URL: `file:${join(dir, "taken", "data", "relawan.db")}` };
    expectOneLine(relawan(["start"], env), 2, "Configuration error: DATABASE_URL: cannot write the terminal chat's log", "ENOTDIR");
    expectOneLine(relawan(["stats"], env), 2, "Configuration error: DATABASE_URL: cannot create the folder", "ENOTDIR", "file:./data/relawan.db");
  });

  // mkdir in /proc says ENOENT although /proc exists: Node's recursive mkdir looped on it for ever.
  it.skipIf(!existsSync("/proc/self"))("a data folder under /proc, where mkdir says ENOENT: one line, not a hang", () => {
    const env = { DATABASE_URL: "file:/proc/nope/r.db" };
    expectOneLine(relawan(["start"], env), 2, "Configuration error: DATABASE_URL: cannot write the terminal chat's log /proc/nope/relawan.log", "ENOENT");
    expectOneLine(relawan(["stats"], env), 2, "Configuration error: DATABASE_URL: cannot create the folder /proc/nope for the SQLite file", "ENOENT");
  });

  // Root may write into a read-only folder, so this one only shows as another user.
  it.skipIf(process.getuid?.() === 0)("a data folder this user may not write to", () => {
    mkdirSync(join(dir, "locked"), { mode: 0o555 });
    const result = relawan(["stats"], { DATABASE_URL: `file:${join(dir, "locked", "data", "relawan.db")}` });
    expectOneLine(result, 2, "Configuration error: DATABASE_URL: cannot create the folder", "EACCES");
  });

  it("a SQLite file that is not a database, left as it was", () => {
    const file = join(dir, "relawan.db");
    writeFileSync(file, "these are not the pages of a SQLite database ".repeat(200));
    const before = createHash("sha256").update(readFileSync(file)).digest("hex");
    for (const args of [["start"], ["broadcast", "status"]]) {
      expectOneLine(relawan(args, { DATABASE_URL: `file:${file}` }), 2, `Configuration error: DATABASE_URL: ${file} is not a SQLite database, or it is damaged`);
    }
    expect(createHash("sha256").update(readFileSync(file)).digest("hex")).toBe(before);
  });

  it("a DATABASE_URL that names a folder, or no file at all", () => {
    expectOneLine(relawan(["start"], { DATABASE_URL: `file:${dir}` }), 2, `cannot open the SQLite file ${dir} (it is a folder)`);
    const result = relawan(["stats"], { DATABASE_URL: "file:" });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("Configuration error: DATABASE_URL: expected the path of the SQLite file after file:");
  });

  it("Redis not answering with REDIS_URL set", async () => {
    const api = await startFakeBotApi();
    try {
      const result = await relawanBeside(["start"], { ...sqlite(), REDIS_URL: `redis://127.0.0.1:${await closedPort()}`, TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN, TELEGRAM_API_ROOT: api.url });
      expectOneLine(result, 1, "Cannot reach Redis at 127.0.0.1:", "REDIS_URL, ECONNREFUSED", "remove REDIS_URL");
      // Nothing was started: the bot never asked Telegram for updates.
      expect(api.calls("getUpdates")).toEqual([]);
    } finally {
      await api.close();
    }
  });

  it("WhatsApp Web with no browser at CHROME_PATH stops instead of retrying for ever", () => {
    const result = relawan(["start"], { ...sqlite(), WHATSAPP_ENABLED: "true", CHROME_PATH: join(dir, "no-chromium"), WHATSAPP_SESSION_DIR: join(dir, "session") });
    expectOneLine(result, 2, `Configuration error: CHROME_PATH: there is no browser at ${join(dir, "no-chromium")}`, "apt install chromium");
  });

  it("OPS_PORT taken by another program", async () => {
    const taken = await occupiedPort();
    try {
      const result = relawan(["start"], { ...sqlite(), OPS_PORT: String(taken.port) });
      expectOneLine(result, 2, `Configuration error: OPS_PORT: 127.0.0.1:${taken.port} is already in use by another program`);
    } finally {
      await taken.close();
    }
  });

  it("TELEGRAM_WEBHOOK_PORT taken by another program", async () => {
    const api = await startFakeBotApi();
    const taken = await occupiedPort();
    try {
      const result = await relawanBeside(["start"], {
        ...sqlite(),
        TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN,
        TELEGRAM_API_ROOT: api.url,
        TELEGRAM_WEBHOOK_URL: "https://bot.example.org/hooks/tg",
        TELEGRAM_WEBHOOK_SECRET: "a-secret-of-twenty-chars",
        TELEGRAM_WEBHOOK_HOST: "127.0.0.1",
        TELEGRAM_WEBHOOK_PORT: String(taken.port),
      });
      expectOneLine(result, 2, `Configuration error: TELEGRAM_WEBHOOK_PORT: 127.0.0.1:${taken.port} is already in use`);
      expect(api.calls("setWebhook")).toEqual([]);
    } finally {
      await taken.close();
      await api.close();
    }
  });
});

describe("with every service answering", () => {
  it("starts with REDIS_URL set and polls Telegram, saying nothing on stderr", async () => {
    const api = await startFakeBotApi();
    const child = spawn(process.execPath, ["bin/relawan.js", "start"], {
      cwd: repoRoot,
      env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", ...sqlite(), REDIS_URL: "redis://127.0.0.1:6379", TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN, TELEGRAM_API_ROOT: api.url, LOG_LEVEL: "warn" },
      stdio: ["ignore", "ignore", "pipe"],
    });
    let stderr = "";
    child.stderr.on("data", (chunk) => (stderr += String(chunk)));
    try {
      await api.waitFor((requests) => requests.some((r) => r.method === "getUpdates"), 30_000);
    } finally {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.kill("SIGTERM");
      expect(await exited).toBe(0);
      await api.close();
    }
    expect(stderr).toBe("");
  });
});
