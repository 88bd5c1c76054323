import { readdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Option, type Command } from "commander";
import type { CliContext } from "./openCliContext.js";
import type { CliOutcome, RunWithContext } from "./runCli.js";

const localesDir = resolve(dirname(fileURLToPath(import.meta.url)), "../..", "locales");
const levels = ["province", "regency", "district", "village"] as const;

// Each command loads what it runs when it runs, so `relawan --help` stays quick (see runCli.ts).

/** `relawan regions coverage` and `relawan regions weak`: the figures /cakupan and /wilayahlemah show in the chat. */
export function registerRegionCommands(program: Command, run: RunWithContext): void {
  const regions = program.command("regions").description("coverage per region against the targets, and the weak regions");
  const langOption = () => new Option("--lang <language>", "language of the text (default: DEFAULT_LANGUAGE)").choices(readdirSync(localesDir).sort());

  regions
    .command("coverage")
    .description("contacts, subscribers, volunteers (active ones too), canvassing and targets of a region and each region one level down")
    .argument("[region]", "a code (32, 32.73, 3273) or a name (Jawa Barat, Kota Bandung, 'Coblong, Kota Bandung'); default: the whole country")
    .addOption(langOption())
    .option("--json", "machine-readable output")
    .action((regionText: string | undefined, options: { lang?: string; json?: boolean }) =>
      run(Boolean(options.json), async (context, now): Promise<CliOutcome> => {
        const { readRegionCoverage } = await import("../domain/regions/readRegionCoverage.js");
        const { formatRegionCoverage } = await import("../domain/regions/formatRegionCoverage.js");
        const opened = await openRegions(context, regionText, options.lang);
        if (opened.status === "problem") return opened.outcome;
        const outcome = await readRegionCoverage(context.db, opened.directory, { regionCode: opened.code, activeDays: context.config.ACTIVE_VOLUNTEER_DAYS, now });
        // findRegion only returns codes the directory has.
        if (outcome.status !== "ok") throw new Error(`coverage of ${outcome.code}: unknown region`);
        return { code: 0, text: formatRegionCoverage(opened.t, opened.language, outcome.coverage), json: outcome.coverage };
      }),
    );

  regions
    .command("weak")
    .description("regions below a threshold of their target volunteers, weakest first; --save-segment keeps their contacts as a segment")
    .argument("[region]", "where to look: a code or a name (default: the whole country)")
    .option("--threshold <percent>", "percent of the target volunteers below which a region is weak", "50")
    .addOption(new Option("--level <level>", "which regions to judge (default: one level below the region)").choices(levels))
    .option("--save-segment <name>", "save the contacts of the weak regions as a segment with this name (audited)")
    .addOption(langOption())
    .option("--json", "machine-readable output")
    .action((regionText: string | undefined, options: { threshold: string; level?: (typeof levels)[number]; saveSegment?: string; lang?: string; json?: boolean }) =>
      run(Boolean(options.json), async (context, now): Promise<CliOutcome> => {
        const { parseCoverageThreshold } = await import("../domain/regions/parseCoverageThreshold.js");
        const { findWeakRegions } = await import("../domain/regions/findWeakRegions.js");
        const { formatWeakRegions } = await import("../domain/regions/formatWeakRegions.js");
        const { saveWeakRegionSegment } = await import("../domain/regions/saveWeakRegionSegment.js");
        const opened = await openRegions(context, regionText, options.lang, options.level === "village");
        if (opened.status === "problem") return opened.outcome;
        const { t, language, directory, code } = opened;
        const thresholdPercent = parseCoverageThreshold(options.threshold);
        if (thresholdPercent === undefined) return problem(t("mapping:weak.badThreshold", { value: options.threshold.slice(0, 20) }), "bad_threshold");
        const outcome = await findWeakRegions(context.db, directory, { regionCode: code, level: options.level, thresholdPercent, activeDays: context.config.ACTIVE_VOLUNTEER_DAYS, now });
        const scopeName = code === null ? "Indonesia" : (directory.get(code)?.name ?? code);
        if (outcome.status === "too_wide") return problem(t("mapping:weak.tooWide", { parents: outcome.parents, max: outcome.max }), "too_wide");
        if (outcome.status === "level_not_below") return problem(t("mapping:weak.levelNotBelow", { level: t(`mapping:level.${outcome.level}`), region: scopeName }), "level_not_below");
        if (outcome.status !== "ok") throw new Error(`weak regions of ${outcome.code}: unknown region`);
        const lines = [formatWeakRegions(t, language, { ...outcome, scopeName, thresholdPercent })];
        let segment: { name: string; id: string; regions: number } | undefined;
        if (options.saveSegment !== undefined && outcome.weak.length > 0) {
          const saved = await saveWeakRegionSegment(context.db, { name: options.saveSegment, regionCodes: outcome.weak.map((row) => row.code), actor: "cli", at: now });
          if (saved.status === "name_taken") return problem(t("mapping:weak.nameTaken", { name: options.saveSegment.slice(0, 60) }), "name_taken");
          if (saved.status === "bad_name") return problem(t("mapping:weak.badName"), "bad_name");
          segment = { name: saved.name, id: saved.id, regions: outcome.weak.length };
          lines.push(t("mapping:weak.saved", { name: saved.name, count: outcome.weak.length }));
        }
        return { code: 0, text: lines.join("\n"), json: { region: code, level: outcome.level, thresholdPercent, judged: outcome.judged, withoutTarget: outcome.withoutTarget, weak: outcome.weak, segment } };
      }),
    );
}

type OpenedRegions =
  | {
      status: "ok";
      t: (key: string, vars?: Record<string, unknown>) => string;
      language: string;
      directory: import("../domain/regions/types.js").RegionDirectory;
      code: string | null;
    }
  | { status: "problem"; outcome: CliOutcome };

/** The translator, the region directory (with villages where needed) and the region the text names. */
async function openRegions(context: CliContext, regionText: string | undefined, lang: string | undefined, villages = false): Promise<OpenedRegions> {
  const { createTranslator, readLocaleResources } = await import("../conversation/createTranslator.js");
  const { loadRegions } = await import("../domain/regions/loadRegions.js");
  const { resolveMapRegion } = await import("../domain/maps/resolveMapRegion.js");
  const { describeRegionSearch } = await import("../domain/regions/describeRegionSearch.js");
  const language = lang ?? context.config.DEFAULT_LANGUAGE;
  const t = createTranslator(readLocaleResources(localesDir), context.config.DEFAULT_LANGUAGE).forLanguage(language);
  const text = regionText?.trim() ?? "";
  // A district's children are villages, and a name with commas or a long code may be a district or a village: read them then (about a second).
  const needsVillages = villages || text.includes(",") || /^\d{2}\.?\d{2}\.?\d{2}/.test(text);
  const directory = await loadRegions({ villages: needsVillages });
  const search = resolveMapRegion(directory, text);
  if (search.status === "country") return { status: "ok", t, language, directory, code: null };
  if (search.status !== "found") return { status: "problem", outcome: problem(describeRegionSearch(t, search), search.status === "ambiguous" ? "ambiguous_region" : "unknown_region", search) };
  const withVillages = search.region.level === "district" && !directory.hasVillages ? await loadRegions({ villages: true }) : directory;
  return { status: "ok", t, language, directory: withVillages, code: search.region.code };
}

function problem(message: string, error: string, details?: unknown): CliOutcome {
  return { code: 1, error: message, json: { error, message, ...(details === undefined ? {} : { details }) } };
}
