// The region a staff command names (/cakupan, /wilayahlemah), by the same rule as /peta
// (resolveMapRegion), and the "which one?" question when a name fits several.
import { resolveMapRegion } from "../../domain/maps/resolveMapRegion.js";
import { describeRegionSearch } from "../../domain/regions/describeRegionSearch.js";
import type { RegionMatch } from "../../domain/regions/types.js";
import type { StateData } from "../turn.js";
import type { Turn } from "../turn.js";

// More buttons than this are no help; the rest are named in words.
const CHOICES_SHOWN = 8;

export type StaffRegion =
  | { status: "found"; code: string | null }
  | { status: "asked"; value: string; candidates: RegionMatch[] }
  | { status: "problem"; text: string };

export async function resolveStaffRegion(turn: Turn, text: string): Promise<StaffRegion> {
  // A name with commas may be a village: read them first (about a second, once per process).
  if (text.includes(",") || /^\d{2}\.?\d{2}\.?\d{2}\.?\d{4}$/.test(text.trim())) await turn.deps.regions.loadVillages();
  const resolved = resolveMapRegion(turn.deps.regions, text);
  if (resolved.status === "country") return { status: "found", code: null };
  if (resolved.status === "found") return { status: "found", code: resolved.region.code };
  if (resolved.status === "ambiguous") return { status: "asked", value: resolved.value, candidates: resolved.candidates };
  return { status: "problem", text: describeRegionSearch(turn.t, resolved) };
}

/** Buttons for the regions a name fits (region:<code>); the flow's step "pickRegion" takes the pick. */
export function askWhichRegion(turn: Turn, flow: string, candidates: RegionMatch[], value: string, data: StateData): void {
  const shown = candidates.slice(0, CHOICES_SHOWN);
  const text = [turn.t("mapping:peta.ambiguous", { value })];
  if (candidates.length > shown.length) text.push(turn.t("mapping:peta.ambiguousMore", { count: candidates.length - shown.length, example: shown[0]!.label }));
  turn.go(flow, "pickRegion", data);
  turn.say({ text: text.join("\n"), choices: shown.map((match) => ({ id: `region:${match.code}`, label: `${match.label} (${match.code})` })) });
}
