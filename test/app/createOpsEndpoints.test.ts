import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createOpsEndpoints, type OpsOptions } from "../../src/app/createOpsEndpoints.js";
import { queueMessage } from "../../src/domain/deliveries/queueMessage.js";
import { addContact } from "../delivery/support/seedCampaign.js";
import { createTestDatabase, type TestDatabase } from "../support/createTestDatabase.js";

let t: TestDatabase;
let server: http.Server | undefined;

beforeEach(async () => {
  t = await createTestDatabase();
});

afterEach(async () => {
  await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
  server = undefined;
  await t.close();
});

async function serve(options: Partial<OpsOptions> = {}) {
  const ops = createOpsEndpoints({ db: t.db, role: "all", clock: () => Date.parse("2029-01-10T03:00:00Z"), ...options });
  server = http.createServer((req, res) => {
    void ops.handle(req, res).then((handled) => {
      if (!handled) res.writeHead(404).end();
    });
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  const base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}`;
  return { ops, get: (path: string) => fetch(`${base}${path}`) };
}

describe("ops endpoints", () => {
  it("reports deliveries by status, the due queue, sends, 429s and inbound messages in Prometheus format", async () => {
    const a = await addContact(t.db, { telegram: "1" });
    const b = await addContact(t.db, { telegram: "2" });
    const now = new Date("2029-01-10T03:00:00Z");
    await queueMessage(t.db, { contactId: a, kind: "inbox_reply", text: "x", purpose: "reply" }, now);
    await queueMessage(t.db, { contactId: b, kind: "inbox_reply", text: "y", purpose: "reply", notBefore: new Date("2029-01-10T05:00:00Z") }, now);
    await t.db.delivery.create({ data: { contactId: a, text: "z", status: "sent" } });
    await t.db.junkMessage.createMany({ data: [{ channel: "telegram" }, { channel: "whatsapp" }] });
    const { ops, get } = await serve();
    ops.counters.sent("telegram");
    ops.counters.sent("telegram");
    ops.counters.rateLimited("telegram");
    ops.counters.inbound("whatsapp");

    const response = await get("/metrics");
    const body = await response.text();

    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(body).toMatch(/^relawan_deliveries\{status="queued",role="all"\} 2$/m);
    expect(body).toMatch(/^relawan_deliveries\{status="sent",role="all"\} 1$/m);
    expect(body).toMatch(/^relawan_delivery_queue_depth\{role="all"\} 1$/m);
    expect(body).toMatch(/^relawan_messages_sent_total\{channel="telegram",role="all"\} 2$/m);
    expect(body).toMatch(/^relawan_rate_limited_total\{channel="telegram",role="all"\} 1$/m);
    expect(body).toMatch(/^relawan_inbound_messages_total\{channel="whatsapp",role="all"\} 1$/m);
    expect(body).toMatch(/^relawan_send_rate_per_second\{role="all"\} 0\.0333/m);
    expect(body).toMatch(/^relawan_junk_messages\{role="all"\} 2$/m);
  });

  it("answers /healthz 200 when the database and Redis answer, 503 naming what failed when not", async () => {
    const healthy = await serve({ redis: { ping: async () => "PONG" } });
    const ok = await healthy.get("/healthz");
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: "ok", checks: { database: "ok", redis: "ok" } });
    await new Promise((resolve) => server!.close(resolve));

    const broken = await serve({ redis: { ping: () => Promise.reject(new Error("connect ECONNREFUSED 127.0.0.1:6379")) } });
    const down = await broken.get("/healthz");
    expect(down.status).toBe(503);
    expect(await down.json()).toEqual({ status: "unavailable", checks: { database: "ok", redis: "connect ECONNREFUSED 127.0.0.1:6379" } });
  });

  it("leaves other paths to the server it is mounted on", async () => {
    const { get } = await serve();
    expect((await get("/telegram/webhook")).status).toBe(404);
  });
});

describe("ops endpoints on the Telegram webhook server", () => {
  it("serves /metrics and /healthz next to the webhook path", async () => {
    const { createWebhookServer } = await import("../../src/channels/telegram/createWebhookServer.js");
    const { pino } = await import("pino");
    const ops = createOpsEndpoints({ db: t.db, role: "channels" });
    server = createWebhookServer({ path: "/telegram/webhook", secret: "s".repeat(20), onUpdate: async () => undefined, logger: pino({ level: "silent" }), ops: ops.handle });
    await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const metrics = await fetch(`${base}/metrics`);
    expect(metrics.status).toBe(200);
    expect(await metrics.text()).toContain('relawan_delivery_queue_depth{role="channels"} 0');
    expect(await (await fetch(`${base}/healthz`)).json()).toEqual({ status: "ok", checks: { database: "ok" } });
    // The webhook itself still wants its secret.
    expect((await fetch(`${base}/telegram/webhook`, { method: "POST", body: "{}" })).status).toBe(401);
  });
});
