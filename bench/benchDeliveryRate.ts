// Sustained broadcast rate against a fake Bot API that enforces Telegram's limits the way the
// real one does: 429 with retry_after for anything over the limit.
import { writeFileSync } from "node:fs";
import { Session } from "node:inspector/promises";
import { loadavg } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import { createTelegramBulkSender } from "../src/channels/telegram/createTelegramBulkSender.js";
import { Prisma, type Database } from "../src/db/client.js";
import { createChannelLimiter } from "../src/delivery/createChannelLimiter.js";
import { createDispatcher } from "../src/delivery/createDispatcher.js";
import { materializeDeliveries } from "../src/domain/deliveries/materializeDeliveries.js";
import { addBroadcast, renderForTest } from "../test/delivery/support/seedCampaign.js";
import { seedContacts } from "../test/delivery/support/seedContacts.js";
import { createBenchDatabase, type BenchDialect } from "./benchDatabase.js";
import { startFakeBotApiProcess } from "./startFakeBotApiProcess.js";

export const BENCH_TOKEN = "123456789:AAH-bench-token_for_relawan";

export interface RateBench {
  /** Printed as `${label} (${variant}, ${database})`. */
  label: string;
  variant: string;
  database: BenchDialect;
  contacts: number;
  /** The configured limit: the dispatcher's limiter and the fake's enforcement alike. */
  perSecond: number;
  paid: boolean;
}

export interface RateFigures {
  seconds: number;
  /** Accepted sends per second between the first and the last arrival. */
  sustained: number;
}

export async function benchDeliveryRate(bench: RateBench): Promise<RateFigures> {
  const fake = await startFakeBotApiProcess({
    enforceLimits: { perSecond: bench.perSecond, perChatPerSecond: 1 },
    keepAliveTimeoutMs: 60_000,
  });
  const store = await createBenchDatabase(bench.database);
  await seedContacts(store.url, { count: bench.contacts });
  const broadcast = await addBroadcast(store.db);
  await materializeDeliveries(store.db, broadcast, Prisma.sql`TRUE`, new Date(Date.now() - 1000));
  const limiter = createChannelLimiter({ perSecond: bench.perSecond, perChatPerSecond: 1 });
  const dispatcher = createDispatcher({
    db: store.db,
    senders: { telegram: createTelegramBulkSender({ token: BENCH_TOKEN, apiRoot: fake.url, paidBroadcast: bench.paid }) },
    limiters: { telegram: limiter },
    clock: () => new Date(),
    workerId: "bench",
    renderBroadcast: renderForTest,
    logger: pino({ level: "warn" }),
    defaultTimeZone: "Asia/Jakarta",
    quietHours: null,
    // About a fifth of a second's worth per claim.
    batchSize: Math.max(50, Math.ceil(bench.perSecond / 5)),
    pollIntervalMs: 50,
  });

  // One call first, so the fake's cold start (JIT, first connection: ~25 ms) is not counted as
  // network jitter; a bot that has been running has warm code and open connections.
  await fetch(`${fake.url}/bot${BENCH_TOKEN}/getMe`).then((response) => response.arrayBuffer());
  const profiler = await startCpuProfile();
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  await dispatcher.start();
  await waitUntilSettled(store.db, broadcast);
  const seconds = (performance.now() - started) / 1000;
  // The bot's process only (the fake and a PostgreSQL server are other processes).
  const cpu = process.cpuUsage(cpuBefore);
  await profiler?.stop(`${bench.variant.replace(/\W+/g, "-")}-${bench.database}`);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  await dispatcher.stop();
  await limiter.stop();

  const stats = await fake.stats();
  const spanSeconds = ((stats.lastAt ?? 0) - (stats.firstAt ?? 0)) / 1000;
  // Between the first and the last arrival at the fake: the rate while the pipeline was full.
  const sustained = spanSeconds > 0 ? (stats.delivered - 1) / spanSeconds : Number.NaN;
  const statuses = await store.db.delivery.groupBy({ by: ["status"], where: { broadcastId: broadcast }, _count: true });
  console.log(
    `${bench.label} (${bench.variant}, ${bench.database}): ${bench.contacts} contacts at ${bench.perSecond} msg/s configured${bench.paid ? " (paid broadcast)" : ""}: ` +
      `${stats.delivered} delivered in ${seconds.toFixed(1)} s; sustained ${sustained.toFixed(2)} msg/s = ${(sustained / bench.perSecond).toFixed(3)} of the limit; ` +
      `429s provoked: ${stats.rateLimited}; duplicates: ${stats.duplicateMessages}; ` +
      `bot CPU ${cpuSeconds.toFixed(1)} s (${((cpuSeconds * 1e6) / Math.max(1, stats.delivered)).toFixed(0)} µs per message); load ${loadavg().map((l) => l.toFixed(1)).join(" ")}; ` +
      `statuses ${statuses.map((s) => `${s.status}=${s._count}`).join(", ")}`,
  );
  await fake.close();
  await store.close();
  return { seconds, sustained };
}

export async function waitUntilSettled(db: Database, broadcastId: string): Promise<void> {
  // One row found is enough (a COUNT over 20,000 rows ten times a second was ~4% of the bot's CPU figure).
  const unsettled = { broadcastId, status: { in: ["queued", "claimed", "sending"] } };
  while (await db.delivery.findFirst({ where: unsettled, select: { id: true } })) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * BENCH_CPU_PROF=<folder>: a V8 CPU profile of this process while the dispatcher sends (seeding
 * and materialising left out), written as <variant>-<database>-<time>.cpuprofile for DevTools.
 */
async function startCpuProfile(): Promise<{ stop(name: string): Promise<void> } | undefined> {
  const folder = process.env.BENCH_CPU_PROF;
  if (!folder) return undefined;
  const session = new Session();
  session.connect();
  await session.post("Profiler.enable");
  await session.post("Profiler.start");
  return {
    async stop(name) {
      const { profile } = await session.post("Profiler.stop");
      const file = join(folder, `${name}-${Date.now()}.cpuprofile`);
      writeFileSync(file, JSON.stringify(profile));
      session.disconnect();
      console.log(`CPU profile: ${file}`);
    },
  };
}
