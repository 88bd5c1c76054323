import type { Command } from "commander";
import type { Database } from "../db/client.js";
import type { Config } from "../config.js";
import type { SegmentWords } from "../conversation/flows/segmentDescription.js";
import { cliTranslate, languageOption } from "./cliLanguage.js";
import type { CliOutcome, RunWithContext } from "./runCli.js";

// Each command loads what it runs when it runs, so `relawan --help` stays quick (see runCli.ts).

interface CreateOptions {
  region?: string;
  tag?: string[];
  anyTag?: string[];
  withoutTag?: string[];
  interest?: string[];
  role?: string;
  language?: string;
  channel?: string;
  referredBy?: string;
  activeWithin?: string;
  inactiveFor?: string;
  lang?: string;
  json?: boolean;
}

const dayMs = 86_400_000;

export function registerSegmentCommands(program: Command, run: RunWithContext): void {
  const segment = program.command("segment").description("saved contact segments");

  segment
    .command("list")
    .description("every segment: its filters in words and its live count")
    .addOption(languageOption())
    .option("--json", "machine-readable output")
    .action((options: { lang?: string; json?: boolean }) =>
      run(Boolean(options.json), async ({ db, config }) => {
        const { listSegments } = await import("../domain/segments/listSegments.js");
        const { countSegment } = await import("../domain/segments/countSegment.js");
        const { describeSegmentFilters } = await import("../conversation/flows/segmentDescription.js");
        const { describeSegmentCount } = await import("../domain/segments/describeSegmentCount.js");
        const { t, words } = await segmentWords(config, options.lang);
        const rows = [];
        for (const s of await listSegments(db)) rows.push({ id: s.id, name: s.name, definition: s.definition, ...(await countSegment(db, s.definition)) });
        const blocks = rows.map((r) => [r.name, indent(describeSegmentFilters(words, r.definition)), `  ${describeSegmentCount(t, r)}`].join("\n"));
        return { code: 0, text: rows.length === 0 ? t("segment.cli.none") : blocks.join("\n\n"), json: rows };
      }),
    );

  segment
    .command("count")
    .description("how many contacts a segment matches now, and how many a broadcast would reach")
    .argument("<name>", "segment name")
    .addOption(languageOption())
    .option("--json", "machine-readable output")
    .action((name: string, options: { lang?: string; json?: boolean }) =>
      run(Boolean(options.json), async ({ db, config }) => {
        const { findSegment } = await import("../domain/segments/findSegment.js");
        const { countSegment } = await import("../domain/segments/countSegment.js");
        const { describeSegmentCount } = await import("../domain/segments/describeSegmentCount.js");
        const { t } = await cliTranslate(config, options.lang);
        const found = await findSegment(db, name);
        if (!found) return { code: 1, error: t("segment.cli.notFound", { name }), json: { error: "segment_not_found", name } };
        const count = await countSegment(db, found.definition);
        return { code: 0, text: `${found.name}: ${describeSegmentCount(t, count)}`, json: { id: found.id, name: found.name, ...count } };
      }),
    );

  segment
    .command("create")
    .description("save a segment from filters, checked as the chat's /segment new checks them (audited as cli)")
    .argument("<name>", "segment name, 2 to 60 characters")
    .option("--region <code or name>", "idn-area code (32, 32.73, 32.73.02) or a regency or city's name")
    .option("--tag <tags...>", "has all of these tags")
    .option("--any-tag <tags...>", "has at least one of these tags")
    .option("--without-tag <tags...>", "has none of these tags")
    .option("--interest <ids...>", "volunteer interest ids (any of them)")
    .option("--role <role>", "admin, coordinator, volunteer or voter")
    .option("--language <language>", "the person's language: id or en")
    .option("--channel <channel>", "has an account on telegram, whatsapp or console")
    .option("--referred-by <code>", "invited by the volunteer with this referral code")
    .option("--active-within <days>", "wrote in the last <days> days")
    .option("--inactive-for <days>", "has not written for <days> days or more")
    .addOption(languageOption())
    .option("--json", "machine-readable output")
    .action((name: string, options: CreateOptions) => run(Boolean(options.json), ({ db, config }, now) => createSegment(db, config, name, options, now)));
}

async function createSegment(db: Database, config: Config, rawName: string, options: CreateOptions, now: Date): Promise<CliOutcome> {
  const { normalizeSegmentName } = await import("../domain/segments/normalizeSegmentName.js");
  const { parseSegmentTags } = await import("../domain/segments/parseSegmentTags.js");
  const { segmentDefinitionSchema } = await import("../domain/segments/segmentDefinition.js");
  const { looksLikeReferralCode } = await import("../domain/volunteers/createReferralCode.js");
  const { t, words, regions } = await segmentWords(config, options.lang);
  const refuse = (error: string, code: string, extra: Record<string, unknown> = {}): CliOutcome => ({ code: 1, error, json: { error: code, message: error, ...extra } });
  const name = normalizeSegmentName(rawName);
  if (!name) return refuse(t("segment.badName"), "bad_name");
  const draft: Record<string, unknown> = {};
  for (const [key, values] of [["tagsAll", options.tag], ["tagsAny", options.anyTag], ["tagsNone", options.withoutTag]] as const) {
    if (!values) continue;
    const tags = parseSegmentTags(values);
    if (!tags) return refuse(t("segment.badTags"), "bad_tags");
    draft[key] = tags;
  }
  if (options.region !== undefined) {
    const text = options.region.trim();
    if (/^\d{2}(\.\d{2}){0,2}$/.test(text)) {
      if (!regions.describe(text)) return refuse(t("segment.cli.unknownRegion", { code: text }), "region_not_found");
      draft.regionPrefix = text;
    } else {
      // A name is looked up as the chat looks it up; one match is taken, several are listed with their codes.
      const found = text.length >= 3 ? regions.searchRegencies(text, 6) : [];
      // "Kota Bandung" is that one, though "Kabupaten Bandung" also matches it.
      const exact = found.filter((m) => m.label.split(",")[0]!.trim().toLowerCase() === text.toLowerCase());
      const matches = exact.length === 1 ? exact : found;
      if (matches.length === 0) return refuse(t("segment.regionNotFound", { query: text.slice(0, 60) }), "region_not_found");
      if (matches.length > 1) {
        const list = matches.map((m) => `  ${m.code}  ${m.label}`).join("\n");
        return refuse(`${t("segment.cli.severalRegions", { query: text.slice(0, 60), code: matches[0]!.code })}\n${list}`, "region_ambiguous", { matches });
      }
      draft.regionPrefix = matches[0]!.code;
    }
  }
  if (options.interest) draft.interests = options.interest;
  if (options.role) draft.role = options.role;
  if (options.language) draft.language = options.language;
  if (options.channel) draft.channel = options.channel;
  if (options.referredBy) {
    const code = options.referredBy.trim().toUpperCase();
    const known = looksLikeReferralCode(code) && (await db.volunteer.findUnique({ where: { referralCode: code }, select: { id: true } }));
    if (!known) return refuse(t("segment.referralNotFound", { code: options.referredBy.slice(0, 20) }), "referral_not_found");
    draft.referredBy = code;
  }
  for (const [key, days] of [["lastActiveAfter", options.activeWithin], ["lastActiveBefore", options.inactiveFor]] as const) {
    if (days === undefined) continue;
    if (!/^\d{1,4}$/.test(days.trim())) return refuse(t("segment.cli.invalid", { problems: `${key === "lastActiveAfter" ? "--active-within" : "--inactive-for"} ${days}` }), "invalid");
    // A number of days becomes a fixed date, as in the chat, so the segment means the same thing tomorrow.
    draft[key] = new Date(now.getTime() - Number(days) * dayMs).toISOString();
  }
  const parsed = segmentDefinitionSchema.safeParse(draft);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `--${flagOf(String(issue.path[0] ?? ""))}: ${issue.message}`).join("; ");
    return refuse(t("segment.cli.invalid", { problems }), "invalid", { problems: parsed.error.issues });
  }
  const { saveSegment } = await import("../domain/segments/saveSegment.js");
  const { countSegment } = await import("../domain/segments/countSegment.js");
  const { describeSegmentFilters } = await import("../conversation/flows/segmentDescription.js");
  const { describeSegmentCount } = await import("../domain/segments/describeSegmentCount.js");
  const outcome = await db.$transaction((tx) => saveSegment(tx, { name, definition: parsed.data, actor: "cli", at: now }));
  if (outcome.status !== "created") return refuse(t("segment.nameTaken", { name }).split(". ")[0]! + ".", "name_taken");
  const count = await countSegment(db, parsed.data);
  const text = [t("segment.saved", { name }), indent(describeSegmentFilters(words, parsed.data)), `  ${describeSegmentCount(t, count)}`].join("\n");
  return { code: 0, text, json: { id: outcome.id, name, definition: parsed.data, ...count } };
}

function flagOf(key: string): string {
  const flags: Record<string, string> = { interests: "interest", role: "role", language: "language", channel: "channel", regionPrefix: "region" };
  return flags[key] ?? key;
}

function indent(text: string): string {
  return text.replace(/^/gm, "  ");
}

/** The chat's words for a segment's filters, in --lang or DEFAULT_LANGUAGE. */
async function segmentWords(config: Config, lang: string | undefined) {
  const { t, language, translator } = await cliTranslate(config, lang);
  const { createRegionLookup } = await import("../domain/regions/createRegionLookup.js");
  const { formatLocalDate } = await import("../domain/time/formatLocalDate.js");
  const regions = await createRegionLookup();
  const words: SegmentWords = {
    t,
    describeRegion: (code) => regions.describe(code),
    languageName: (other) => translator.forLanguage(other)("language.name"),
    interestLabel: (id) => id,
    formatDay: (iso) => formatLocalDate(new Date(iso), language, config.TIMEZONE),
  };
  return { t, words, regions };
}
