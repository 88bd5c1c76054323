// A dispatcher in its own process, as `npm start` would run one: for the crash and shutdown
// tests and the kill benchmark. Settings come from the environment; it prints "ready" once
// it is dispatching, and on SIGTERM stops cleanly and exits 0.
import { pino } from "pino";
import { createTelegramBulkSender } from "../../../src/channels/telegram/createTelegramBulkSender.js";
import { openDatabase } from "../../../src/db/client.js";
import { createChannelLimiter } from "../../../src/delivery/createChannelLimiter.js";
import { createDispatcher } from "../../../src/delivery/createDispatcher.js";
import { renderForTest } from "./seedCampaign.js";

const env = (name: string, fallback?: string): string => {
  const value = process.env[name] ?? fallback;
  if (value === undefined) throw new Error(`${name} is required`);
  return value;
};

const db = await openDatabase(env("DATABASE_URL"));
const paid = env("PAID", "false") === "true";
const limiter = createChannelLimiter({ perSecond: Number(env("RATE", "30")), perChatPerSecond: 1 });
const dispatcher = createDispatcher({
  db,
  senders: { telegram: createTelegramBulkSender({ token: env("TOKEN"), apiRoot: env("API_ROOT"), paidBroadcast: paid }) },
  limiters: { telegram: limiter },
  clock: () => new Date(),
  workerId: env("WORKER_ID"),
  renderBroadcast: renderForTest,
  logger: pino({ level: env("LOG_LEVEL", "warn") }, pino.destination(2)),
  defaultTimeZone: "Asia/Jakarta",
  // Real time: the test must not depend on the hour it runs at.
  quietHours: null,
  batchSize: Number(env("BATCH_SIZE", "50")),
  leaseMs: Number(env("LEASE_MS", "60000")),
  pollIntervalMs: 50,
  sweepIntervalMs: 200,
});

process.once("SIGTERM", () => {
  void (async () => {
    await dispatcher.stop();
    await limiter.stop();
    await db.$disconnect();
    process.exit(0);
  })();
});

await dispatcher.start();
process.stdout.write("ready\n");
