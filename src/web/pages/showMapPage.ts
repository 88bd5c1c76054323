// GET /map?figure=…&region=… (coordinators and admins, as /peta in the chat): one figure per region,
// the provinces of Indonesia as a map and the regions inside one as ranked bars, each region a link
// one level down, with a table of the same numbers and targets, and a form that keeps the weak
// regions' contacts as a segment (POST /map/segment, saveWeakMapSegment.ts).
import { formatFigureLabel, formatFigureValue, formatMapSummary, formatMapTitle } from "../../conversation/flows/mapSummary.js";
import { findMapRegion } from "../../domain/maps/findMapRegion.js";
import { mapFigures, mapFigureWord, parseMapFigure, type MapFigure } from "../../domain/maps/mapFigures.js";
import { readRegionMap } from "../../domain/maps/readRegionMap.js";
import { DEFAULT_WEAK_THRESHOLD_PERCENT } from "../../domain/regions/parseCoverageThreshold.js";
import { hasPermission } from "../../domain/staff/hasPermission.js";
import type { DashboardPage, PageContext } from "../dashboardTypes.js";
import { stripXmlProlog } from "../drawChart.js";
import { rememberFigures } from "../rememberFigures.js";
import { showMessage } from "../servePage.js";

export const showMapPage: DashboardPage = {
  method: "GET",
  url: "/map",
  permission: "map",
  nav: "map",
  async handle(context) {
    const query = context.request.query as Record<string, unknown>;
    const text = (name: string) => (typeof query[name] === "string" ? (query[name] as string).trim().slice(0, 200) : "");
    const figure = text("figure") === "" ? "coverage" : parseMapFigure(text("figure"));
    if (figure === undefined) return showMessage(context, 400, "unknownFigure");
    const regionText = text("region");
    if (regionText === "") return renderMapPage(context, { figure, regionCode: null });
    const found = await findMapRegion(context.deps.regions, regionText);
    if (found.status === "country") return renderMapPage(context, { figure, regionCode: null });
    if (found.status !== "found") return showMessage(context, 404, "unknownRegion");
    return renderMapPage(context, { figure, regionCode: found.region.code });
  },
};

export interface MapPageNotice {
  kind: "saved" | "problem";
  text: string;
}

/** The map page for a figure and a region; the segment form's answer shows on it too. */
export async function renderMapPage(
  context: PageContext,
  chosen: { figure: MapFigure; regionCode: string | null; notice?: MapPageNotice; form?: { threshold: string; name: string }; status?: number },
): Promise<ReturnType<PageContext["render"]>> {
  const { deps, t, language } = context;
  const { figure, regionCode } = chosen;
  const reading = () => readRegionMap(deps.db, deps.regions, { figure, regionCode, activeDays: deps.activeVolunteerDays, now: deps.clock() });
  // The whole country is the one reading that goes through every contact: remembered (rememberFigures).
  const outcome = regionCode === null ? (await rememberFigures(deps, `map:${figure}`, reading)).value : await reading();
  if (outcome.status === "unknown_region") return showMessage(context, 404, "unknownRegion");
  const { map } = outcome;
  const figureWord = mapFigureWord(figure, "en");
  const link = (code: string | null) => `/map?figure=${encodeURIComponent(figureWord)}${code === null ? "" : `&region=${encodeURIComponent(code)}`}`;
  const input = { region: map.region, childLevel: map.childLevel, figure: { label: formatFigureLabel(figure, map.activeDays, t), kind: map.kind }, children: map.children };
  // vega and resvg load only when a map is drawn.
  const { drawRegionMap } = await import("../../charts/drawRegionMap.js");
  const drawing = await drawRegionMap(input, t, language, { onWarning: (message) => deps.logger.warn({ message }, "map drawing") });
  // Villages are the last level: nothing below them to open.
  const drillable = map.childLevel !== "village";
  const svg = linkShapes(stripXmlProlog(drawing.svg), map.children, drillable ? link : undefined);
  const value = (v: number | null | undefined) => (v == null ? undefined : formatFigureValue(v, map.kind, language));
  const rows = map.children.map((child) => ({
    name: child.name,
    href: drillable ? link(child.code) : undefined,
    value: value(child.value) ?? t("mapping:map.noData"),
    target: value(child.target) ?? "–",
  }));
  const trail: Array<{ name: string; href: string }> = [];
  for (let code = map.region.code; code !== null; ) {
    const region = deps.regions.get(code);
    if (!region) break;
    trail.unshift({ name: region.name, href: link(region.code) });
    code = region.parentCode ?? null;
  }
  trail.unshift({ name: "Indonesia", href: link(null) });
  const figures = mapFigures.map((f) => ({ value: mapFigureWord(f, "en"), label: formatFigureLabel(f, map.activeDays, t) }));
  return context.render(
    "pages/showMapPage",
    {
      title: formatMapTitle(map, t),
      summary: formatMapSummary(map, t, language).split("\n"),
      svg,
      rows,
      trail,
      figures,
      figure: figureWord,
      regionCode: map.region.code ?? "",
      level: t(`mapping:levelPlural.${map.childLevel}`),
      credit: map.region.code === null ? t("mapping:map.credit") : undefined,
      maySave: context.staff !== undefined && hasPermission(context.staff.role, "segments"),
      form: chosen.form ?? { threshold: String(DEFAULT_WEAK_THRESHOLD_PERCENT), name: "" },
      notice: chosen.notice,
    },
    { title: formatMapTitle(map, t), ...(chosen.status ? { status: chosen.status } : {}) },
  );
}

/**
 * Each shape of the province map (vega gives it an aria-label "Jawa Barat: 42%") gets a <title>,
 * the tooltip on hover or a long tap, and a link one level down.
 */
function linkShapes(svg: string, children: ReadonlyArray<{ code: string; name: string }>, link: ((code: string) => string) | undefined): string {
  const byName = new Map(children.map((child) => [child.name, child.code]));
  // A mark container vega leaves without a name (the legend's "no data" swatch) is decoration to a screen reader.
  const named = svg.replace(/<g((?:(?!aria-label)[^>])*?) role="graphics-symbol"((?:(?!aria-label)[^>])*)>/g, '<g$1 role="graphics-symbol" aria-hidden="true"$2>');
  return named.replace(/<path([^>]*?)\saria-label="([^"]*)"([^>]*?)\/>/g, (whole, before: string, label: string, after: string) => {
    const shape = `<path${before} aria-label="${label}"${after}><title>${label}</title></path>`;
    const name = label.replace(/&amp;/g, "&").replace(/: [^:]*$/, "");
    const code = byName.get(name);
    return link && code !== undefined ? `<a href="${link(code).replace(/&/g, "&amp;")}">${shape}</a>` : shape;
  });
}
