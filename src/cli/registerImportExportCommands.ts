import { once } from "node:events";
import { createWriteStream, readdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { Argument, Option, type Command } from "commander";
import type { CountryCode } from "libphonenumber-js";
import { exportKinds, type ExportKind } from "../domain/exports/exportKinds.js";
import type { CliIo, CliOutcome, RunWithContext } from "./runCli.js";

const localesDir = resolve(dirname(fileURLToPath(import.meta.url)), "../..", "locales");
const actor = "cli";

interface ImportOptions {
  errors?: string;
  dryRun?: boolean;
  batchSize?: string;
  writers?: string;
  lang?: string;
  json?: boolean;
}

/**
 * `relawan import <file.csv>` and `relawan export contacts|volunteers|deliveries`: the same code
 * as /import and /export in the chat, audited with actor "cli".
 */
export function registerImportExportCommands(program: Command, run: RunWithContext, io: CliIo): void {
  const languages = readdirSync(localesDir).sort();
  program
    .command("import")
    .description("import contacts from a CSV or .xlsx file (streamed, in batches); invalid rows are listed in <file>.errors.csv")
    .argument("<file>", "CSV or .xlsx (first sheet): name, phone, telegram_id, region_code, language, tags, consent, consent_source, consent_date")
    .option("--errors <path>", "where to write every invalid row with its reason (default: <file>.errors.csv)")
    .option("--batch-size <rows>", "rows per transaction", "2000")
    .option("--writers <connections>", "PostgreSQL connections writing each batch (two batches at a time, so twice as many connections; SQLite has one writer)", "2")
    .option("--dry-run", "read and check every row and report what would be created, merged and rejected; write nothing")
    .addOption(new Option("--lang <language>", "language of the report (default: DEFAULT_LANGUAGE)").choices(languages))
    .option("--json", "machine-readable output")
    .action((file: string, options: ImportOptions) =>
      run(Boolean(options.json), async ({ db, config }, now): Promise<CliOutcome> => {
        // Loaded when the command runs, so `relawan --help` stays quick (see runCli.ts).
        const { createTranslator, readLocaleResources } = await import("../conversation/createTranslator.js");
        const { importContacts } = await import("../domain/imports/importContacts.js");
        const { describeFileProblem } = await import("../domain/imports/describeFileProblem.js");
        const { describeRowProblem } = await import("../domain/imports/describeRowProblem.js");
        const { formatImportReport } = await import("../domain/imports/formatImportReport.js");
        const { createImportProgress } = await import("./createImportProgress.js");
        const t = createTranslator(readLocaleResources(localesDir), config.DEFAULT_LANGUAGE).forLanguage(options.lang ?? config.DEFAULT_LANGUAGE);
        const batchSize = Number(options.batchSize);
        if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 50_000) return refuse(t("cli.batchSize"), "bad_batch_size");
        const writers = Number(options.writers);
        if (!Number.isInteger(writers) || writers < 1 || writers > 16) return refuse(t("cli.writers"), "bad_writers");
        const path = resolve(file);
        const progress = createImportProgress(io.stderr as CliIo["stderr"] & { isTTY?: boolean }, t);
        const outcome = await importContacts(db, {
          path,
          fileName: file,
          errorsPath: options.errors === undefined ? undefined : resolve(options.errors),
          actor,
          now,
          defaultCountry: config.DEFAULT_COUNTRY as CountryCode,
          defaultLanguage: config.DEFAULT_LANGUAGE,
          languages,
          timeZone: config.TIMEZONE,
          batchSize,
          writers,
          dryRun: Boolean(options.dryRun),
          describeProblem: (problem) => describeRowProblem(t, problem, languages),
          onProgress: (p) => progress.update(p),
        }).finally(() => progress.stop());
        if (outcome.status === "refused") {
          return refuse(`${t("importexport:import.refused", { reason: describeFileProblem(t, outcome.problem, file) })}`, outcome.problem.code);
        }
        const { report } = outcome;
        const errorsLine = report.errorsPath ? t("importexport:report.errorsFile", { path: report.errorsPath }) : undefined;
        const title = t(options.dryRun ? "importexport:report.dryRunTitle" : "importexport:report.title", { file });
        const text = [title, formatImportReport(t, report, { languages, errorsLine })].join("\n");
        return { code: 0, text, json: { ...report, invalidRows: report.invalidRows.map((row) => ({ ...row, reason: describeRowProblem(t, row.problem, languages) })) } };
      }),
    );

  program
    .command("export")
    .description("export contacts, volunteers or deliveries as CSV (to stdout, or --out file)")
    .addArgument(new Argument("<what>", "what to export").choices(exportKinds))
    .option("--segment <name>", "only the contacts of this saved segment (for deliveries: deliveries to them)")
    .option("--out <file>", "write to this file instead of stdout")
    .addOption(new Option("--lang <language>", "language of the report (default: DEFAULT_LANGUAGE)").choices(languages))
    .action((kind: ExportKind, options: { segment?: string; out?: string; lang?: string }) =>
      run(false, async ({ db, config }, now): Promise<CliOutcome> => {
        const { findSegment } = await import("../domain/segments/findSegment.js");
        const { exportCsv } = await import("../domain/exports/exportCsv.js");
        const { cliTranslate } = await import("./cliLanguage.js");
        const { t } = await cliTranslate(config, options.lang);
        const segment = options.segment === undefined ? undefined : await findSegment(db, options.segment);
        if (options.segment !== undefined && !segment) return refuse(t("segment.cli.notFound", { name: options.segment }), "segment_not_found");
        const toFile = options.out !== undefined;
        const output = toFile ? createWriteStream(resolve(options.out!)) : forwardTo(io.stdout);
        const { rows } = await exportCsv(db, { kind, segment, output, keepOpen: !toFile, bom: toFile, actor, destination: toFile ? "file" : "stdout", now, timeZone: config.TIMEZONE });
        const summary = t("cli.exported", {
          rows,
          kind: t(`importexport:export.kind.${kind}`).toLowerCase(),
          segment: segment ? t("cli.exportedSegment", { name: segment.name }) : "",
          to: toFile ? t("cli.exportedTo", { path: resolve(options.out!) }) : "",
        });
        // Without --out, stdout is the CSV itself: the summary goes to stderr.
        if (!toFile) io.stderr.write(`${summary}\n`);
        return { code: 0, text: toFile ? summary : "", json: { kind, segment: segment?.name ?? null, rows, out: options.out ?? null } };
      }),
    );
}

function refuse(error: string, code: string): CliOutcome {
  return { code: 1, error, json: { error: code, message: error } };
}

/** A Writable over the CLI's stdout, waiting for it to drain when it is a real stream. */
function forwardTo(stdout: CliIo["stdout"]): Writable {
  const target = stdout as CliIo["stdout"] & Partial<NodeJS.WritableStream>;
  return new Writable({
    write(chunk: Buffer, _encoding, done) {
      const ok = target.write(chunk.toString("utf8"));
      if (ok === false && typeof target.once === "function") once(target as NodeJS.WritableStream, "drain").then(() => done(), done);
      else done();
    },
  });
}
