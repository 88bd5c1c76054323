import type { Db } from "../../db/client.js";
import type { RegionLookup } from "../regions/types.js";
import { wallClockToInstant } from "../time/wallClockToInstant.js";
import { looksLikeReferralCode } from "../volunteers/createReferralCode.js";
import { parseSegmentTags } from "./parseSegmentTags.js";
import { segmentDefinitionSchema, type SegmentDefinition } from "./segmentDefinition.js";

/** A segment's filters as staff type them in a form; an empty field is no filter. */
export interface SegmentFilterFields {
  tagsAll?: string;
  tagsAny?: string;
  tagsNone?: string;
  /** One region at any level, villages included: a code, or a regency or city's name. */
  region?: string;
  /** Several regions (codes at any level), separated by commas, spaces or lines. */
  regions?: string;
  interests?: readonly string[];
  role?: string;
  language?: string;
  channel?: string;
  /** "subscribed": only people who want campaign updates now. */
  consent?: string;
  /** Dates (YYYY-MM-DD, the campaign's day): last wrote on or after, and before. */
  activeFrom?: string;
  inactiveFrom?: string;
  /** A number of days before options.now (the chat's windows, the CLI's --active-within and --inactive-for). */
  activeWithinDays?: string;
  inactiveForDays?: string;
  referredBy?: string;
}

export type SegmentFieldProblem =
  | { field: "tagsAll" | "tagsAny" | "tagsNone"; problem: "bad_tags" }
  | { field: "region"; problem: "region_not_found"; value: string; /** "code" when a code was given, "name" when a name was searched */ given: "code" | "name" }
  | { field: "region"; problem: "region_ambiguous"; value: string; matches: { code: string; label: string }[] }
  | { field: "regions"; problem: "region_not_found"; value: string }
  | { field: "referredBy"; problem: "referral_not_found"; value: string }
  | { field: "activeFrom" | "inactiveFrom"; problem: "bad_date"; value: string }
  | { field: keyof SegmentFilterFields; problem: "invalid"; value?: string; message?: string };

export type SegmentBuild = { status: "ok"; definition: SegmentDefinition } | { status: "invalid"; problems: SegmentFieldProblem[] };

const codePattern = /^\d{2}(?:\.\d{2}(?:\.\d{2}(?:\.\d{4})?)?)?$/;
const datePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const dayMs = 86_400_000;

/**
 * A segment definition from a form's fields, with the checks of the chat's /segment wizard and
 * `relawan segment create` (both call it): tags by parseSegmentTags, regions that exist (a regency's name looked
 * up as the chat does), a referral code some volunteer holds, then the segment schema. Every
 * problem is returned, each naming its field, so a form can say what to fix next to it.
 * A village or a list of regions is kept as regionCodes (regionPrefix stops at districts).
 */
export async function buildSegmentDefinition(db: Db, regions: RegionLookup, fields: SegmentFilterFields, options: { timeZone: string; now: Date }): Promise<SegmentBuild> {
  const problems: SegmentFieldProblem[] = [];
  const draft: Record<string, unknown> = {};
  const text = (value: string | undefined) => (value ?? "").trim();

  for (const field of ["tagsAll", "tagsAny", "tagsNone"] as const) {
    if (!text(fields[field])) continue;
    const tags = parseSegmentTags(text(fields[field]));
    if (tags) draft[field] = tags;
    else problems.push({ field, problem: "bad_tags" });
  }

  const codes: string[] = [];
  const region = text(fields.region);
  if (region) {
    const found = await findRegion(regions, region);
    if (found.status === "ok") codes.push(found.code);
    else if (found.status === "ambiguous") problems.push({ field: "region", problem: "region_ambiguous", value: region.slice(0, 60), matches: found.matches });
    else problems.push({ field: "region", problem: "region_not_found", value: region.slice(0, 60), given: codePattern.test(region) ? "code" : "name" });
  }
  for (const code of text(fields.regions).split(/[\s,;]+/).filter(Boolean)) {
    if (codePattern.test(code) && (await describeCode(regions, code))) codes.push(code);
    else problems.push({ field: "regions", problem: "region_not_found", value: code.slice(0, 20) });
  }
  const unique = [...new Set(codes)];
  if (unique.length === 1 && unique[0]!.split(".").length <= 3 && !text(fields.regions)) draft.regionPrefix = unique[0];
  else if (unique.length > 0) draft.regionCodes = unique;

  const interests = (fields.interests ?? []).map((id) => id.trim()).filter(Boolean);
  if (interests.length > 0) draft.interests = [...new Set(interests)];
  for (const field of ["role", "language", "channel"] as const) if (text(fields[field])) draft[field] = text(fields[field]);
  if (text(fields.consent) === "subscribed") draft.consent = "subscribed";
  else if (text(fields.consent) && text(fields.consent) !== "any") problems.push({ field: "consent", problem: "invalid" });

  for (const [field, key] of [["activeFrom", "lastActiveAfter"], ["inactiveFrom", "lastActiveBefore"]] as const) {
    const value = text(fields[field]);
    if (!value) continue;
    const day = parseDay(value);
    // The start of that day where the campaign is, as a fixed instant: the segment means the same tomorrow.
    if (day) draft[key] = wallClockToInstant({ ...day, hour: 0, minute: 0 }, options.timeZone).toISOString();
    else problems.push({ field, problem: "bad_date", value: value.slice(0, 20) });
  }

  for (const [field, key] of [["activeWithinDays", "lastActiveAfter"], ["inactiveForDays", "lastActiveBefore"]] as const) {
    const value = text(fields[field]);
    if (!value) continue;
    // A number of days becomes a fixed instant when the segment is made, so it means the same thing tomorrow.
    if (/^\d{1,4}$/.test(value)) draft[key] = new Date(options.now.getTime() - Number(value) * dayMs).toISOString();
    else problems.push({ field, problem: "invalid", value: value.slice(0, 20) });
  }

  const referral = text(fields.referredBy).toUpperCase();
  if (referral) {
    const known = looksLikeReferralCode(referral) && (await db.volunteer.findUnique({ where: { referralCode: referral }, select: { id: true } }));
    if (known) draft.referredBy = referral;
    else problems.push({ field: "referredBy", problem: "referral_not_found", value: text(fields.referredBy).slice(0, 20) });
  }

  const parsed = segmentDefinitionSchema.safeParse(draft);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.push({ field: fieldOf(String(issue.path[0] ?? "")), problem: "invalid", message: issue.message });
  }
  if (problems.length > 0 || !parsed.success) return { status: "invalid", problems };
  return { status: "ok", definition: parsed.data };
}

type FoundRegion = { status: "ok"; code: string } | { status: "ambiguous"; matches: { code: string; label: string }[] } | { status: "not_found" };

async function findRegion(regions: RegionLookup, text: string): Promise<FoundRegion> {
  if (codePattern.test(text)) return (await describeCode(regions, text)) ? { status: "ok", code: text } : { status: "not_found" };
  // A name is looked up as the chat and the CLI look it up: one regency or city is taken, several are listed.
  const found = text.length >= 3 ? regions.searchRegencies(text, 6) : [];
  const exact = found.filter((m) => m.label.split(",")[0]!.trim().toLowerCase() === text.toLowerCase());
  const matches = exact.length === 1 ? exact : found;
  if (matches.length === 0) return { status: "not_found" };
  if (matches.length > 1) return { status: "ambiguous", matches: matches.map((m) => ({ code: m.code, label: m.label })) };
  return { status: "ok", code: matches[0]!.code };
}

async function describeCode(regions: RegionLookup, code: string): Promise<string | undefined> {
  if (code.split(".").length === 4) await regions.loadVillages();
  return regions.describe(code);
}

function parseDay(text: string): { year: number; month: number; day: number } | undefined {
  const match = datePattern.exec(text);
  if (!match) return undefined;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const at = new Date(Date.UTC(year, month - 1, day));
  return at.getUTCMonth() === month - 1 && at.getUTCDate() === day ? { year, month, day } : undefined;
}

function fieldOf(key: string): keyof SegmentFilterFields {
  const fields: Record<string, keyof SegmentFilterFields> = { regionPrefix: "region", regionCodes: "regions", lastActiveAfter: "activeFrom", lastActiveBefore: "inactiveFrom" };
  return fields[key] ?? (key as keyof SegmentFilterFields);
}
