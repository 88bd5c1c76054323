import http from "node:http";
import type { Config } from "../config.js";
import type { ConversationEngine, Effect } from "../conversation/types.js";
import type { Database } from "../db/client.js";
import type { Logger } from "../logger.js";
import { createOpsEndpoints, type OpsEndpoints } from "./createOpsEndpoints.js";
import { describeListenFailure } from "./describeListenFailure.js";

export interface StartedOps {
  endpoints: OpsEndpoints;
  /** The engine, counting the inbound messages it processed (and the replays and floods it dropped) for /metrics. */
  counted(engine: ConversationEngine): ConversationEngine;
  stop(): Promise<void>;
}

/**
 * /healthz and /metrics: on the Telegram webhook server when there is one (startChannels mounts
 * them), and on OPS_PORT when it is set (polling, WhatsApp-only, or a separate port for monitoring),
 * on OPS_HOST: 127.0.0.1 unless set, because /metrics answers anyone who can reach it.
 */
export async function startOps(config: Config, db: Database, logger: Logger, role = "all"): Promise<StartedOps> {
  // ioredis loads only when Redis is in use.
  const redis = config.REDIS_URL ? new (await import("ioredis")).Redis(config.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 0, lazyConnect: true }) : undefined;
  redis?.on("error", () => undefined);
  if (redis) void redis.connect().catch(() => undefined);
  const endpoints = createOpsEndpoints({ db, role, ...(redis ? { redis } : {}) });
  let server: http.Server | undefined;
  if (config.OPS_PORT) {
    const listening = http.createServer((req, res) => {
      endpoints.handle(req, res).then(
        (handled) => void (handled || res.writeHead(404, { "content-type": "text/plain" }).end("not found")),
        (err: unknown) => {
          logger.error({ err }, "ops request failed");
          if (!res.headersSent) res.writeHead(500).end();
        },
      );
    });
    const at = { portSetting: "OPS_PORT", hostSetting: "OPS_HOST", port: config.OPS_PORT, host: config.OPS_HOST };
    await new Promise<void>((resolve, reject) => {
      listening.once("error", (error) => reject(describeListenFailure(error, at) ?? error));
      listening.listen(config.OPS_PORT, config.OPS_HOST, () => resolve());
    });
    server = listening;
    logger.info({ host: config.OPS_HOST, port: config.OPS_PORT }, "health and metrics on /healthz and /metrics");
  }
  return {
    endpoints,
    counted: (engine) => ({
      async handle(message, hooks) {
        const result = await engine.handle(message, hooks);
        // A redelivered update (webhook retry, a restart mid-turn) or a flood answered with silence
        // ran no turn: counted apart, so the inbound figure is what people really said.
        const dropped = result.effects.find((effect): effect is Extract<Effect, { type: "duplicate" | "rate_limited" }> => effect.type === "duplicate" || effect.type === "rate_limited");
        if (dropped) endpoints.counters.inboundDropped(message.channel, dropped.type);
        else endpoints.counters.inbound(message.channel);
        return result;
      },
      resume: (channel, externalId, at) => engine.resume(channel, externalId, at),
      markUnreachable: (channel, externalId, at) => engine.markUnreachable(channel, externalId, at),
    }),
    async stop() {
      await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
      redis?.disconnect();
    },
  };
}
