// /wilayahlemah [threshold %] [region] (coordinators and admins): the regions below a threshold of
// their target volunteers, weakest first, and one button more to keep their contacts as a segment
// for a recruitment broadcast or a task (staff who may make segments; audited as segment.create).
import { findWeakRegions } from "../../domain/regions/findWeakRegions.js";
import { formatWeakRegions } from "../../domain/regions/formatWeakRegions.js";
import { DEFAULT_WEAK_THRESHOLD_PERCENT, parseCoverageThreshold } from "../../domain/regions/parseCoverageThreshold.js";
import { saveWeakRegionSegment } from "../../domain/regions/saveWeakRegionSegment.js";
import { hasPermission } from "../../domain/staff/hasPermission.js";
import type { Turn, TurnInput } from "../turn.js";
import { ensureStaffPermission, staffReply } from "./staffAccess.js";
import { askWhichRegion, resolveStaffRegion } from "./staffRegion.js";

const flow = "weakRegions";
const MAX_ROWS = 40;
const SAVE = "weak:save";

export async function showWeakRegionsCommand(turn: Turn, args: string): Promise<void> {
  const t = turn.t;
  const [first = "", ...rest] = args.trim().split(/\s+/);
  let thresholdPercent = DEFAULT_WEAK_THRESHOLD_PERCENT;
  let regionText = args;
  const parsed = parseCoverageThreshold(first);
  if (parsed !== undefined) {
    thresholdPercent = parsed;
    regionText = rest.join(" ");
  } else if (/\d/.test(first) && !/^\d{2}(\.?\d{2}){0,2}(\.?\d{4})?,?$/.test(first)) {
    // "150", "-5", "50x": meant as a threshold, and not one.
    return staffReply(turn, t("mapping:weak.badThreshold", { value: first.slice(0, 20) }));
  }
  const resolved = await resolveStaffRegion(turn, regionText);
  if (resolved.status === "asked") return askWhichRegion(turn, flow, resolved.candidates, resolved.value, { thresholdPercent });
  if (resolved.status === "problem") return staffReply(turn, `${resolved.text}\n${t("mapping:weak.usage", { threshold: DEFAULT_WEAK_THRESHOLD_PERCENT })}`);
  return showWeakRegions(turn, resolved.code, thresholdPercent);
}

export async function handleWeakRegionsStep(turn: Turn, input: TurnInput): Promise<void> {
  if (!(await ensureStaffPermission(turn, "wilayahlemah", "map"))) return;
  const t = turn.t;
  if (turn.step === "pickRegion") {
    const code = input.choiceId?.startsWith("region:") ? input.choiceId.slice(7) : undefined;
    if (code === undefined || turn.deps.regions.get(code) === undefined) return turn.say({ text: t("mapping:peta.pickAgain"), choices: turn.previouslyOffered });
    return showWeakRegions(turn, code, Number(turn.data.thresholdPercent ?? DEFAULT_WEAK_THRESHOLD_PERCENT));
  }
  const codes = Array.isArray(turn.data.codes) ? (turn.data.codes as string[]) : [];
  if (turn.step === "offer") {
    if (input.choiceId !== SAVE || codes.length === 0) return staffReply(turn, t("mapping:weak.expired"));
    if (!(await ensureStaffPermission(turn, "wilayahlemah", "segments"))) return;
    turn.go(flow, "name", turn.data);
    return turn.say({ text: t("mapping:weak.askName", { example: String(turn.data.example ?? "") }) });
  }
  // step "name": the segment's name, asked again until one is free and valid (or /batal).
  if (!(await ensureStaffPermission(turn, "wilayahlemah", "segments"))) return;
  const name = input.text.trim();
  const saved = await saveWeakRegionSegment(turn.tx, { name, regionCodes: codes, actor: turn.contact.id, at: turn.now });
  if (saved.status === "name_taken") return turn.say({ text: `${t("mapping:weak.nameTaken", { name: name.slice(0, 60) })} ${t("mapping:weak.nameAgain")}` });
  if (saved.status === "bad_name") return turn.say({ text: `${t("mapping:weak.badName")} ${t("mapping:weak.nameAgain")}` });
  staffReply(turn, t("mapping:weak.saved", { name: saved.name, count: codes.length }));
}

async function showWeakRegions(turn: Turn, regionCode: string | null, thresholdPercent: number): Promise<void> {
  const t = turn.t;
  const regions = turn.deps.regions;
  if (regionCode !== null && regions.get(regionCode)?.level === "district") await regions.loadVillages();
  const outcome = await findWeakRegions(turn.tx, regions, { regionCode, thresholdPercent, activeDays: turn.deps.activeVolunteerDays ?? 30, now: turn.now });
  const scopeName = regionCode === null ? "Indonesia" : (regions.get(regionCode)?.name ?? regionCode);
  if (outcome.status === "level_not_below") return staffReply(turn, t("mapping:weak.levelNotBelow", { level: t(`mapping:level.${outcome.level}`), region: scopeName }));
  // Neither happens without --level, which the chat does not offer; said plainly all the same.
  if (outcome.status !== "ok") return staffReply(turn, t("mapping:find.notFound", { query: scopeName }));
  const text = formatWeakRegions(t, turn.language, { ...outcome, scopeName, thresholdPercent }, { maxRows: MAX_ROWS });
  if (outcome.weak.length === 0 || !hasPermission(turn.contact.role, "segments")) return staffReply(turn, text);
  const codes = outcome.weak.map((row) => row.code);
  const example = `${t("mapping:weak.segmentPrefix")} ${scopeName} ${turn.now.toISOString().slice(0, 10)}`.slice(0, 60);
  turn.go(flow, "offer", { codes, example });
  turn.say({ text, choices: [{ id: SAVE, label: t("mapping:weak.save", { count: codes.length }) }] });
}
