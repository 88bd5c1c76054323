// /peta [figure] [region] (coordinators and admins, like /stats): a figure per region as a picture
// (the province map of Indonesia, or the regions inside one as ranked bars) with the strongest and
// weakest in words. A name that fits several regions is a question with buttons.
import { mapFigures, mapFigureWord, parseMapFigure, type MapFigure } from "../../domain/maps/mapFigures.js";
import { readRegionMap } from "../../domain/maps/readRegionMap.js";
import { findMapRegion } from "../../domain/maps/findMapRegion.js";
import { resolveMapRegion } from "../../domain/maps/resolveMapRegion.js";
import type { Turn, TurnInput } from "../turn.js";
import { formatFigureLabel, formatMapSummary, formatMapTitle, listFigureWords } from "./mapSummary.js";
import { ensureStaffPermission, staffReply } from "./staffAccess.js";

const flow = "map";
// A question with more buttons than this is no help; the rest are named in words.
const CHOICES_SHOWN = 8;

export async function showMap(turn: Turn, args: string): Promise<void> {
  const t = turn.t;
  const figures = listFigureWords(mapFigures, turn.language);
  const [first = "", ...rest] = args.trim().split(/\s+/);
  if (["help", "bantuan", "?"].includes(first.toLowerCase())) return staffReply(turn, t("mapping:peta.usage", { figures }));
  const named = parseMapFigure(first);
  const figure: MapFigure = named ?? "coverage";
  const regionText = named ? rest.join(" ") : args;
  const resolved = await findMapRegion(turn.deps.regions, regionText);
  switch (resolved.status) {
    case "country":
      return drawMap(turn, figure, null);
    case "found":
      return drawMap(turn, figure, resolved.region.code);
    case "ambiguous": {
      const shown = resolved.candidates.slice(0, CHOICES_SHOWN);
      const more = resolved.candidates.length - shown.length;
      const text = [t("mapping:peta.ambiguous", { value: resolved.value })];
      if (more > 0) text.push(t("mapping:peta.ambiguousMore", { count: more, example: shown[0]!.label }));
      turn.go(flow, "pickRegion", { figure });
      return turn.say({ text: text.join("\n"), choices: shown.map((match) => ({ id: `map:${match.code}`, label: match.label })) });
    }
    case "unknown": {
      // "/peta xyz jabar": a figure nobody knows, in front of a region that exists.
      if (!named && rest.length > 0 && resolveMapRegion(turn.deps.regions, rest.join(" ")).status !== "unknown") {
        return staffReply(turn, t("mapping:peta.unknownFigure", { value: first, figures }));
      }
      const lines = [t("mapping:peta.unknownRegion", { value: resolved.value })];
      if (resolved.suggestions.length > 0) lines.push(t("mapping:peta.suggest", { list: resolved.suggestions.map((match) => match.label).join("; ") }));
      lines.push(t("mapping:peta.regionHint"));
      // A single word may have been meant as a figure.
      if (!named && rest.length === 0) lines.push(t("mapping:peta.figuresHint", { figures }));
      return staffReply(turn, lines.join("\n"));
    }
  }
}

/** The pick after "which one?": a button, or its number; anything else asks again. */
export async function handleMapStep(turn: Turn, input: TurnInput): Promise<void> {
  if (!(await ensureStaffPermission(turn, "peta", "stats"))) return;
  const code = input.choiceId?.startsWith("map:") ? input.choiceId.slice(4) : undefined;
  const figure = parseMapFigure(String(turn.data.figure ?? "")) ?? "coverage";
  if (code === undefined || turn.deps.regions.get(code) === undefined) return turn.say({ text: turn.t("mapping:peta.pickAgain"), choices: turn.previouslyOffered });
  return drawMap(turn, figure, code);
}

async function drawMap(turn: Turn, figure: MapFigure, regionCode: string | null): Promise<void> {
  const t = turn.t;
  const language = turn.language;
  const outcome = await readRegionMap(turn.tx, turn.deps.regions, { figure, regionCode, activeDays: turn.deps.activeVolunteerDays ?? 30, now: turn.now });
  if (outcome.status === "unknown_region") return staffReply(turn, t("mapping:peta.unknownRegion", { value: outcome.code }));
  const { map } = outcome;
  const title = formatMapTitle(map, t);
  staffReply(turn, formatMapSummary(map, t, language), title);
  const input = {
    region: map.region,
    childLevel: map.childLevel,
    figure: { label: formatFigureLabel(figure, map.activeDays, t), kind: map.kind },
    children: map.children,
  };
  const { regionMapSize } = await import("../../charts/regionMapSize.js");
  let drawn: Promise<Uint8Array> | undefined;
  turn.say({
    text: title,
    image: {
      fileName: `peta-${mapFigureWord(figure, "en")}-${map.region.code ?? "indonesia"}.png`,
      ...regionMapSize(input),
      // Drawn by the channel when it sends the picture, after the turn's transaction has committed;
      // vega and resvg load only in a process that draws.
      png: () =>
        (drawn ??= Promise.all([import("../../charts/drawRegionMap.js"), import("../../charts/renderSvgPng.js")]).then(async ([{ drawRegionMap }, { renderSvgPng }]) => {
          const drawing = await drawRegionMap(input, t, language);
          return renderSvgPng(drawing.svg, drawing);
        })),
    },
  });
}
