// `npm run bench`: figures, not assertions. Sized for a 2-core machine.
// BENCH_ONLY=faq,turns,rate,paid,lifted,materialize,kills,import runs a subset; see benchSizes below for the BENCH_* sizes.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { createConversationEngine } from "../src/conversation/createConversationEngine.js";
import { createTranslator, readLocaleResources } from "../src/conversation/createTranslator.js";
import { loadCampaignContent } from "../src/domain/content/loadCampaignContent.js";
import { storeCampaignContent } from "../src/domain/content/storeCampaignContent.js";
import { createFaqMatcher } from "../src/domain/faq/createFaqMatcher.js";
import { createRegionLookup } from "../src/domain/regions/createRegionLookup.js";
import { createBenchDatabase, root } from "./benchDatabase.js";
import { benchDeliveryRate } from "./benchDeliveryRate.js";
import { benchKills } from "./benchKills.js";
import { benchMaterialize } from "./benchMaterialize.js";
import { benchImportContacts } from "./importContacts.js";


function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

const only = process.env.BENCH_ONLY?.split(",").map((s) => s.trim());
const wants = (section: string) => !only || only.includes(section);
const size = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number above 0`);
  return value;
};

async function main(): Promise<void> {
  if (wants("faq") || wants("turns")) await benchConversation();
  // The full-size rate run takes about 11 minutes at 30 msg/s; BENCH_CONTACTS=600 gives a 20-second figure.
  if (wants("rate")) await benchDeliveryRate({ label: "broadcast rate (default limit)", contacts: size("BENCH_CONTACTS", 20_000), perSecond: size("TELEGRAM_RATE_PER_SECOND", 30), paid: false });
  if (wants("paid")) await benchDeliveryRate({ label: "broadcast rate (paid broadcast)", contacts: size("BENCH_PAID_CONTACTS", 20_000), perSecond: 1000, paid: true });
  // "The limit lifted": what the pipeline itself reaches when the limiter is not what holds it back.
  if (wants("lifted")) await benchDeliveryRate({ label: "broadcast pipeline (limit lifted)", contacts: size("BENCH_PAID_CONTACTS", 20_000), perSecond: size("BENCH_LIFTED_RATE", 5_000), paid: true });
  if (wants("materialize")) await benchMaterialize(size("BENCH_MATERIALIZE_CONTACTS", 1_000_000));
  if (wants("kills")) await benchKills(size("BENCH_KILL_CONTACTS", 5_000), size("BENCH_KILLS", 10));
  if (wants("import")) await benchImportContacts(size("BENCH_IMPORT_ROWS", 1_000_000));
}

async function benchConversation(): Promise<void> {
  const content = await loadCampaignContent(join(root, "campaign"));
  if (content.status !== "ok") throw new Error(content.problems.join("\n"));

  // FAQ matching
  const labelled = JSON.parse(readFileSync(join(root, "test/faq/labelled-questions.json"), "utf8")) as { questions: { text: string; language: string }[] };
  let started = performance.now();
  const matcher = createFaqMatcher(content.content.faq);
  const buildMs = performance.now() - started;
  const rounds = 200;
  started = performance.now();
  for (let r = 0; r < rounds; r++) for (const q of labelled.questions) matcher.match(q.text, q.language);
  const perMatch = (performance.now() - started) / (rounds * labelled.questions.length);
  if (wants("faq")) console.log(`faq: index built in ${buildMs.toFixed(1)} ms; ${perMatch.toFixed(3)} ms per match (${Math.round(1000 / perMatch)} matches/s, ${labelled.questions.length} questions x ${rounds})`);

  if (!wants("turns")) return;
  // Conversation turns on embedded SQLite
  const bench = await createBenchDatabase();
  const { db } = bench;
  await storeCampaignContent(db, content.content);
  const engine = createConversationEngine({
    db,
    translator: createTranslator(readLocaleResources(join(root, "locales")), "id"),
    campaign: content.content.campaign,
    faq: matcher,
    regions: await createRegionLookup(),
    defaultCountry: "ID",
    timeZone: "Asia/Jakarta",
    clock: () => new Date(),
    referralLinks: () => ({}),
    flood: { limit: 1_000_000, windowMs: 1000 },
  });
  const script = ["halo", "1", "ya", "1", "2", "gmn cara jd relawan?", "menu", "5", "1", "Bench Voter", "PHONE", "kota bandung", "1", "lewati", "1 2", "8", "9", "4", "ya", "/datasaya"];
  const people = 200;
  const latencies: number[] = [];
  started = performance.now();
  // 8 people talk at once, as a busy bot would see them.
  const concurrency = 8;
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < people) {
        const n = next++;
        const id = `p${n}`;
        for (const line of script) {
          const text = line === "PHONE" ? `0812${String(10_000_000 + n).slice(-8)}` : line;
          const t0 = performance.now();
          await engine.handle({ channel: "console", externalId: id, kind: "text", text, receivedAt: new Date() });
          latencies.push(performance.now() - t0);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const volunteers = await db.volunteer.count();
  console.log(
    `turns (sqlite): ${latencies.length} turns by ${people} people in ${seconds.toFixed(1)} s = ${Math.round(latencies.length / seconds)} turns/s; ` +
      `p50 ${percentile(latencies, 50).toFixed(1)} ms, p99 ${percentile(latencies, 99).toFixed(1)} ms; ${volunteers}/${people} completed sign-up`,
  );
  await bench.close();
}

await main();
