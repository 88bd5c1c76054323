import type { CanvassCounts } from "./canvassTypes.js";

/**
 * Supporters among the households that were home and answered (households minus not at home), as a
 * fraction; null when nobody was met. The dashboard, the maps and the chat all use this one rule.
 */
export function supportShare(counts: Pick<CanvassCounts, "households" | "supporters" | "notHome">): number | null {
  const met = counts.households - counts.notHome;
  return met > 0 ? counts.supporters / met : null;
}
