// /segment new and /segment edit <name>: a name, then filters added one at a time from a
// list, with the definition and its live count shown after every change, then save.
import { countSegment } from "../../domain/segments/countSegment.js";
import { findSegment } from "../../domain/segments/findSegment.js";
import { buildSegmentDefinition, type SegmentFilterFields } from "../../domain/segments/buildSegmentDefinition.js";
import { normalizeSegmentName } from "../../domain/segments/normalizeSegmentName.js";
import { saveSegment } from "../../domain/segments/saveSegment.js";
import { segmentChannels, segmentRoles, type SegmentDefinition } from "../../domain/segments/segmentDefinition.js";
import type { StateData, Turn, TurnInput } from "../turn.js";
import type { Choice } from "../types.js";
import { describeCount, describeSegment, interestLabel } from "./segmentDescription.js";
import { ensureStaffPermission, staffReply } from "./staffAccess.js";

const flow = "segment";
const filters = ["region", "interests", "tags", "language", "channel", "role", "active", "referral"] as const;
const tagModes = ["tagsAll", "tagsAny", "tagsNone"] as const;
// Relative windows become fixed dates when picked, so a saved segment means the same thing tomorrow.
const activeWindows = ["after:7", "after:30", "after:90", "before:30", "before:90"] as const;

interface WizardData extends StateData {
  def: SegmentDefinition;
  name?: string;
  id?: string;
  regency?: string;
  tagMode?: (typeof tagModes)[number];
  interests?: string[];
}

export async function startSegmentWizard(turn: Turn, editName?: string): Promise<void> {
  const t = turn.t;
  if (editName === undefined) {
    turn.go(flow, "name", { def: {} });
    turn.say({ text: t("segment.askName") });
    return;
  }
  if (!editName) return staffReply(turn, t("segment.usage"));
  const segment = await findSegment(turn.tx, editName);
  if (!segment) return staffReply(turn, t("segment.notFound", { name: editName.slice(0, 60) }));
  return showFilters(turn, { id: segment.id, name: segment.name, def: segment.definition });
}

export async function handleSegmentStep(turn: Turn, input: TurnInput): Promise<void> {
  if (!(await ensureStaffPermission(turn, "segment", "segments"))) return;
  const t = turn.t;
  const data = turn.data as WizardData;
  const def = data.def ?? {};
  const choice = input.choiceId;
  const text = input.kind === "text" ? input.text.trim() : "";
  const again = (key: string, vars?: Record<string, unknown>) => {
    turn.say({ text: t(key, vars) });
    return promptStep(turn, turn.step, data);
  };
  if (input.kind === "media" || input.kind === "contact") return again("input.textOnly");

  switch (turn.step) {
    case "name": {
      const name = normalizeSegmentName(text);
      if (!name) return again("segment.badName");
      if (await findSegment(turn.tx, name)) return again("segment.nameTaken", { name });
      return showFilters(turn, { ...data, def, name });
    }
    case "filters": {
      if (choice === "seg:save") return save(turn, data);
      if (choice === "seg:cancel") return staffReply(turn, t("input.cancelled"));
      const filter = filters.find((f) => choice === `seg:${f}`);
      if (!filter) return again("input.pickOne");
      if (filter === "interests") return promptStep(turn, "interests", { ...data, interests: def.interests ?? [] });
      return promptStep(turn, filter === "tags" ? "tagMode" : filter, data);
    }
    case "region":
    case "regency": {
      if (choice === "seg:retype") return promptStep(turn, "region", data);
      if (choice?.startsWith("segregion:")) return promptStep(turn, "regionLevel", { ...data, regency: choice.slice(10) });
      // Typing again instead of picking is a new search.
      const matches = text.length >= 3 ? turn.deps.regions.searchRegencies(text, 6) : [];
      if (matches.length === 0) return again("segment.regionNotFound", { query: text.slice(0, 60) });
      turn.go(flow, "regency", data);
      turn.say({ text: t("segment.pickRegency"), choices: [...matches.map((m) => ({ id: `segregion:${m.code}`, label: m.label })), typeAgain(turn)] });
      return;
    }
    case "regionLevel": {
      if (choice === "seg:district") return promptStep(turn, "district", data);
      const regionPrefix = choice?.startsWith("seglevel:") ? (await checkFilter(turn, { region: choice.slice(9) }))?.regionPrefix : undefined;
      if (!regionPrefix) return again("input.pickOne");
      return showFilters(turn, { ...data, def: { ...def, regionPrefix } });
    }
    case "district":
    case "districtPick": {
      if (choice === "seg:retype") return promptStep(turn, "district", data);
      const regionPrefix = choice?.startsWith("seglevel:") ? (await checkFilter(turn, { region: choice.slice(9) }))?.regionPrefix : undefined;
      if (regionPrefix) return showFilters(turn, { ...data, def: { ...def, regionPrefix } });
      const matches = text.length >= 3 ? turn.deps.regions.searchDistricts(String(data.regency), text, 6) : [];
      if (matches.length === 0) return again("segment.districtNotFound", { query: text.slice(0, 60) });
      turn.go(flow, "districtPick", data);
      turn.say({ text: t("segment.pickDistrict"), choices: [...matches.map((m) => ({ id: `seglevel:${m.code}`, label: m.label })), typeAgain(turn)] });
      return;
    }
    case "interests": {
      const chosen = new Set(data.interests ?? []);
      if (choice === "seginterest:done") {
        const interests = turn.deps.campaign.interests.map((i) => i.id).filter((id) => chosen.has(id));
        return showFilters(turn, { ...data, def: withList(def, "interests", interests) });
      }
      const id = choice?.startsWith("seginterest:") ? choice.slice(12) : undefined;
      if (!id || !turn.deps.campaign.interests.some((i) => i.id === id)) return again("input.pickOne");
      if (chosen.has(id)) chosen.delete(id);
      else chosen.add(id);
      return promptStep(turn, "interests", { ...data, interests: [...chosen] });
    }
    case "tagMode": {
      const mode = tagModes.find((m) => choice === `segtags:${m}`);
      if (!mode) return again("input.pickOne");
      return promptStep(turn, "tags", { ...data, tagMode: mode });
    }
    case "tags": {
      const mode = data.tagMode ?? "tagsAll";
      const tags = text ? (await checkFilter(turn, { [mode]: text }))?.[mode] : undefined;
      if (!tags) return again("segment.badTags");
      return showFilters(turn, { ...data, def: withList(def, mode, tags) });
    }
    case "language": {
      const language = turn.deps.translator.languages.find((l) => choice === `seglang:${l}`);
      if (!language) return again("input.pickOne");
      return showFilters(turn, { ...data, def: { ...def, language } });
    }
    case "channel": {
      const channel = segmentChannels.find((c) => choice === `segchannel:${c}`);
      if (!channel) return again("input.pickOne");
      return showFilters(turn, { ...data, def: { ...def, channel } });
    }
    case "role": {
      const role = segmentRoles.find((r) => choice === `segrole:${r}`);
      if (!role) return again("input.pickOne");
      return showFilters(turn, { ...data, def: { ...def, role } });
    }
    case "active": {
      const window = activeWindows.find((w) => choice === `segactive:${w}`);
      if (!window) return again("input.pickOne");
      const [side, days] = window.split(":") as ["after" | "before", string];
      const active = await checkFilter(turn, side === "after" ? { activeWithinDays: days } : { inactiveForDays: days });
      if (!active) return again("input.pickOne");
      const { lastActiveAfter: _a, lastActiveBefore: _b, ...rest } = def;
      return showFilters(turn, { ...data, def: { ...rest, ...active } });
    }
    case "referral": {
      const referredBy = text ? (await checkFilter(turn, { referredBy: text }))?.referredBy : undefined;
      if (!referredBy) return again("segment.referralNotFound", { code: text.slice(0, 20) });
      return showFilters(turn, { ...data, def: { ...def, referredBy } });
    }
  }
  return showFilters(turn, { ...data, def });
}

async function showFilters(turn: Turn, data: WizardData): Promise<void> {
  const t = turn.t;
  const { regency: _r, tagMode: _m, interests: _i, ...kept } = data;
  turn.go(flow, "filters", kept);
  const count = await countSegment(turn.tx, data.def);
  turn.say({
    title: data.name,
    text: `${describeSegment(turn, data.def)}\n\n${describeCount(turn, count)}\n\n${t("segment.addFilter")}`,
    choices: [...filters.map((f) => ({ id: `seg:${f}`, label: t(`segment.add.${f}`) })), { id: "seg:save", label: t("segment.save") }, { id: "seg:cancel", label: t("segment.cancel") }],
  });
}

async function promptStep(turn: Turn, step: string, data: WizardData): Promise<void> {
  const t = turn.t;
  const ask = (key: string, choices?: Choice[], vars?: Record<string, unknown>) => {
    turn.go(flow, step === "regency" ? "region" : step === "districtPick" ? "district" : step, data);
    turn.say({ text: t(key, vars), choices });
  };
  switch (step) {
    case "name":
      return ask("segment.askName");
    case "region":
    case "regency":
      return ask("segment.askRegion");
    case "regionLevel": {
      const regency = String(data.regency);
      const province = regency.slice(0, 2);
      return ask("segment.askRegionLevel", [
        { id: `seglevel:${province}`, label: t("segment.wholeArea", { name: turn.deps.regions.describe(province) ?? province }) },
        { id: `seglevel:${regency}`, label: t("segment.wholeArea", { name: turn.deps.regions.describe(regency)?.split(",")[0] ?? regency }) },
        { id: "seg:district", label: t("segment.pickOneDistrict") },
      ]);
    }
    case "district":
    case "districtPick":
      return ask("segment.askDistrict", undefined, { regency: turn.deps.regions.describe(String(data.regency)) ?? String(data.regency) });
    case "interests": {
      const chosen = new Set(data.interests ?? []);
      const choices = turn.deps.campaign.interests.map((i) => ({ id: `seginterest:${i.id}`, label: `${chosen.has(i.id) ? "✅ " : ""}${interestLabel(turn, i.id)}` }));
      return ask("segment.askInterests", [...choices, { id: "seginterest:done", label: t("volunteer.interestsDone") }]);
    }
    case "tags":
      return ask("segment.askTags");
    case "tagMode":
      return ask("segment.askTagMode", tagModes.map((m) => ({ id: `segtags:${m}`, label: t(`segment.tagMode.${m}`) })));
    case "language":
      return ask("segment.askLanguage", turn.deps.translator.languages.map((l) => ({ id: `seglang:${l}`, label: turn.deps.translator.forLanguage(l)("language.name") })));
    case "channel":
      return ask("segment.askChannel", segmentChannels.filter((c) => c !== "console").map((c) => ({ id: `segchannel:${c}`, label: t(`segment.channel.${c}`) })));
    case "role":
      return ask("segment.askRole", segmentRoles.map((r) => ({ id: `segrole:${r}`, label: t(`segment.role.${r}`) })));
    case "active":
      return ask("segment.askActive", activeWindows.map((w) => ({ id: `segactive:${w}`, label: t(`segment.active.${w.replace(":", "")}`) })));
    case "referral":
      return ask("segment.askReferral");
    default:
      return showFilters(turn, data);
  }
}

async function save(turn: Turn, data: WizardData): Promise<void> {
  const t = turn.t;
  const name = data.name ?? "";
  const outcome = await saveSegment(turn.tx, { name, definition: data.def, id: data.id, actor: turn.contact.id, at: turn.now });
  if (outcome.status === "name_taken") {
    turn.say({ text: t("segment.nameTaken", { name }) });
    return promptStep(turn, "name", { ...data, name: undefined });
  }
  if (outcome.status === "not_found") return staffReply(turn, t("segment.notFound", { name }));
  const count = await countSegment(turn.tx, data.def);
  staffReply(turn, `${t(outcome.status === "created" ? "segment.saved" : "segment.updated", { name })}\n${describeCount(turn, count)}`);
}

/** One filter as staff picked or typed it, checked as the dashboard's form and the CLI check it; undefined when refused. */
async function checkFilter(turn: Turn, fields: SegmentFilterFields): Promise<SegmentDefinition | undefined> {
  const built = await buildSegmentDefinition(turn.tx, turn.deps.regions, fields, { timeZone: turn.deps.timeZone, now: turn.now });
  return built.status === "ok" ? built.definition : undefined;
}

function typeAgain(turn: Turn): Choice {
  return { id: "seg:retype", label: turn.t("volunteer.typeAgain") };
}

function withList(def: SegmentDefinition, key: "interests" | (typeof tagModes)[number], values: string[]): SegmentDefinition {
  const { [key]: _old, ...rest } = def;
  return values.length > 0 ? { ...rest, [key]: values } : rest;
}
