import { writeFile } from "node:fs/promises";
import { readdirSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Option, type Command } from "commander";
import type { RunWithContext } from "./runCli.js";
import { makeFolder } from "../makeFolder.js";
import { toJsonText } from "./toJsonText.js";

const localesDir = resolve(dirname(fileURLToPath(import.meta.url)), "../..", "locales");

/** `relawan stats [--out dir] [--lang id|en] [--json]`: the numbers of /stats, and with --out the charts as PNG files. */
export function registerStatsCommands(program: Command, run: RunWithContext): void {
  program
    .command("stats")
    .description("campaign figures; with --out, the five charts as PNG files plus stats.json")
    .option("--out <dir>", "folder for the charts and stats.json (created if missing)")
    .addOption(new Option("--lang <language>", "language of the text and the charts (default: DEFAULT_LANGUAGE)").choices(readdirSync(localesDir).sort()))
    .option("--json", "machine-readable output")
    .action((options: { out?: string; lang?: string; json?: boolean }) =>
      run(Boolean(options.json), async ({ db, config }, now) => {
        // Loaded when the command runs, so `relawan --help` stays quick (see runCli.ts).
        const { createTranslator, readLocaleResources } = await import("../conversation/createTranslator.js");
        const { createRegionLookup } = await import("../domain/regions/createRegionLookup.js");
        const { readCampaignStats } = await import("../domain/stats/readCampaignStats.js");
        const { formatStatsSummary } = await import("../conversation/flows/statsSummary.js");
        const { prepareStatsCharts } = await import("../charts/prepareStatsCharts.js");
        const language = options.lang ?? config.DEFAULT_LANGUAGE;
        const t = createTranslator(readLocaleResources(localesDir), config.DEFAULT_LANGUAGE).forLanguage(language);
        const regions = await createRegionLookup();
        const stats = await readCampaignStats(db, { now, timeZone: config.TIMEZONE, provinceName: (code) => regions.get(code)?.name });
        const summary = formatStatsSummary(stats, t, language);
        if (!options.out) return { code: 0, text: summary, json: stats };

        const dir = resolve(options.out);
        const files: string[] = [];
        try {
          makeFolder(dir);
          for (const chart of prepareStatsCharts(stats, t, language)) {
            await writeFile(join(dir, chart.fileName), await chart.png());
            files.push(chart.fileName);
          }
          await writeFile(join(dir, "stats.json"), `${toJsonText(stats, config.TIMEZONE)}\n`);
          files.push("stats.json");
        } catch (error) {
          const reason = error instanceof Error ? error.message : String(error);
          return { code: 1, error: t("cli.writeFailed", { path: dir, reason }), json: { error: "write_failed", dir, reason } };
        }
        const written = [t("cli.wroteFiles", { count: files.length, dir }), ...files.map((file) => `  ${file}`)];
        return { code: 0, text: `${summary}\n\n${written.join("\n")}`, json: { ...stats, out: dir, files } };
      }),
    );
}
