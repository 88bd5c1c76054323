// The bot as deployed behind a proxy: `npm start` (relawan start) with a webhook whose registered
// path is not the default, and OPS_PORT for monitoring. Over real HTTP: updates arrive on the path
// Telegram was given, /metrics counts what people said (not redelivered copies), and OPS_PORT
// answers on this machine only unless OPS_HOST opens it.
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import net from "node:net";
import { networkInterfaces, tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { repoRoot } from "../support/createTestApp.js";
import { startFakeBotApi, TEST_BOT_TOKEN, type FakeBotApi } from "../support/fakeBotApi.js";
import { textMessage } from "../channels/telegram/updates.js";

const SECRET = "a-secret-of-twenty-chars";
let child: ChildProcess | undefined;
let api: FakeBotApi | undefined;
let dir: string | undefined;

afterEach(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child!.once("exit", resolve));
    child.kill("SIGTERM");
    await exited;
  }
  await api?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
  child = api = dir = undefined;
});

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

function start(env: Record<string, string>): void {
  dir = mkdtempSync(join(tmpdir(), "relawan-ops-"));
  child = spawn(process.execPath, ["bin/relawan.js", "start"], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", DATABASE_URL: `file:${join(dir, "r.db")}`, LOG_LEVEL: "warn", ...env },
    stdio: ["pipe", "ignore", "inherit"],
  });
}

/** Resolves once something answers on the port (the process is up), or rejects after 30 s. */
async function answering(url: string): Promise<void> {
  const until = Date.now() + 30_000;
  for (;;) {
    try {
      await fetch(url);
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
}

function postUpdate(url: string, update: object) {
  return fetch(url, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET }, body: JSON.stringify(update) });
}

function metric(text: string, line: RegExp): number {
  const found = text.split("\n").find((l) => line.test(l));
  return found === undefined ? 0 : Number(found.split(" ").pop());
}

describe("Telegram webhook behind a proxy, with OPS_PORT", () => {
  it("listens on the registered path, counts processed messages apart from redelivered ones, and keeps OPS_PORT on 127.0.0.1", async () => {
    api = await startFakeBotApi();
    const [webhookPort, opsPort] = [await freePort(), await freePort()];
    start({
      TELEGRAM_BOT_TOKEN: TEST_BOT_TOKEN,
      TELEGRAM_API_ROOT: api.url,
      TELEGRAM_WEBHOOK_URL: "https://bot.example.org/hooks/tg-xyz",
      TELEGRAM_WEBHOOK_SECRET: SECRET,
      TELEGRAM_WEBHOOK_HOST: "127.0.0.1",
      TELEGRAM_WEBHOOK_PORT: String(webhookPort),
      OPS_PORT: String(opsPort),
    });
    await api.waitFor((requests) => requests.some((r) => r.method === "setWebhook"), 30_000);
    expect(api.calls("setWebhook")[0]!.body).toMatchObject({ url: "https://bot.example.org/hooks/tg-xyz", secret_token: SECRET });

    const base = `http://127.0.0.1:${webhookPort}`;
    const update = { update_id: 7001, ...textMessage("/start") };
    // The path a proxy passes on unchanged is the registered one; the old fixed path is not served.
    expect((await postUpdate(`${base}/telegram/webhook`, update)).status).toBe(404);
    expect((await postUpdate(`${base}/hooks/tg-xyz`, update)).status).toBe(200);
    await api.waitFor((requests) => requests.some((r) => r.method === "sendMessage"), 10_000);
    // Telegram redelivers an update it did not see answered in time: the same update_id again.
    expect((await postUpdate(`${base}/hooks/tg-xyz`, update)).status).toBe(200);

    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metric(metrics, /^relawan_inbound_messages_total\{.*channel="telegram"/)).toBe(1);
    expect(metric(metrics, /^relawan_inbound_dropped_total\{.*reason="duplicate"/)).toBe(1);

    // OPS_PORT answers here, on the loopback address only.
    expect((await fetch(`http://127.0.0.1:${opsPort}/healthz`)).status).toBe(200);
    const outward = Object.values(networkInterfaces()).flat().find((i) => i?.family === "IPv4" && !i.internal)?.address;
    if (outward) await expect(fetch(`http://${outward}:${opsPort}/healthz`)).rejects.toThrow();
  }, 60_000);

  const outward = Object.values(networkInterfaces()).flat().find((i) => i?.family === "IPv4" && !i.internal)?.address;
  // Needs an address other than the loopback one to show the difference.
  it.skipIf(outward === undefined)("opens OPS_PORT to the network when OPS_HOST=0.0.0.0", async () => {
    const opsPort = await freePort();
    start({ OPS_PORT: String(opsPort), OPS_HOST: "0.0.0.0" });
    await answering(`http://127.0.0.1:${opsPort}/healthz`);
    const health = await fetch(`http://${outward}:${opsPort}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: "ok", checks: { database: "ok" } });
  }, 60_000);
});
