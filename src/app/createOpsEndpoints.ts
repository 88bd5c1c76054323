import type http from "node:http";
import { Counter, Gauge, Registry } from "prom-client";
import type { Database } from "../db/client.js";
import { endResponse } from "../channels/http/endResponse.js";
import { withTimeout } from "../delivery/withTimeout.js";

export interface OpsCounters {
  /** A delivery left for the platform and was accepted. */
  sent(channel: string): void;
  /** The platform answered 429: the whole channel paused. */
  rateLimited(channel: string): void;
  /** A message from a person was processed: a turn ran. */
  inbound(channel: string): void;
  /** A message was dropped without a turn: a redelivered duplicate, or one more in a flood. */
  inboundDropped(channel: string, reason: "duplicate" | "rate_limited"): void;
  /** Delivery receipts (status webhooks): naming a delivery of ours, or a message that is none (replies, erased people). */
  receipts(channel: string, recorded: { known: number; unknown: number }): void;
}

export interface OpsEndpoints {
  counters: OpsCounters;
  /** Answers GET /healthz and GET /metrics; false for any other request (the caller handles it). */
  handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean>;
}

export interface OpsOptions {
  db: Pick<Database, "$queryRaw">;
  /** Checked by /healthz when the process uses Redis. */
  redis?: { ping(): Promise<unknown> };
  /** This process's role, as a label: all | channels | dispatcher. */
  role: string;
  clock?: () => number;
}

// A check that takes longer than this counts as down: a load balancer should not wait on it.
const CHECK_TIMEOUT_MS = 2000;
const RATE_WINDOW_MS = 60_000;

/**
 * /healthz (database and Redis reachable: 200, else 503 with what failed) and /metrics in
 * Prometheus' text format: deliveries by status, the due queue, sends, 429s and inbound messages.
 */
export function createOpsEndpoints(opts: OpsOptions): OpsEndpoints {
  const clock = opts.clock ?? Date.now;
  const registry = new Registry();
  registry.setDefaultLabels({ role: opts.role });
  const sent = new Counter({ name: "relawan_messages_sent_total", help: "Deliveries the platform accepted", labelNames: ["channel"], registers: [registry] });
  const limited = new Counter({ name: "relawan_rate_limited_total", help: "429 answers from the platform (each pauses the channel)", labelNames: ["channel"], registers: [registry] });
  const inbound = new Counter({ name: "relawan_inbound_messages_total", help: "Messages from people processed (a turn ran)", labelNames: ["channel"], registers: [registry] });
  const dropped = new Counter({ name: "relawan_inbound_dropped_total", help: "Messages dropped without a turn: redelivered duplicates, floods", labelNames: ["channel", "reason"], registers: [registry] });
  const receipts = new Counter({
    name: "relawan_delivery_receipts_total",
    help: "Delivery receipts (delivered, read, failed) from status webhooks: known names a delivery, unknown none (ignored)",
    labelNames: ["channel", "result"],
    registers: [registry],
  });
  // Sends of the last minute, for a dashboard without PromQL; rate(relawan_messages_sent_total[1m]) says the same.
  const recentSends: number[] = [];
  new Gauge({
    name: "relawan_send_rate_per_second",
    help: "Deliveries sent per second by this process over the last minute",
    registers: [registry],
    collect() {
      const now = clock();
      while (recentSends.length > 0 && recentSends[0]! <= now - RATE_WINDOW_MS) recentSends.shift();
      this.set(recentSends.length / (RATE_WINDOW_MS / 1000));
    },
  });
  new Gauge({
    name: "relawan_deliveries",
    help: "Delivery rows by status (the whole outbox, all processes)",
    labelNames: ["status"],
    registers: [registry],
    async collect() {
      const rows = await opts.db.$queryRaw<{ status: string; n: number | bigint }[]>`SELECT "status", COUNT(*) AS "n" FROM "Delivery" GROUP BY "status"`;
      this.reset();
      for (const row of rows) this.set({ status: row.status }, Number(row.n));
    },
  });
  new Gauge({
    name: "relawan_delivery_queue_depth",
    help: "Queued deliveries that are due now (not held for quiet hours or a blackout)",
    registers: [registry],
    async collect() {
      const rows = await opts.db.$queryRaw<{ n: number | bigint }[]>`
        SELECT COUNT(*) AS "n" FROM "Delivery" WHERE "status" = 'queued' AND "notBefore" <= ${new Date(clock())}`;
      this.set(Number(rows[0]?.n ?? 0));
    },
  });

  new Gauge({
    name: "relawan_junk_messages",
    help: "Messages kept out of the staff inbox as keyboard mash or line noise (all processes)",
    registers: [registry],
    async collect() {
      const rows = await opts.db.$queryRaw<{ n: number | bigint }[]>`SELECT COUNT(*) AS "n" FROM "JunkMessage"`;
      this.set(Number(rows[0]?.n ?? 0));
    },
  });

  async function check(run: () => Promise<unknown>): Promise<"ok" | string> {
    try {
      await withTimeout(run(), CHECK_TIMEOUT_MS, "timed out");
      return "ok";
    } catch (err) {
      return err instanceof Error ? err.message : String(err);
    }
  }

  return {
    counters: {
      sent(channel) {
        sent.inc({ channel });
        recentSends.push(clock());
      },
      rateLimited: (channel) => limited.inc({ channel }),
      inbound: (channel) => inbound.inc({ channel }),
      inboundDropped: (channel, reason) => dropped.inc({ channel, reason }),
      receipts(channel, recorded) {
        receipts.inc({ channel, result: "known" }, recorded.known);
        receipts.inc({ channel, result: "unknown" }, recorded.unknown);
      },
    },
    async handle(req, res) {
      if (req.method !== "GET" && req.method !== "HEAD") return false;
      const { pathname } = new URL(req.url ?? "/", "http://localhost");
      if (pathname === "/healthz") {
        const checks: Record<string, string> = { database: await check(() => opts.db.$queryRaw`SELECT 1`) };
        if (opts.redis) checks.redis = await check(() => opts.redis!.ping());
        const healthy = Object.values(checks).every((result) => result === "ok");
        res.writeHead(healthy ? 200 : 503, { "content-type": "application/json" });
        res.end(JSON.stringify({ status: healthy ? "ok" : "unavailable", checks }));
        return true;
      }
      if (pathname === "/metrics") {
        try {
          const body = await registry.metrics();
          res.writeHead(200, { "content-type": registry.contentType });
          res.end(body);
        } catch (err) {
          endResponse(res, 503, `metrics unavailable: ${err instanceof Error ? err.message : String(err)}`);
        }
        return true;
      }
      return false;
    },
  };
}
