// One chatty person must not hold up everyone else. The real Telegram channel polls a fake Bot API
// (enforcing ~1 msg/s per chat like Telegram) through the bot's limiter (30/s, 1/s per chat); one person
// sends bursts of /datasaya just under the flood guard while quiet people each send /start, and the
// figure is how long a quiet person waits for the first reply.
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { pino } from "pino";
import { createTelegramChannel } from "../src/channels/telegram/createTelegramChannel.js";
import { createConversationEngine } from "../src/conversation/createConversationEngine.js";
import { createTranslator, readLocaleResources } from "../src/conversation/createTranslator.js";
import type { CampaignContent } from "../src/domain/content/contentSchema.js";
import { storeCampaignContent } from "../src/domain/content/storeCampaignContent.js";
import type { FaqMatcher } from "../src/domain/faq/createFaqMatcher.js";
import { createRegionLookup } from "../src/domain/regions/createRegionLookup.js";
import { createChannelLimiter } from "../src/delivery/createChannelLimiter.js";
import { startFakeBotApi, TEST_BOT_TOKEN } from "../test/support/fakeBotApi.js";
import { createBenchDatabase, root, type BenchDialect } from "./benchDatabase.js";

export interface FloodFigures {
  /** First-reply latency of quiet people while nobody floods. */
  baselineP99Ms: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

const FLOODER = 900_000_001;
const BURST = 15;
// The flood guard's default: 20 messages in 10 s. Bursts of 15 every 10.5 s stay under it.
const BURST_EVERY_MS = 10_500;

export async function benchFlood(content: CampaignContent, faq: FaqMatcher, database: BenchDialect, options: { quiet: number; bursts: number }): Promise<FloodFigures> {
  const bench = await createBenchDatabase(database);
  await storeCampaignContent(bench.db, content);
  const translator = createTranslator(readLocaleResources(join(root, "locales")), "id");
  const engine = createConversationEngine({
    db: bench.db,
    translator,
    campaign: content.campaign,
    faq,
    regions: await createRegionLookup(),
    defaultCountry: "ID",
    timeZone: "Asia/Jakarta",
    clock: () => new Date(),
    referralLinks: () => ({}),
  });
  const api = await startFakeBotApi({ enforceLimits: { perSecond: 30, perChatPerSecond: 1 } });
  const limiter = createChannelLimiter({ perSecond: 30, perChatPerSecond: 1 });
  const channel = createTelegramChannel({
    token: TEST_BOT_TOKEN,
    apiRoot: api.url,
    engine,
    logger: pino({ level: "warn" }),
    sharePhoneLabel: () => "📱",
    apologyText: () => "maaf",
    limiter,
  });
  await channel.start();

  let nextMessageId = 1;
  const push = (userId: number, text: string) => {
    const from = { id: userId, is_bot: false, first_name: `Orang ${userId}`, language_code: "id" };
    api.pushUpdate({
      message: { message_id: nextMessageId++, from, chat: { id: userId, type: "private", first_name: from.first_name }, date: Math.floor(Date.now() / 1000), text: text },
    } as never);
  };
  // The flooder is an onboarded person, so /datasaya answers with their data.
  for (const text of ["/start"]) push(FLOODER, text);
  await api.waitFor((rs) => rs.some((r) => r.method === "sendMessage" && r.body.chat_id === FLOODER), 30_000);
  await sleep(1500);

  let quietId = 800_000_000;
  const firstReply = async (): Promise<number> => {
    const id = quietId++;
    const t0 = performance.now();
    push(id, "/start");
    await api.waitFor((rs) => rs.some((r) => r.method === "sendMessage" && r.body.chat_id === id), 120_000);
    return performance.now() - t0;
  };

  const baseline: number[] = [];
  for (let i = 0; i < 20; i++) {
    baseline.push(await firstReply());
    await sleep(50);
  }

  const latencies: number[] = [];
  const quietEveryMs = (options.bursts * BURST_EVERY_MS) / options.quiet;
  const flooding = (async () => {
    for (let b = 0; b < options.bursts; b++) {
      for (let i = 0; i < BURST; i++) push(FLOODER, "/datasaya");
      await sleep(BURST_EVERY_MS);
    }
  })();
  const waits: Promise<void>[] = [];
  for (let i = 0; i < options.quiet; i++) {
    waits.push(firstReply().then((ms) => void latencies.push(ms)));
    await sleep(quietEveryMs);
  }
  await Promise.all(waits);
  await flooding;
  const toFlooder = api.calls("sendMessage").filter((r) => r.body.chat_id === FLOODER).length;

  await channel.stop();
  await limiter.stop();
  await api.close();
  await bench.close();

  baseline.sort((a, b) => a - b);
  latencies.sort((a, b) => a - b);
  const figures = { baselineP99Ms: percentile(baseline, 99), p50Ms: percentile(latencies, 50), p99Ms: percentile(latencies, 99), maxMs: latencies.at(-1) ?? Number.NaN };
  console.log(
    `flood (${database}): quiet person's first reply while one person sends ${options.bursts} x ${BURST} /datasaya: ` +
      `p50 ${figures.p50Ms.toFixed(0)} ms, p99 ${figures.p99Ms.toFixed(0)} ms, max ${figures.maxMs.toFixed(0)} ms (${latencies.length} people); ` +
      `without the flood p99 ${figures.baselineP99Ms.toFixed(0)} ms; ${api.rateLimited} 429s; ${toFlooder} messages to the flooder`,
  );
  return figures;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}
