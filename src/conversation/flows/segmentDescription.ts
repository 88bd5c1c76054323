// A segment's filters in the staff member's language, and its live count.
import type { SegmentCount } from "../../domain/segments/countSegment.js";
import { describeSegmentCount } from "../../domain/segments/describeSegmentCount.js";
import type { SegmentDefinition } from "../../domain/segments/segmentDefinition.js";
import { formatLocalDate } from "../../domain/time/formatLocalDate.js";
import type { Translate } from "../createTranslator.js";
import type { Turn } from "../turn.js";

/** What describing a segment needs, from a chat turn or from the command line. */
export interface SegmentWords {
  t: Translate;
  describeRegion(code: string): string | undefined;
  languageName(language: string): string;
  interestLabel(id: string): string;
  formatDay(iso: string): string;
}

export function describeSegment(turn: Turn, def: SegmentDefinition): string {
  return describeSegmentFilters(
    {
      t: turn.t,
      describeRegion: (code) => turn.deps.regions.describe(code),
      languageName: (language) => turn.deps.translator.forLanguage(language)("language.name"),
      interestLabel: (id) => interestLabel(turn, id),
      formatDay: (iso) => formatDay(turn, iso),
    },
    def,
  );
}

/** The filters one a line ("• Wilayah: Kota Bandung, Jawa Barat"), or "everyone". */
export function describeSegmentFilters(words: SegmentWords, def: SegmentDefinition): string {
  const t = words.t;
  const lines: string[] = [];
  const list = (values: string[]) => values.join(", ");
  if (def.tagsAll?.length) lines.push(t("segment.filter.tagsAll", { value: list(def.tagsAll) }));
  if (def.tagsAny?.length) lines.push(t("segment.filter.tagsAny", { value: list(def.tagsAny) }));
  if (def.tagsNone?.length) lines.push(t("segment.filter.tagsNone", { value: list(def.tagsNone) }));
  if (def.regionPrefix) lines.push(t("segment.filter.region", { value: words.describeRegion(def.regionPrefix) ?? def.regionPrefix }));
  if (def.regionCodes?.length) {
    // A weak-regions segment may hold hundreds of codes: the first few by name, then how many.
    const shown = def.regionCodes.slice(0, 5).map((code) => words.describeRegion(code) ?? code);
    const more = def.regionCodes.length > shown.length ? ` (+${def.regionCodes.length - shown.length})` : "";
    lines.push(t("segment.filter.regions", { count: def.regionCodes.length, value: `${shown.join("; ")}${more}` }));
  }
  if (def.interests?.length) lines.push(t("segment.filter.interests", { value: list(def.interests.map((id) => words.interestLabel(id))) }));
  if (def.role) lines.push(t("segment.filter.role", { value: t(`segment.role.${def.role}`) }));
  if (def.language) lines.push(t("segment.filter.language", { value: words.languageName(def.language) }));
  if (def.channel) lines.push(t("segment.filter.channel", { value: def.channel }));
  if (def.consent === "subscribed") lines.push(t("segment.filter.subscribed"));
  if (def.lastActiveAfter) lines.push(t("segment.filter.activeAfter", { value: words.formatDay(def.lastActiveAfter) }));
  if (def.lastActiveBefore) lines.push(t("segment.filter.activeBefore", { value: words.formatDay(def.lastActiveBefore) }));
  if (def.referredBy) lines.push(t("segment.filter.referredBy", { value: def.referredBy }));
  return lines.length === 0 ? t("segment.filter.everyone") : lines.map((line) => `• ${line}`).join("\n");
}

export function describeCount(turn: Turn, count: SegmentCount): string {
  return describeSegmentCount(turn.t, count);
}

export function interestLabel(turn: Turn, id: string): string {
  const interest = turn.deps.campaign.interests.find((i) => i.id === id);
  return interest ? turn.pick(interest.label) : id;
}

function formatDay(turn: Turn, iso: string): string {
  return formatLocalDate(new Date(iso), turn.language, turn.deps.timeZone);
}
