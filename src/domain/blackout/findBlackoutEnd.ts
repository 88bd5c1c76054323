import type { BlackoutRange } from "./parseBlackout.js";

/**
 * If `at` is inside a blackout, when sending may resume: the end of that range, carried on
 * through any range that overlaps or touches it. Otherwise undefined.
 */
export function findBlackoutEnd(ranges: readonly BlackoutRange[], at: Date): Date | undefined {
  const t = at.getTime();
  let end: number | undefined;
  for (const range of [...ranges].sort((a, b) => a.start.getTime() - b.start.getTime())) {
    const start = range.start.getTime();
    if (end === undefined) {
      if (start <= t && t < range.end.getTime()) end = range.end.getTime();
    } else if (start <= end) {
      end = Math.max(end, range.end.getTime());
    }
  }
  return end === undefined ? undefined : new Date(end);
}
