import { readdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Option, type Command } from "commander";
import type { CliOutcome, RunWithContext } from "./runCli.js";

const localesDir = resolve(dirname(fileURLToPath(import.meta.url)), "../..", "locales");

/** `relawan canvass summary [region] [--json]`: what /isu shows, from the same domain functions. */
export function registerCanvassCommands(program: Command, run: RunWithContext): void {
  const canvass = program.command("canvass").description("canvass reports (blusukan) volunteers sent with /lapor: counts per region, never people");
  canvass
    .command("summary")
    .description("households visited, support / undecided / lean elsewhere / not at home and the local issues raised most, for a region and each region in it")
    .argument("[region]", 'a region code ("32", "32.73.02"), a province or regency name ("jabar", "Kota Bandung"), or "Coblong, Kota Bandung"; none: all of Indonesia')
    .addOption(new Option("--lang <language>", "language of the text (default: DEFAULT_LANGUAGE)").choices(readdirSync(localesDir).sort()))
    .option("--json", "machine-readable output")
    .action((region: string | undefined, options: { lang?: string; json?: boolean }) =>
      run(Boolean(options.json), async ({ db, config }): Promise<CliOutcome> => {
        // Loaded when the command runs, so `relawan --help` stays quick (see runCli.ts).
        const { createTranslator, readLocaleResources } = await import("../conversation/createTranslator.js");
        const { createRegionLookup } = await import("../domain/regions/createRegionLookup.js");
        const { findMapRegion } = await import("../domain/maps/findMapRegion.js");
        const { readCanvassSummary } = await import("../domain/canvass/readCanvassSummary.js");
        const { readCanvassIssues } = await import("../domain/canvass/readCanvassIssues.js");
        const { supportShare } = await import("../domain/canvass/supportShare.js");
        const { readPage } = await import("../domain/content/readPage.js");
        const { formatCanvassSummary } = await import("../conversation/flows/canvassSummary.js");
        const { shownCanvassIssues } = await import("../conversation/flows/canvassSummaryCommand.js");
        const language = options.lang ?? config.DEFAULT_LANGUAGE;
        const t = createTranslator(readLocaleResources(localesDir), config.DEFAULT_LANGUAGE).forLanguage(language);
        const { describeRegionSearch } = await import("../domain/regions/describeRegionSearch.js");
        const regions = await createRegionLookup();
        const query = region?.trim() ?? "";
        const resolved = await findMapRegion(regions, query);
        if (resolved.status === "ambiguous" || resolved.status === "unknown") {
          const error = describeRegionSearch(t, resolved);
          return { code: 1, error, json: { error: `${resolved.status}_region`, message: error, details: resolved } };
        }
        const regionCode = resolved.status === "found" ? resolved.region.code : null;
        if (regionCode !== null && regionCode.length >= 8) await regions.loadVillages();
        const summary = await readCanvassSummary(db, { regionCode });
        const issues = await readCanvassIssues(db, { regionCode, limit: shownCanvassIssues });
        const titles = new Map<string, string>();
        for (const issue of issues) {
          if (!("programmeId" in issue)) continue;
          const page = await readPage(db, `programme:${issue.programmeId}`, language, config.DEFAULT_LANGUAGE);
          titles.set(issue.programmeId, page?.title ?? issue.programmeId);
        }
        const name = regionCode === null ? "Indonesia" : (regions.describe(regionCode) ?? regionCode);
        const childName = (code: string) => regions.get(code)?.name ?? code;
        const { title, text } = formatCanvassSummary(t, { region: name, summary, issues, childName, programmeTitle: (id) => titles.get(id) ?? id });
        const json = {
          region: { code: regionCode, name },
          total: { ...summary.total, supportShare: supportShare(summary.total) },
          children: summary.children.map((child) => ({ ...child, name: childName(child.regionCode), supportShare: supportShare(child) })),
          issues: issues.map((issue) => ("programmeId" in issue ? { ...issue, title: titles.get(issue.programmeId) } : issue)),
        };
        return { code: 0, text: `${title}\n\n${text}`, json };
      }),
    );
}
