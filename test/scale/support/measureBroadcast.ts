// What reached the fake Bot API against what the database says, per contact: the figures every
// scale test prints and asserts on.
import type { Database } from "../../../src/db/client.js";
import type { FakeTelegram } from "./startFakeTelegram.js";
import type { SeededBroadcast } from "./seedBroadcast.js";

export interface BroadcastFigures {
  contacts: number;
  /** Messages the fake accepted, duplicates included. */
  delivered: number;
  /** Messages beyond the first to one chat. */
  duplicates: number;
  /** Contacts whose message never arrived and whose row does not say uncertain. */
  lost: number;
  /** Rows reported uncertain, and how many of those had in fact arrived. */
  uncertain: number;
  uncertainArrived: number;
  /** Arrived, yet the row says neither sent nor uncertain (failed, queued...). */
  misrecorded: number;
  statuses: Record<string, number>;
  /** 429s the fake answered because the combined rate went over its limit. */
  provoked429: number;
  injected429: number;
  injected500: number;
  /** Between the first and the last accepted arrival. */
  ratePerSecond: number;
  ratio: number;
  /** The most sends (accepted, and refused as over the limit) in any 1000 ms window. */
  maxWindow: number;
  limit: number;
  /** Gaps between consecutive arrivals, ms; and how many were under half the even pace (bunching). */
  gapP01: number;
  gapP50: number;
  gapP99: number;
  gapMax: number;
  bunched: number;
  /** Accepted arrivals, and provoked 429s, ms after the first arrival (the fake's clock). */
  arrivals: number[];
  rejections: number[];
  /** The first arrival on the fake's clock: subtract it from a stats().now to compare. */
  origin: number;
}

export async function measureBroadcast(db: Database, fake: FakeTelegram, seeded: SeededBroadcast, limit: number): Promise<BroadcastFigures> {
  const stats = await fake.stats({ byChat: true, arrivals: true });
  const received = new Map(stats.byChat);
  const rows = await db.delivery.findMany({ where: { broadcastId: seeded.broadcastId }, select: { contactId: true, status: true } });
  const statuses: Record<string, number> = {};
  let lost = 0;
  let uncertain = 0;
  let uncertainArrived = 0;
  let misrecorded = 0;
  for (const row of rows) {
    statuses[row.status] = (statuses[row.status] ?? 0) + 1;
    const arrived = (received.get(seeded.chatOf.get(row.contactId ?? "") ?? "") ?? 0) > 0;
    if (row.status === "uncertain") {
      uncertain++;
      if (arrived) uncertainArrived++;
    } else if (!arrived) lost++;
    else if (row.status !== "sent") misrecorded++;
  }
  // A contact with no row at all was never queued: lost as well.
  lost += seeded.chatOf.size - rows.length;
  const first = stats.arrivals?.[0] ?? 0;
  const arrivals = (stats.arrivals ?? []).map((t) => t - first);
  const rejections = (stats.rateLimitedAt ?? []).map((t) => t - first);
  const spanSeconds = (arrivals.at(-1) ?? 0) / 1000;
  const ratePerSecond = spanSeconds > 0 ? (arrivals.length - 1) / spanSeconds : 0;
  const gaps = arrivals.slice(1).map((t, i) => t - arrivals[i]!).sort((a, b) => a - b);
  const quantile = (q: number) => gaps[Math.min(gaps.length - 1, Math.floor(q * gaps.length))] ?? 0;
  return {
    contacts: seeded.chatOf.size,
    delivered: stats.delivered,
    duplicates: stats.duplicateMessages,
    lost,
    uncertain,
    uncertainArrived,
    misrecorded,
    statuses,
    provoked429: stats.rateLimited,
    injected429: stats.injected[429] ?? 0,
    injected500: stats.injected[500] ?? 0,
    ratePerSecond,
    ratio: ratePerSecond / limit,
    maxWindow: busiestSecond(sendAttempts(arrivals, rejections)),
    limit,
    gapP01: quantile(0.01),
    gapP50: quantile(0.5),
    gapP99: quantile(0.99),
    gapMax: gaps.at(-1) ?? 0,
    bunched: gaps.filter((gap) => gap < 500 / limit).length,
    arrivals,
    rejections,
    origin: first,
  };
}

/** Accepted and over-the-limit sends together, in order of arrival. */
function sendAttempts(arrivals: readonly number[], rejections: readonly number[]): number[] {
  return [...arrivals, ...rejections].sort((a, b) => a - b);
}

/** The busiest second and the provoked 429s between two moments (ms after the first arrival). */
export function sendsBetween(f: BroadcastFigures, fromMs: number, toMs: number): { maxWindow: number; provoked429: number } {
  const within = (t: number) => t >= fromMs && t < toMs;
  return { maxWindow: busiestSecond(sendAttempts(f.arrivals.filter(within), f.rejections.filter(within))), provoked429: f.rejections.filter(within).length };
}

/** The most arrivals in any window (t - 1000, t], as the fake counts them; `times` in order. */
export function busiestSecond(times: readonly number[]): number {
  let most = 0;
  let from = 0;
  for (let to = 0; to < times.length; to++) {
    while (times[from]! <= times[to]! - 1000) from++;
    most = Math.max(most, to - from + 1);
  }
  return most;
}

/** The accepted arrivals in the second before the first provoked 429, as gaps: where the bunching was. */
function firstRejectionWindow(f: BroadcastFigures): string {
  const at = f.rejections[0];
  if (at === undefined) return "";
  const inWindow = f.arrivals.filter((t) => t > at - 1000 && t <= at);
  const gaps = inWindow.slice(1).map((t, i) => (t - inWindow[i]!).toFixed(0));
  return `; the ${inWindow.length} arrivals in the second before the first one came ${(at - inWindow[0]!).toFixed(0)} ms before it, gaps ${gaps.join(" ")} ms`;
}

/** One plain line for the CI log. */
export function describeFigures(label: string, f: BroadcastFigures, extra = ""): string {
  const statuses = Object.entries(f.statuses)
    .map(([status, n]) => `${status}=${n}`)
    .join(" ");
  return (
    `scale ${label}: contacts ${f.contacts}, delivered ${f.delivered}, duplicates ${f.duplicates}, lost ${f.lost}, ` +
    `uncertain ${f.uncertain} (${f.uncertainArrived} arrived), misrecorded ${f.misrecorded}, provoked 429s ${f.provoked429}, ` +
    `injected 429s ${f.injected429} / 500s ${f.injected500}, rate ${f.ratePerSecond.toFixed(2)} msg/s = ${f.ratio.toFixed(3)} of ${f.limit}, ` +
    `max ${f.maxWindow} sends (accepted + provoked) in any 1000 ms window, gaps p1 ${f.gapP01.toFixed(1)} / p50 ${f.gapP50.toFixed(1)} / p99 ${f.gapP99.toFixed(1)} / max ${f.gapMax.toFixed(0)} ms ` +
    `(${f.bunched} under half the pace); ` +
    `rows ${statuses}${f.rejections.length ? `; provoked 429s at ${f.rejections.slice(0, 20).map((t) => t.toFixed(0)).join(", ")}${f.rejections.length > 20 ? ", ..." : ""} ms${firstRejectionWindow(f)}` : ""}` +
    `${extra ? `; ${extra}` : ""}`
  );
}
