import type { RankedRegionValues, RegionValue } from "./types.js";

const SHOWN = 3;

/** The children of a region by their figure: highest first, and the three strongest and weakest for a summary. */
export function rankRegionValues(children: ReadonlyArray<RegionValue>): RankedRegionValues {
  const byName = (a: RegionValue, b: RegionValue) => a.name.localeCompare(b.name, "id");
  const ranked = children.filter((child) => child.value !== null).sort((a, b) => b.value! - a.value! || byName(a, b));
  const noData = children.filter((child) => child.value === null).sort(byName);
  // With six or fewer, split them in halves so nobody is named both strong and weak.
  const strongCount = ranked.length >= 2 * SHOWN ? SHOWN : Math.ceil(ranked.length / 2);
  const weakCount = Math.min(SHOWN, ranked.length - strongCount);
  return {
    ranked,
    strongest: ranked.slice(0, strongCount),
    weakest: ranked.slice(ranked.length - weakCount).reverse(),
    noData,
  };
}
