// `npm run bench`: figures, not assertions. Sized for a 2-core machine.
// BENCH_ONLY=startup,faq,turns,flood,rate,paid,lifted,materialize,kills,import,receipts,coverage,map,dashboard,segmentcount runs a subset; the BENCH_* sizes are the size() calls in main().
// BENCH_DATABASE=sqlite|postgresql|both picks the databases (default: both when PostgreSQL answers
// at BENCH_POSTGRES_URL); every section but faq runs once per database, and where both ran a
// ratio line follows (postgresql/sqlite).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { loadCampaignContent } from "../src/domain/content/loadCampaignContent.js";
import { createCampaignFaqMatcher } from "../src/domain/faq/createCampaignFaqMatcher.js";
import { benchCoverage } from "./benchCoverage.js";
import { benchDashboard } from "./benchDashboard.js";
import { benchDatabases, root, type BenchDialect } from "./benchDatabase.js";
import { benchDeliveryRate, type RateBench, type RateFigures } from "./benchDeliveryRate.js";
import { benchFlood } from "./benchFlood.js";
import { benchKills } from "./benchKills.js";
import { benchMap } from "./benchMap.js";
import { benchMaterialize } from "./benchMaterialize.js";
import { benchReceipts } from "./benchReceipts.js";
import { benchSegmentCount } from "./benchSegmentCount.js";
import { benchStartup } from "./benchStartup.js";
import { benchTurns } from "./benchTurns.js";
import { benchImportContacts } from "./importContacts.js";
import { describeMachine, readMachine } from "./measureMachine.js";

const only = process.env.BENCH_ONLY?.split(",").map((s) => s.trim());
const wants = (section: string) => !only || only.includes(section);
const size = (name: string, fallback: number) => {
  const value = Number(process.env[name] ?? fallback);
  if (!Number.isInteger(value) || value < 1) throw new Error(`${name} must be a whole number above 0`);
  return value;
};

async function main(): Promise<void> {
  // Start-up involves no database choice: the terminal chat on a fresh SQLite file.
  if (wants("startup")) await benchStartup(size("BENCH_STARTUP_RUNS", 7));
  // Drawing the maps involves no database either.
  if (wants("map")) await benchMap(size("BENCH_MAP_RUNS", 10));
  if (only?.every((section) => section === "startup" || section === "map")) return;
  const databases = await benchDatabases();
  if (wants("faq") || wants("turns") || wants("flood")) await benchConversation(databases);
  // The full-size rate run takes about 11 minutes per database at 30 msg/s; BENCH_CONTACTS=600 gives a 20-second figure.
  if (wants("rate")) await benchRate(databases, { label: "broadcast rate", variant: "default limit", contacts: size("BENCH_CONTACTS", 20_000), perSecond: size("TELEGRAM_RATE_PER_SECOND", 30), paid: false });
  if (wants("paid")) await benchRate(databases, { label: "broadcast rate", variant: "paid broadcast", contacts: size("BENCH_PAID_CONTACTS", 20_000), perSecond: 1000, paid: true });
  // "The limit lifted": what the pipeline itself reaches when the limiter is not what holds it back.
  if (wants("lifted")) await benchRate(databases, { label: "broadcast pipeline", variant: "limit lifted", contacts: size("BENCH_PAID_CONTACTS", 20_000), perSecond: size("BENCH_LIFTED_RATE", 5_000), paid: true });
  if (wants("materialize")) {
    const figures = await eachDatabase(databases, (database) => benchMaterialize(size("BENCH_MATERIALIZE_CONTACTS", 1_000_000), database));
    printRatio("materialise", figures, { seconds: (f) => f.seconds, "peak RSS of the bot process": (f) => f.peakRssMb });
  }
  // At Telegram's default limit the survivor sends what the kills left at 30 msg/s: 2,000 contacts take about a minute.
  if (wants("kills")) await eachDatabase(databases, (database) => benchKills(size("BENCH_KILL_CONTACTS", 2_000), size("BENCH_KILLS", 10), size("BENCH_KILL_RATE", 30), database));
  if (wants("import")) await eachDatabase(databases, (database) => benchImportContacts(size("BENCH_IMPORT_ROWS", 1_000_000), database));
  // Status webhooks, each answered once its receipt is written: one at a time (a sender waiting for each answer), 16 and 128 at once.
  if (wants("receipts")) await eachDatabase(databases, (database) => benchReceipts(size("BENCH_RECEIPTS", 2_000), [1, 16, 128], database));
  // Coverage's goal (at most a second per query on a million contacts) is about SQLite; measured there only.
  if (wants("coverage")) await benchCoverage(size("BENCH_COVERAGE_CONTACTS", 1_000_000));
  // The dashboard's goal (p95 at most 300 ms per page on a million contacts) is about SQLite too.
  if (wants("dashboard")) await benchDashboard(size("BENCH_DASHBOARD_CONTACTS", 1_000_000), size("BENCH_DASHBOARD_RUNS", 20));
  // The segment form's live count (goal: at most a second on a million contacts), SQLite only as the dashboard's.
  if (wants("segmentcount")) await benchSegmentCount(size("BENCH_SEGMENTCOUNT_CONTACTS", 1_000_000), size("BENCH_SEGMENTCOUNT_RUNS", 10));
}

async function benchConversation(databases: BenchDialect[]): Promise<void> {
  const content = await loadCampaignContent(join(root, "campaign"));
  if (content.status !== "ok") throw new Error(JSON.stringify(content.problems));

  // FAQ matching: no database involved, measured once.
  type Half = Record<"questions" | "offTopic" | "vague", { text: string; language: string }[]>;
  const set = JSON.parse(readFileSync(join(root, "test/faq/labelled-questions.json"), "utf8")) as { tuning: Half; reporting: Half };
  // Every labelled message of both halves, off-topic and vague ones too: they cost as much to match.
  const labelled = { questions: [set.tuning, set.reporting].flatMap((half) => [...half.questions, ...half.offTopic, ...half.vague]) };
  let started = performance.now();
  const matcher = createCampaignFaqMatcher(content.content);
  const buildMs = performance.now() - started;
  const rounds = 200;
  started = performance.now();
  for (let r = 0; r < rounds; r++) for (const q of labelled.questions) matcher.match(q.text, q.language);
  const perMatch = (performance.now() - started) / (rounds * labelled.questions.length);
  if (wants("faq")) console.log(`faq: index built in ${buildMs.toFixed(1)} ms; ${perMatch.toFixed(3)} ms per match (${Math.round(1000 / perMatch)} matches/s, ${labelled.questions.length} questions x ${rounds})`);

  if (wants("turns")) {
    const figures = await eachDatabase(databases, (database) => benchTurns(content.content, matcher, database));
    printRatio("turns", figures, { "turns/s": (f) => f.turnsPerSecond, p50: (f) => f.p50Ms, p99: (f) => f.p99Ms, "CPU/turn": (f) => f.cpuMsPerTurn });
  }
  if (wants("flood")) {
    const options = { quiet: size("BENCH_FLOOD_QUIET", 100), bursts: size("BENCH_FLOOD_BURSTS", 2) };
    const figures = await eachDatabase(databases, (database) => benchFlood(content.content, matcher, database, options));
    printRatio("flood", figures, { p99: (f) => f.p99Ms });
  }
}

async function benchRate(databases: BenchDialect[], bench: Omit<RateBench, "database">): Promise<void> {
  const figures = await eachDatabase(databases, (database) => benchDeliveryRate({ ...bench, database }));
  printRatio(bench.label, figures, { "sustained msg/s": (f: RateFigures) => f.sustained, "wall seconds": (f) => f.seconds }, bench.variant);
}

/** One run per database, one after the other, so they never compete for the two cores. */
async function eachDatabase<T>(databases: BenchDialect[], run: (database: BenchDialect) => Promise<T>): Promise<Partial<Record<BenchDialect, T>>> {
  const figures: Partial<Record<BenchDialect, T>> = {};
  for (const database of databases) figures[database] = await run(database);
  return figures;
}

/** `${name} (${variant}, postgresql/sqlite): ...`, the same name as the figure lines it compares. */
function printRatio<T>(name: string, figures: Partial<Record<BenchDialect, T>>, measures: Record<string, (f: T) => number>, variant?: string): void {
  const { sqlite, postgresql } = figures;
  if (sqlite === undefined || postgresql === undefined) return;
  const ratios = Object.entries(measures).map(([label, of]) => `${label} ${(of(postgresql) / of(sqlite)).toFixed(2)}`);
  console.log(`${name} (${variant === undefined ? "" : `${variant}, `}postgresql/sqlite): ${ratios.join(", ")}`);
}

// The machine's speed before and after: the figures between are only as quiet as it was.
const before = readMachine();
console.log(describeMachine("start", before));
try {
  await main();
} finally {
  console.log(describeMachine("end", readMachine(), before));
}
