import { readdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Option, type Command } from "commander";
import type { CliIo, CliOutcome, RunWithContext } from "./runCli.js";

const localesDir = resolve(dirname(fileURLToPath(import.meta.url)), "../..", "locales");

/** `relawan targets import <file>`: the same code as /target in the chat, audited with actor "cli". */
export function registerTargetCommands(program: Command, run: RunWithContext, io: CliIo): void {
  const targets = program.command("targets").description("per-region targets: registered voters (DPT), polling stations (TPS), target volunteers and supporters");
  targets
    .command("import")
    .description("load targets from a CSV or .xlsx file; regions in the file get their figures replaced, others stay; invalid rows go to <file>.errors.csv")
    .argument("<file>", "CSV or .xlsx: region_code (or province, regency, district, village names), dpt, tps, target_volunteers, target_supporters")
    .option("--errors <path>", "where to write every invalid row with its reason (default: <file>.errors.csv)")
    .option("--dry-run", "read and check every row and report what would be created, replaced and rejected; write nothing")
    .addOption(new Option("--lang <language>", "language of the report (default: DEFAULT_LANGUAGE)").choices(readdirSync(localesDir).sort()))
    .option("--json", "machine-readable output")
    .action((file: string, options: { errors?: string; dryRun?: boolean; lang?: string; json?: boolean }) =>
      run(Boolean(options.json), async ({ db, config }, now): Promise<CliOutcome> => {
        // Loaded when the command runs, so `relawan --help` stays quick (see runCli.ts).
        const { createTranslator, readLocaleResources } = await import("../conversation/createTranslator.js");
        const { importTargets } = await import("../domain/targets/importTargets.js");
        const { describeFileProblem } = await import("../domain/imports/describeFileProblem.js");
        const { describeTargetProblem } = await import("../domain/targets/describeTargetProblem.js");
        const { formatTargetImportReport } = await import("../domain/targets/formatTargetImportReport.js");
        const { createImportProgress } = await import("./createImportProgress.js");
        const t = createTranslator(readLocaleResources(localesDir), config.DEFAULT_LANGUAGE).forLanguage(options.lang ?? config.DEFAULT_LANGUAGE);
        const progress = createImportProgress(io.stderr as CliIo["stderr"] & { isTTY?: boolean }, t);
        const outcome = await importTargets(db, {
          path: resolve(file),
          fileName: file,
          errorsPath: options.errors === undefined ? undefined : resolve(options.errors),
          actor: "cli",
          now,
          dryRun: Boolean(options.dryRun),
          describeProblem: (problem) => describeTargetProblem(t, problem),
          onProgress: (p) => progress.update(p),
        }).finally(() => progress.stop());
        if (outcome.status === "refused") {
          const error = t("mapping:targets.refused", { reason: describeFileProblem(t, outcome.problem, file) });
          return { code: 1, error, json: { error: outcome.problem.code, message: error } };
        }
        const { report } = outcome;
        const errorsLine = report.errorsPath ? t("importexport:report.errorsFile", { path: report.errorsPath }) : undefined;
        const title = t(options.dryRun ? "mapping:targets.report.dryRunTitle" : "mapping:targets.report.title", { file });
        const text = [title, formatTargetImportReport(t, report, { errorsLine })].join("\n");
        return { code: 0, text, json: { ...report, invalidRows: report.invalidRows.map((row) => ({ ...row, reason: describeTargetProblem(t, row.problem) })) } };
      }),
    );
}
