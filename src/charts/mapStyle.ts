// The look every map and ranked chart shares: sizes, colours, the "no data" hatching and number formats.
import type { FigureKind } from "../domain/maps/types.js";

/** The province map of Indonesia: wide, as the country is (about 46° of longitude by 17° of latitude). */
export const provinceMapSize = { width: 1000, height: 480 } as const;

export const barChartWidth = 800;

/** Drawn regions run from this light blue (zero) to dark blue, so zero stays apart from "no data". */
export const mapScheme = { name: "blues", extent: [0.18, 1] } as const;

export const targetColor = "#c0392b";

/** The fill of a region without data: grey hatching, defined once per SVG by addNoDataPattern. */
export const noDataPatternId = "relawan-no-data";
export const noDataFill = `url(#${noDataPatternId})`;

const pattern =
  `<pattern id="${noDataPatternId}" patternUnits="userSpaceOnUse" width="7" height="7" patternTransform="rotate(45)">` +
  `<rect width="7" height="7" fill="#ececec"/><line x1="0" y1="0" x2="0" y2="7" stroke="#a6a6a6" stroke-width="2.5"/></pattern>`;

/** vega writes the fill as given; the pattern it points to goes into the SVG's own <defs>, so the SVG stands alone (web, resvg). */
export function addNoDataPattern(svg: string): string {
  return svg.replace(/^(<svg[^>]*>)/, `$1<defs>${pattern}</defs>`);
}

/** d3 number formats (vega reads them with the staff member's locale: 12.500 / 12,500). */
export function figureFormat(kind: FigureKind): string {
  return kind === "share" ? ".0%" : kind === "ratio" ? ",.2f" : ",d";
}
