// `npx relawan start --role ...` as an operator runs it: real processes on one database.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, repoRoot, type TestDatabase } from "../support/createTestDatabase.js";
import { startFakeBotApi, TEST_BOT_TOKEN, type FakeBotApi } from "../support/fakeBotApi.js";
import { addBroadcast, addContact, deliveryOf, queueDeliveries } from "../delivery/support/seedCampaign.js";

let t: TestDatabase;
let api: FakeBotApi;
const children: ChildProcess[] = [];

beforeEach(async () => {
  t = await createTestDatabase();
  api = await startFakeBotApi();
});
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null) child.kill("SIGKILL");
  await api.close();
  await t.close();
});

const env = (extra: Record<string, string> = {}) => ({
  PATH: process.env.PATH ?? "",
  HOME: process.env.HOME ?? "/tmp",
  DATABASE_URL: t.url,
  TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN,
  TELEGRAM_API_ROOT: api.url,
  QUIET_HOURS: "off",
  LOG_LEVEL: "info",
  ...extra,
});

function startBot(args: string[], extra: Record<string, string> = {}) {
  const child = spawn(process.execPath, ["bin/relawan.js", "start", ...args], { cwd: repoRoot, env: env(extra), stdio: ["ignore", "pipe", "pipe"] });
  children.push(child);
  const output = { stdout: "", stderr: "" };
  child.stdout!.on("data", (chunk) => (output.stdout += String(chunk)));
  child.stderr!.on("data", (chunk) => (output.stderr += String(chunk)));
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  return { child, output, exited };
}

describe("npx relawan start --role", () => {
  it("a second process that tries to poll the same bot says who polls and exits 1, instead of fighting over updates", { timeout: 90_000 }, async () => {
    const first = startBot([]);
    await api.waitFor((rs) => rs.some((r) => r.method === "getUpdates"), 30_000);
    const second = spawnSync(process.execPath, ["bin/relawan.js", "start", "--role", "channels"], { cwd: repoRoot, env: env(), encoding: "utf8", timeout: 60_000 });
    expect(second.status).toBe(1);
    expect(second.stderr).toContain("Telegram long polling is already running in another Relawan process");
    expect(second.stderr).toContain(`pid ${first.child.pid}`);
    expect(second.stderr).toContain("TELEGRAM_WEBHOOK_URL");
    // The first one still runs, and stops cleanly; its lease goes with it, so the next start works at once.
    expect(first.child.exitCode).toBeNull();
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(await t.db.processLease.count()).toBe(0);
  });

  it("a dispatcher sends the outbox and never polls Telegram", { timeout: 60_000 }, async () => {
    const contact = await addContact(t.db, { telegram: "1001" });
    const broadcast = await addBroadcast(t.db);
    await queueDeliveries(t.db, broadcast, [contact], new Date());
    const dispatcher = startBot(["--role", "dispatcher"]);
    await api
      .waitFor((rs) => rs.some((r) => r.method === "sendMessage" && String((r.body as { chat_id: unknown }).chat_id) === "1001"), 30_000)
      .catch((err: unknown) => {
        throw new Error(`${String(err)}\n${dispatcher.output.stdout}${dispatcher.output.stderr}`);
      });
    await expect.poll(async () => (await deliveryOf(t.db, broadcast, contact)).status, { timeout: 10_000 }).toBe("sent");
    expect(api.requests.filter((r) => ["getUpdates", "setWebhook", "deleteWebhook"].includes(r.method))).toEqual([]);
    dispatcher.child.kill("SIGTERM");
    expect(await dispatcher.exited).toBe(0);
    expect(dispatcher.output.stdout + dispatcher.output.stderr).toContain('"role":"dispatcher"');
  });

  it("refuses an unknown role with the choices", () => {
    const result = spawnSync(process.execPath, ["bin/relawan.js", "start", "--role", "everything"], { cwd: repoRoot, env: env(), encoding: "utf8", timeout: 30_000 });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain("all, channels, dispatcher");
  });
});
