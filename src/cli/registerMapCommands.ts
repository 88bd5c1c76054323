import { readdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Option, type Command } from "commander";
import type { CliOutcome, RunWithContext } from "./runCli.js";

const localesDir = resolve(dirname(fileURLToPath(import.meta.url)), "../..", "locales");

/** `relawan map --figure coverage --region 32 --out peta.png`: what /peta draws, as a PNG or SVG file, or the figures with --json. */
export function registerMapCommands(program: Command, run: RunWithContext): void {
  program
    .command("map")
    .description("a figure per region: the province map of Indonesia, or the regions inside one as ranked bars; the strongest and weakest in words")
    .option("--figure <figure>", "coverage, volunteers, active, supporters, per-tps, contacts, subscribers, reports, support (Indonesian words too)", "coverage")
    .option("--region <region>", "a code (32, 32.73) or a name (jabar, \"kota bandung\", \"Coblong, Kota Bandung\"); default: all of Indonesia", "")
    .option("--out <file>", "write the picture: PNG, or SVG when the name ends in .svg")
    .addOption(new Option("--lang <language>", "language of the text and the picture (default: DEFAULT_LANGUAGE)").choices(readdirSync(localesDir).sort()))
    .option("--json", "machine-readable output: the figure of the region and of each region inside it")
    .action((options: { figure: string; region: string; out?: string; lang?: string; json?: boolean }) =>
      run(Boolean(options.json), async ({ db, config }, now): Promise<CliOutcome> => {
        // Loaded when the command runs, so `relawan --help` stays quick (see runCli.ts).
        const { createTranslator, readLocaleResources } = await import("../conversation/createTranslator.js");
        const { createRegionLookup } = await import("../domain/regions/createRegionLookup.js");
        const { mapFigures, parseMapFigure } = await import("../domain/maps/mapFigures.js");
        const { findMapRegion } = await import("../domain/maps/findMapRegion.js");
        const { readRegionMap } = await import("../domain/maps/readRegionMap.js");
        const { formatFigureLabel, formatMapSummary, formatMapTitle, listFigureWords } = await import("../conversation/flows/mapSummary.js");
        const language = options.lang ?? config.DEFAULT_LANGUAGE;
        const t = createTranslator(readLocaleResources(localesDir), config.DEFAULT_LANGUAGE).forLanguage(language);

        const figure = parseMapFigure(options.figure);
        if (figure === undefined) {
          const valid = listFigureWords(mapFigures, language);
          return { code: 1, error: t("cli.unknownFigure", { value: options.figure, valid }), json: { error: "unknown_figure", value: options.figure, valid: [...mapFigures] } };
        }
        const regions = await createRegionLookup();
        const resolved = await findMapRegion(regions, options.region);
        if (resolved.status === "ambiguous") {
          const list = resolved.candidates.map((match) => `  --region ${match.code}   ${match.label}`);
          return { code: 1, error: [t("cli.severalRegions", { value: resolved.value }), ...list].join("\n"), json: { error: "ambiguous_region", value: resolved.value, candidates: resolved.candidates.map(({ code, label }) => ({ code, label })) } };
        }
        if (resolved.status === "unknown") {
          const near = resolved.suggestions.map((match) => `  --region ${match.code}   ${match.label}`);
          const lines = [t("cli.unknownRegion", { value: resolved.value }), ...(near.length > 0 ? [t("cli.nearest"), ...near] : []), t("cli.giveRegion")];
          return { code: 1, error: lines.join("\n"), json: { error: "unknown_region", value: resolved.value, suggestions: resolved.suggestions.map(({ code, label }) => ({ code, label })) } };
        }
        const outcome = await readRegionMap(db, regions, { figure, regionCode: resolved.status === "found" ? resolved.region.code : null, activeDays: config.ACTIVE_VOLUNTEER_DAYS, now });
        if (outcome.status === "unknown_region") return { code: 1, error: t("cli.unknownRegion", { value: outcome.code }), json: { error: "unknown_region", value: outcome.code } };
        const { map } = outcome;
        const summary = `${formatMapTitle(map, t)}\n${formatMapSummary(map, t, language)}`;
        const figures = { figure: map.figure, kind: map.kind, region: map.region, childLevel: map.childLevel, total: map.total, children: map.children, activeDays: map.activeDays };
        if (!options.out) return { code: 0, text: summary, json: figures };

        const { writeRegionMapFile } = await import("../charts/writeRegionMapFile.js");
        const out = resolve(options.out);
        const input = { region: map.region, childLevel: map.childLevel, figure: { label: formatFigureLabel(figure, map.activeDays, t), kind: map.kind }, children: map.children };
        const written = await writeRegionMapFile(input, t, language, out);
        if (written.status === "failed") return { code: 1, error: t("cli.writeFailed", { path: out, reason: written.reason }), json: { error: "write_failed", out, reason: written.reason } };
        return { code: 0, text: `${summary}\n\n${t("cli.wroteFile", { path: out, width: written.width, height: written.height })}`, json: { ...figures, out, width: written.width, height: written.height } };
      }),
    );
}
