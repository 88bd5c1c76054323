// Inbound conversation turns through the engine, against one database: 200 people signing up,
// eight talking at once, as a busy bot would see them.
import { loadavg } from "node:os";
import { join } from "node:path";
import { createConversationEngine } from "../src/conversation/createConversationEngine.js";
import type { ConversationEngine } from "../src/conversation/types.js";
import { createTranslator, readLocaleResources } from "../src/conversation/createTranslator.js";
import type { CampaignContent } from "../src/domain/content/contentSchema.js";
import { storeCampaignContent } from "../src/domain/content/storeCampaignContent.js";
import type { FaqMatcher } from "../src/domain/faq/createFaqMatcher.js";
import { createRegionLookup } from "../src/domain/regions/createRegionLookup.js";
import { createBenchDatabase, root, type BenchDialect } from "./benchDatabase.js";
import { watchServerCpu } from "./watchServerCpu.js";

export interface TurnFigures {
  turnsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** This process's CPU time (user + system) per turn: the figure a loaded machine disturbs least. */
  cpuMsPerTurn: number;
  /** The PostgreSQL server processes' CPU time per turn (undefined on SQLite). */
  serverCpuMsPerTurn?: number;
}

const script = ["halo", "1", "ya", "1", "2", "gmn cara jd relawan?", "menu", "5", "1", "Bench Voter", "PHONE", "kota bandung", "1", "lewati", "1 2", "8", "9", "4", "ya", "/datasaya"];

export async function benchTurns(content: CampaignContent, faq: FaqMatcher, database: BenchDialect): Promise<TurnFigures> {
  const bench = await createBenchDatabase(database);
  const { db } = bench;
  await storeCampaignContent(db, content);
  const engine = createConversationEngine({
    db,
    translator: createTranslator(readLocaleResources(join(root, "locales")), "id"),
    campaign: content.campaign,
    faq,
    regions: await createRegionLookup(),
    defaultCountry: "ID",
    timeZone: "Asia/Jakarta",
    clock: () => new Date(),
    referralLinks: () => ({}),
    flood: { limit: 1_000_000, windowMs: 1000 },
  });
  const people = 200;
  const concurrency = 8;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const server = watchServerCpu(bench);
  const steps = await talk(engine, people, concurrency);
  const latencies = steps.map((step) => step.ms);
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  server.stop();
  const serverSeconds = await server.seconds();
  latencies.sort((a, b) => a - b);
  const volunteers = await db.volunteer.count();
  const figures: TurnFigures = {
    turnsPerSecond: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    cpuMsPerTurn: (cpu.user + cpu.system) / 1000 / latencies.length,
    ...(serverSeconds === undefined ? {} : { serverCpuMsPerTurn: (serverSeconds * 1000) / latencies.length }),
  };
  const serverCpu = figures.serverCpuMsPerTurn === undefined ? "" : `, PostgreSQL server ${figures.serverCpuMsPerTurn.toFixed(2)} ms`;
  console.log(
    `turns (${database}): ${latencies.length} turns by ${people} people in ${seconds.toFixed(1)} s = ${Math.round(figures.turnsPerSecond)} turns/s; ` +
      `p50 ${figures.p50Ms.toFixed(1)} ms, p99 ${figures.p99Ms.toFixed(1)} ms; CPU ${figures.cpuMsPerTurn.toFixed(2)} ms per turn${serverCpu}; ${volunteers}/${people} completed sign-up; load ${loadavg()[0]!.toFixed(1)}`,
  );
  console.log(`turns (${database}): the slowest 1% ${slowestByStep(steps, latencies.length / 100, concurrency * script.length)}`);
  await bench.close();
  return figures;
}

/** `people` people each going through the script, `concurrency` at a time: every turn as it ended. */
async function talk(engine: ConversationEngine, people: number, concurrency: number): Promise<Step[]> {
  const steps: Step[] = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < people) {
        const n = next++;
        for (const [i, line] of script.entries()) {
          const text = line === "PHONE" ? `0812${String(10_000_000 + n).slice(-8)}` : line;
          const t0 = performance.now();
          await engine.handle({ channel: "console", externalId: `p${n}`, kind: "text", text, receivedAt: new Date() });
          steps.push({ ms: performance.now() - t0, step: `${i + 1}. ${line}`, order: steps.length });
        }
      }
    }),
  );
  return steps;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? Number.NaN;
}

/** A turn as it ended: how long it took, its line of the script (numbered: "ya" is two of them), and how many turns ended before it. */
interface Step {
  ms: number;
  step: string;
  order: number;
}

/**
 * Which lines of the script the slowest turns answered, most often first, and how many of them
 * came while the process was still cold (the first `cold` turns: each talker's first person).
 */
function slowestByStep(steps: Step[], count: number, cold: number): string {
  const slowest = [...steps].sort((a, b) => b.ms - a.ms).slice(0, Math.max(1, Math.round(count)));
  const byStep = new Map<string, number>();
  for (const { step } of slowest) byStep.set(step, (byStep.get(step) ?? 0) + 1);
  const early = slowest.filter((turn) => turn.order < cold).length;
  return `by step of the script: ${[...byStep].sort((a, b) => b[1] - a[1]).map(([step, n]) => `"${step}" ${n}`).join(", ")}; ${early} of them among the first ${cold} turns`;
}
