/** The default line below which a region counts as weak: half of its target volunteers. */
export const DEFAULT_WEAK_THRESHOLD_PERCENT = 50;

/**
 * A threshold as staff type it, in percent of the target: "50", "50%", "37,5" or "37.5".
 * Above 0 and at most 100; undefined for anything else ("abc", "0", "150").
 */
export function parseCoverageThreshold(text: string): number | undefined {
  const match = /^(\d{1,3}(?:[.,]\d{1,2})?)\s*%?$/.exec(text.trim());
  if (!match) return undefined;
  const percent = Number(match[1]!.replace(",", "."));
  return percent > 0 && percent <= 100 ? percent : undefined;
}
