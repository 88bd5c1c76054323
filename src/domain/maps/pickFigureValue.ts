import type { CoverageFigures } from "../regions/coverageTypes.js";
import type { MapFigure } from "./mapFigures.js";
import type { RegionValue } from "./types.js";

/**
 * One figure of a region. A count is "no data" (null) where nothing at all is known about the
 * region (no contact, no target, no report), not 0; a share or ratio is null without the target
 * it is measured against. The target is in the figure's unit (1 for a share).
 */
export function pickFigureValue(figures: CoverageFigures, figure: MapFigure): Pick<RegionValue, "value" | "target"> {
  const count = (value: number) => (figures.hasData ? value : null);
  const { targetVolunteers, targetSupporters } = figures.targets;
  switch (figure) {
    case "coverage":
      return { value: figures.volunteerCoverage, target: targetVolunteers === null ? null : 1 };
    case "supporters":
      return { value: figures.supporterCoverage, target: targetSupporters === null ? null : 1 };
    case "volunteers":
      return { value: count(figures.volunteers), target: targetVolunteers };
    case "active":
      return { value: count(figures.activeVolunteers), target: targetVolunteers };
    case "per-tps":
      return { value: figures.volunteersPerTps, target: null };
    case "contacts":
      return { value: count(figures.contacts), target: null };
    case "subscribers":
      return { value: count(figures.subscribers), target: null };
    case "reports":
      return { value: count(figures.canvass.reports), target: null };
    case "support":
      return { value: figures.canvass.supportShare, target: null };
  }
}
