// Types for scripts/buildDist.js (plain JavaScript: it runs before anything is compiled).
export type BuildOutcome = { status: "fresh" } | { status: "built"; compiled: number; copied: number; removed: number };

/** Brings `<root>/dist` up to date with `<root>/src` (root: this repository by default). */
export function buildDist(root?: string): Promise<BuildOutcome>;
