import { isRegionCode } from "./isRegionCode.js";

/**
 * Segment tags for a region and every area above it, so a broadcast to a province reaches its
 * districts and villages: "32.73.01" -> ["region:32", "region:32.73", "region:32.73.01"]. [] for a malformed code.
 */
export function regionTags(code: string): string[] {
  if (!isRegionCode(code)) return [];
  const parts = code.split(".");
  return parts.map((_, i) => `region:${parts.slice(0, i + 1).join(".")}`);
}
