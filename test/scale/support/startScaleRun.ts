// One scale scenario's world: a fresh PostgreSQL database with N contacts and a draft broadcast,
// the fake Bot API enforcing the limit in its own process, and dispatcher processes on one
// PostgreSQL and one Redis, optionally through TCP proxies a test can cut.
import { randomBytes, randomInt } from "node:crypto";
import { Redis } from "ioredis";
import { createScaleDatabase, type ScaleDatabase } from "./createScaleDatabase.js";
import { createTcpProxy, type TcpProxy } from "./createTcpProxy.js";
import { measureBroadcast, type BroadcastFigures } from "./measureBroadcast.js";
import { seedBroadcast, waitUntilSettled, type SeededBroadcast } from "./seedBroadcast.js";
import { startDispatchers, type Dispatchers, type LogLine } from "./startDispatchers.js";
import { startFakeTelegram, type FakeTelegram } from "./startFakeTelegram.js";

export const redisBaseUrl = process.env.TEST_REDIS_URL?.startsWith("redis") === true ? process.env.TEST_REDIS_URL : "redis://127.0.0.1:6379";

export interface ScaleRunOptions {
  contacts: number;
  /** The bot's limit: the dispatchers' setting and what the fake enforces alike. */
  perSecond: number;
  dispatchers: number;
  leaseSeconds?: number;
  /** Dispatchers reach PostgreSQL and Redis through proxies the test can cut. */
  proxies?: boolean;
}

export interface ScaleRun {
  database: ScaleDatabase;
  fake: FakeTelegram;
  seeded: SeededBroadcast;
  dispatchers: Dispatchers;
  postgresProxy?: TcpProxy;
  redisProxy?: TcpProxy;
  /** Queues the broadcast (the dispatchers are running by then); returns the recipients. */
  send(): Promise<number>;
  /** Resolves once the fake has accepted at least this many messages. */
  waitForDelivered(count: number, timeoutMs?: number): Promise<void>;
  /** Deletes the bot's rate-limit state in Redis, as a restart of a Redis without persistence loses it. */
  forgetLimiterState(): Promise<number>;
  /** Waits for every row to settle, stops the dispatchers (SIGTERM) and measures. */
  finish(settleTimeoutMs: number): Promise<BroadcastFigures>;
  close(): Promise<void>;
}

export async function startScaleRun(options: ScaleRunOptions): Promise<ScaleRun> {
  const cleanups: (() => Promise<unknown>)[] = [];
  const close = async () => {
    for (const cleanup of cleanups.reverse()) await cleanup().catch((err: unknown) => console.error("scale run cleanup failed", err));
  };
  try {
    const database = await createScaleDatabase();
    cleanups.push(() => database.close());
    const redisUrl = new URL(redisBaseUrl);
    const redis = new Redis(redisBaseUrl, { lazyConnect: true, maxRetriesPerRequest: 3 });
    await redis.connect();
    cleanups.push(async () => redis.disconnect());
    // A bot of its own: its send window lives under its own keys, so runs never share (or inherit) one.
    const botId = String(randomInt(1_000_000_000, 2_000_000_000));
    const limiterKeys = `relawan:telegram:${botId}:*`;
    const forgetLimiterState = async () => {
      const keys: string[] = [];
      let cursor = "0";
      do {
        const [next, found] = await redis.scan(cursor, "MATCH", limiterKeys, "COUNT", 1000);
        cursor = next;
        keys.push(...found);
      } while (cursor !== "0");
      return keys.length > 0 ? redis.del(...keys) : 0;
    };
    cleanups.push(forgetLimiterState);
    const fake = await startFakeTelegram(options.perSecond);
    cleanups.push(() => fake.close());
    const seeded = await seedBroadcast(database.db, options.contacts);

    let postgresProxy: TcpProxy | undefined;
    let redisProxy: TcpProxy | undefined;
    if (options.proxies) {
      postgresProxy = await createTcpProxy(database.server);
      cleanups.push(() => postgresProxy!.close());
      redisProxy = await createTcpProxy({ host: redisUrl.hostname, port: Number(redisUrl.port || 6379) });
      cleanups.push(() => redisProxy!.close());
    }
    const dispatcherRedis = new URL(redisUrl);
    if (redisProxy) {
      dispatcherRedis.hostname = "127.0.0.1";
      dispatcherRedis.port = String(redisProxy.port);
    }
    // Warm the fake (JIT, first connection) so its cold start is not counted as the dispatchers' jitter.
    await fetch(`${fake.url}/bot${botId}:warmup/getMe`).then((response) => response.arrayBuffer());
    const dispatchers = await startDispatchers(options.dispatchers, {
      databaseUrl: database.urlFor(postgresProxy?.port),
      redisUrl: dispatcherRedis.toString(),
      token: `${botId}:scale-${randomBytes(16).toString("hex")}`,
      apiRoot: fake.url,
      perSecond: options.perSecond,
      ...(options.leaseSeconds ? { leaseSeconds: options.leaseSeconds } : {}),
    });
    cleanups.push(() => dispatchers.stop());

    return {
      database,
      fake,
      seeded,
      dispatchers,
      ...(postgresProxy ? { postgresProxy } : {}),
      ...(redisProxy ? { redisProxy } : {}),
      send: () => seeded.send(),
      async waitForDelivered(count, timeoutMs = 120_000) {
        const deadline = Date.now() + timeoutMs;
        while ((await fake.stats()).delivered < count) {
          if (Date.now() > deadline) throw new Error(`fewer than ${count} messages delivered after ${timeoutMs} ms`);
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      },
      forgetLimiterState,
      async finish(settleTimeoutMs) {
        try {
          await waitUntilSettled(database.db, seeded.broadcastId, settleTimeoutMs);
        } catch (err) {
          // What the dispatchers last complained about is where to start looking.
          const complaints = dispatchers.processes.map((p) => `dispatcher ${p.index} (${p.workerId}):\n${describeComplaints(p.logs)}`);
          throw new Error(`${err instanceof Error ? err.message : String(err)}\n${complaints.join("\n")}`, { cause: err });
        }
        await dispatchers.stop();
        return measureBroadcast(database.db, fake, seeded, options.perSecond);
      },
      close,
    };
  } catch (err) {
    await close();
    throw err;
  }
}

/** The last warnings and errors of one dispatcher, one line each. */
function describeComplaints(logs: LogLine[], last = 8): string {
  const complaints = logs.filter((line) => line.level >= 40);
  const shown = complaints.slice(-last).map((line) => {
    const err = line.err as { message?: string } | undefined;
    return `  ${new Date(Number(line.time)).toISOString()} ${line.msg}${err?.message ? `: ${err.message.split("\n")[0]}` : ""}`;
  });
  return `  ${complaints.length} warnings/errors${shown.length ? `, the last ${shown.length}:\n${shown.join("\n")}` : ""}`;
}
