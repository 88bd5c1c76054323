import http from "node:http";
import type { Config } from "../config.js";
import type { ConversationEngine } from "../conversation/types.js";
import type { Database } from "../db/client.js";
import type { Logger } from "../logger.js";
import { createOpsEndpoints, type OpsEndpoints } from "./createOpsEndpoints.js";

export interface StartedOps {
  endpoints: OpsEndpoints;
  /** The engine, counting every inbound message for /metrics. */
  counted(engine: ConversationEngine): ConversationEngine;
  stop(): Promise<void>;
}

/**
 * /healthz and /metrics: on the Telegram webhook server when there is one (startChannels mounts
 * them), and on OPS_PORT when it is set (polling, WhatsApp-only, or a separate port for monitoring).
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
    await new Promise<void>((resolve, reject) => {
      listening.once("error", reject);
      listening.listen(config.OPS_PORT, () => resolve());
    });
    server = listening;
    logger.info({ port: config.OPS_PORT }, "health and metrics on /healthz and /metrics");
  }
  return {
    endpoints,
    counted: (engine) => ({
      handle(message) {
        endpoints.counters.inbound(message.channel);
        return engine.handle(message);
      },
      markUnreachable: (channel, externalId, at) => engine.markUnreachable(channel, externalId, at),
    }),
    async stop() {
      await new Promise((resolve) => (server ? server.close(resolve) : resolve(undefined)));
      redis?.disconnect();
    },
  };
}
