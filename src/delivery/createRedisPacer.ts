import Bottleneck from "bottleneck";
import { Redis } from "ioredis";
import type { ChannelLimits } from "./createChannelLimiter.js";

export interface RedisPacer {
  /** For createChannelLimiter: bottleneck keeps this channel's pace in Redis, shared by every process. */
  pacerOptions: NonNullable<ChannelLimits["pacerOptions"]>;
  /** The connection, for the shared send window (createRedisSendWindow). */
  redis: Redis;
  close(): Promise<void>;
}

/**
 * A channel's pace kept in Redis under `key` (e.g. "telegram:<bot id>"), so several processes of
 * one bot together stay within its limit. Commands fail at once while Redis is away (no offline
 * queue): the limiter then pauses the channel and says so, rather than waiting blind or sending
 * unpaced; bottleneck sets its state up again when Redis comes back empty.
 */
export function createRedisPacer(url: string, key: string): RedisPacer {
  const client = new Redis(url, { enableOfflineQueue: false, maxRetriesPerRequest: 0, lazyConnect: false });
  // Connection errors surface through the limiter's onPacerError; keep ioredis from printing each retry.
  client.on("error", () => undefined);
  const connection = new Bottleneck.IORedisConnection({ client });
  connection.on("error", () => undefined);
  recoverFromLostKeys(connection);
  return {
    pacerOptions: { id: `relawan:${key}`, datastore: "ioredis", connection, clearDatastore: false },
    redis: client,
    async close() {
      // Not flushing: with Redis away a graceful QUIT would wait for ever.
      void connection.disconnect(false).catch(() => undefined);
      client.disconnect();
    },
  };
}

type ScriptCallback = (err: Error | null, replies: unknown) => void;

/**
 * A Redis restarted without persistence has lost the pace's keys. bottleneck 2.19.5 sets them up
 * again only when the script error reads exactly SETTINGS_KEY_NOT_FOUND or UNKNOWN_CLIENT, but
 * Redis 7 prefixes Lua errors with "ERR ", so without this sending would stay stopped for good
 * (SGrondin/bottleneck#219; the fix, #215, is unreleased).
 */
function recoverFromLostKeys(connection: Bottleneck.IORedisConnection): void {
  const internal = connection as unknown as { __scriptArgs__(name: string, id: string, args: unknown[], cb: ScriptCallback): unknown[] };
  const scriptArgs = internal.__scriptArgs__.bind(internal);
  internal.__scriptArgs__ = (name, id, args, cb) =>
    scriptArgs(name, id, args, (err, replies) => {
      if (err && /^ERR (SETTINGS_KEY_NOT_FOUND|UNKNOWN_CLIENT)$/.test(err.message)) err.message = err.message.slice(4);
      cb(err, replies);
    });
}
