// /cakupan [region] (coordinators and admins, like /peta): a region's coverage against its targets
// and each region one level down, as text. A name that fits several regions is a question with
// buttons; the pick shows that region.
import { formatRegionCoverage } from "../../domain/regions/formatRegionCoverage.js";
import { readRegionCoverage } from "../../domain/regions/readRegionCoverage.js";
import type { Turn, TurnInput } from "../turn.js";
import { ensureStaffPermission, staffReply } from "./staffAccess.js";
import { askWhichRegion, resolveStaffRegion } from "./staffRegion.js";

const flow = "coverage";
// A Telegram message holds 4,096 characters: about 40 lines of regions.
const MAX_CHILDREN = 40;

export async function showCoverageCommand(turn: Turn, args: string): Promise<void> {
  const resolved = await resolveStaffRegion(turn, args);
  if (resolved.status === "asked") return askWhichRegion(turn, flow, resolved.candidates, resolved.value, {});
  if (resolved.status === "problem") return staffReply(turn, `${resolved.text}\n${turn.t("mapping:coverage.usage")}`);
  return showCoverage(turn, resolved.code);
}

/** The pick after "which one?": a button, or its number; anything else asks again. */
export async function handleCoverageStep(turn: Turn, input: TurnInput): Promise<void> {
  if (!(await ensureStaffPermission(turn, "cakupan", "map"))) return;
  const code = input.choiceId?.startsWith("region:") ? input.choiceId.slice(7) : undefined;
  if (code === undefined || turn.deps.regions.get(code) === undefined) return turn.say({ text: turn.t("mapping:peta.pickAgain"), choices: turn.previouslyOffered });
  return showCoverage(turn, code);
}

async function showCoverage(turn: Turn, regionCode: string | null): Promise<void> {
  if (regionCode !== null && turn.deps.regions.get(regionCode)?.level === "district") await turn.deps.regions.loadVillages();
  const outcome = await readRegionCoverage(turn.tx, turn.deps.regions, { regionCode, activeDays: turn.deps.activeVolunteerDays ?? 30, now: turn.now });
  if (outcome.status !== "ok") return staffReply(turn, turn.t("mapping:find.notFound", { query: outcome.code }));
  staffReply(turn, formatRegionCoverage(turn.t, turn.language, outcome.coverage, { maxChildren: MAX_CHILDREN }));
}

