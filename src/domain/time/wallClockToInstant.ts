import { readWallClock, type WallClock } from "./readWallClock.js";

/**
 * The instant at which a wall clock in `timeZone` shows `wall` (seconds and below taken as zero
 * unless given). A time skipped by a daylight-saving jump (02:30 on a spring-forward night)
 * maps to the first instant after the jump; a time shown twice (autumn) maps to the earlier one.
 */
export function wallClockToInstant(wall: Omit<WallClock, "second"> & { second?: number }, timeZone: string): Date {
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second ?? 0);
  // The zone's offset around the target, tried from both sides of a possible transition.
  const candidates = [offsetAt(asUtc - 12 * 3_600_000, timeZone), offsetAt(asUtc + 12 * 3_600_000, timeZone)]
    .map((offset) => asUtc - offset)
    .filter((instant) => offsetAt(instant, timeZone) === asUtc - instant)
    .sort((a, b) => a - b);
  if (candidates[0] !== undefined) return new Date(candidates[0]);
  // Skipped by a jump forward: the answer is the jump itself, somewhere between these two.
  const before = offsetAt(asUtc - 12 * 3_600_000, timeZone);
  const after = offsetAt(asUtc + 12 * 3_600_000, timeZone);
  let low = asUtc - after;
  let high = asUtc - before;
  while (high - low > 1000) {
    const middle = Math.floor((low + high) / 2000) * 1000;
    if (offsetAt(middle, timeZone) === after) high = middle;
    else low = middle;
  }
  return new Date(high);
}

/** Milliseconds the zone is ahead of UTC at `instant`. */
function offsetAt(instant: number, timeZone: string): number {
  const w = readWallClock(new Date(instant), timeZone);
  return Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second) - Math.floor(instant / 1000) * 1000;
}
