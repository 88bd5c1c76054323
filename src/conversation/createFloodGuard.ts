// A person sending more than `limit` messages within `windowMs` is told once
// to slow down, then ignored until the window has room again.
export type FloodVerdict = "ok" | "warn" | "ignore";

export interface FloodGuard {
  check(key: string, at: Date): FloodVerdict;
}

export function createFloodGuard(limit: number, windowMs: number): FloodGuard {
  const seen = new Map<string, { times: number[]; warned: boolean }>();
  let checks = 0;
  return {
    check(key, at) {
      const now = at.getTime();
      const entry = seen.get(key) ?? { times: [], warned: false };
      entry.times = entry.times.filter((t) => now - t < windowMs);
      entry.times.push(now);
      seen.set(key, entry);
      if (++checks % 1000 === 0) forgetQuiet(seen, now, windowMs);
      if (entry.times.length <= limit) {
        entry.warned = false;
        return "ok";
      }
      if (entry.warned) return "ignore";
      entry.warned = true;
      return "warn";
    },
  };
}

function forgetQuiet(seen: Map<string, { times: number[] }>, now: number, windowMs: number): void {
  for (const [key, entry] of seen) {
    if (entry.times.every((t) => now - t >= windowMs)) seen.delete(key);
  }
}
