import type { Command } from "commander";
import type { Database } from "../db/client.js";
import type { Config } from "../config.js";
import type { Translate } from "../conversation/createTranslator.js";
import type { SegmentWords } from "../conversation/flows/segmentDescription.js";
import type { SegmentFieldProblem, SegmentFilterFields } from "../domain/segments/buildSegmentDefinition.js";
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
    .option("--region <code or name>", "idn-area code (32, 32.73, 32.73.02, a village's 32.73.02.1004) or a regency or city's name")
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
  const { buildSegmentDefinition } = await import("../domain/segments/buildSegmentDefinition.js");
  const { t, words, regions } = await segmentWords(config, options.lang);
  const refuse = (error: string, code: string, extra: Record<string, unknown> = {}): CliOutcome => ({ code: 1, error, json: { error: code, message: error, ...extra } });
  const name = normalizeSegmentName(rawName);
  if (!name) return refuse(t("segment.badName"), "bad_name");
  // The same checks as the chat's /segment new and the dashboard's form: buildSegmentDefinition.
  const list = (values: string[] | undefined) => values?.join(" ");
  const built = await buildSegmentDefinition(
    db,
    regions,
    {
      tagsAll: list(options.tag),
      tagsAny: list(options.anyTag),
      tagsNone: list(options.withoutTag),
      region: options.region,
      interests: options.interest,
      role: options.role,
      language: options.language,
      channel: options.channel,
      referredBy: options.referredBy,
      activeWithinDays: options.activeWithin,
      inactiveForDays: options.inactiveFor,
    },
    { timeZone: config.TIMEZONE, now },
  );
  if (built.status === "invalid") return refuseProblem(t, built.problems, refuse);
  const definition = built.definition;
  const { saveSegment } = await import("../domain/segments/saveSegment.js");
  const { countSegment } = await import("../domain/segments/countSegment.js");
  const { describeSegmentFilters } = await import("../conversation/flows/segmentDescription.js");
  const { describeSegmentCount } = await import("../domain/segments/describeSegmentCount.js");
  const outcome = await db.$transaction((tx) => saveSegment(tx, { name, definition, actor: "cli", at: now }));
  if (outcome.status !== "created") return refuse(t("segment.nameTaken", { name }).split(". ")[0]! + ".", "name_taken");
  const count = await countSegment(db, definition);
  const text = [t("segment.saved", { name }), indent(describeSegmentFilters(words, definition)), `  ${describeSegmentCount(t, count)}`].join("\n");
  return { code: 0, text, json: { id: outcome.id, name, definition, ...count } };
}

/** The first problem, in the chat's sentence where the chat has one, else naming the flag. */
function refuseProblem(t: Translate, problems: SegmentFieldProblem[], refuse: (error: string, code: string, extra?: Record<string, unknown>) => CliOutcome): CliOutcome {
  const problem = problems[0]!;
  switch (problem.problem) {
    case "bad_tags":
      return refuse(t("segment.badTags"), "bad_tags");
    case "region_not_found":
      if (problem.field === "region" && problem.given === "name") return refuse(t("segment.regionNotFound", { query: problem.value }), "region_not_found");
      return refuse(t("segment.cli.unknownRegion", { code: problem.value }), "region_not_found");
    case "region_ambiguous": {
      const list = problem.matches.map((m) => `  ${m.code}  ${m.label}`).join("\n");
      return refuse(`${t("segment.cli.severalRegions", { query: problem.value, code: problem.matches[0]!.code })}\n${list}`, "region_ambiguous", { matches: problem.matches });
    }
    case "referral_not_found":
      return refuse(t("segment.referralNotFound", { code: problem.value }), "referral_not_found");
    default: {
      const described = problems.map((p) => `--${flagOf(p.field)}${p.problem === "invalid" && p.message ? `: ${p.message}` : ""}${"value" in p && p.value ? ` ${p.value}` : ""}`).join("; ");
      return refuse(t("segment.cli.invalid", { problems: described }), "invalid", { problems });
    }
  }
}

function flagOf(field: keyof SegmentFilterFields): string {
  const flags: Partial<Record<keyof SegmentFilterFields, string>> = { tagsAll: "tag", tagsAny: "any-tag", tagsNone: "without-tag", interests: "interest", referredBy: "referred-by", activeWithinDays: "active-within", inactiveForDays: "inactive-for" };
  return flags[field] ?? field;
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
