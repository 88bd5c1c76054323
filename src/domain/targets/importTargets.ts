import { constants } from "node:fs";
import { access } from "node:fs/promises";
import { basename, dirname } from "node:path";
import type { Database } from "../../db/client.js";
import { recordAudit } from "../audit/recordAudit.js";
import { createRowErrorsWriter } from "../imports/createRowErrorsWriter.js";
import { readTableRows } from "../imports/readTableRows.js";
import type { WorkbookLimits } from "../imports/inspectWorkbook.js";
import type { FileProblem } from "../imports/types.js";
import { loadRegions } from "../regions/loadRegions.js";
import { mapTargetHeader, type TargetColumns } from "./mapTargetHeader.js";
import { parseTargetRow } from "./parseTargetRow.js";
import { targetFigures, type InvalidTargetRow, type TargetImportReport, type TargetRow, type TargetRowProblem } from "./targetTypes.js";
import { writeTargetBatch } from "./writeTargetBatch.js";

export interface TargetImportSettings {
  path: string;
  /** Name for the report and the audit log; the chat passes the document's own name. */
  fileName?: string;
  /** Where every invalid row goes: default `<file>.errors.csv`, null for none. */
  errorsPath?: string | null;
  /** "cli", or the staff member's contact id. */
  actor: string;
  now: Date;
  maxBytes?: number;
  /** How many invalid rows the report lists; the errors file has them all. */
  listedInvalid?: number;
  describeProblem: (problem: TargetRowProblem) => string;
  onProgress?: (progress: { rows: number; total: number }) => void;
  /** Read and check every row and say what would be created and replaced, writing nothing (no audit either). */
  dryRun?: boolean;
  /** What an .xlsx may unpack to; tests lower it. */
  workbookLimits?: Partial<WorkbookLimits>;
}

export type TargetImportOutcome = { status: "refused"; problem: FileProblem } | { status: "done"; report: TargetImportReport };

const batchSize = 1_000;

/**
 * Loads per-region targets (DPT, TPS, target volunteers, target supporters) from a CSV or .xlsx
 * file, streamed. Good rows are written, in batches; every bad row is reported with its line
 * and why (an unknown or ambiguous region name comes with suggestions). A region named twice is
 * written once, from its first row. Audited as "targets.import".
 */
export async function importTargets(db: Database, settings: TargetImportSettings): Promise<TargetImportOutcome> {
  const started = performance.now();
  const table = await readTableRows(settings.path, { maxBytes: settings.maxBytes, workbook: settings.workbookLimits });
  if (table.status === "refused") return table;
  const errorsPath = settings.errorsPath === undefined ? `${settings.path}.errors.csv` : settings.errorsPath;
  if (errorsPath !== null && !(await writable(dirname(errorsPath)))) return { status: "refused", problem: { code: "errors_not_writable", path: errorsPath } };
  let regions = await loadRegions();
  const fileName = settings.fileName ?? basename(settings.path);
  const listed = settings.listedInvalid ?? 20;
  const report: TargetImportReport = { file: fileName, rowsRead: 0, created: 0, replaced: 0, invalid: 0, invalidRows: [], figures: [], ignoredColumns: [], seconds: 0 };

  let header: string[] | undefined;
  let columns: TargetColumns = {};
  const errors = createRowErrorsWriter(errorsPath, () => header ?? []);
  const firstLineOf = new Map<string, number>();
  let batch: TargetRow[] = [];
  let pending: (InvalidTargetRow & { cells: readonly string[] })[] = [];
  const flush = async () => {
    const rows = batch;
    const invalid = pending;
    batch = [];
    pending = [];
    if (rows.length > 0) {
      const written = await db.$transaction((tx) => writeTargetBatch(tx, rows, { figures: report.figures, actor: settings.actor, now: settings.now, dryRun: settings.dryRun }), { timeout: 120_000, maxWait: 60_000 });
      report.created += written.created;
      report.replaced += written.replaced;
    }
    for (const row of invalid) {
      report.invalid++;
      if (report.invalidRows.length < listed) report.invalidRows.push({ line: row.line, problem: row.problem });
      await errors.write(row.line, settings.describeProblem(row.problem), row.cells);
    }
  };

  let complete = false;
  try {
    for await (const run of table.rows) for (const row of run) {
      if (!header) {
        if (row.status !== "ok") return { status: "refused", problem: { code: "empty" } };
        const mapping = mapTargetHeader(row.cells);
        if (mapping.status === "refused") return mapping;
        header = row.cells;
        columns = mapping.columns;
        report.figures = targetFigures.filter((figure) => columns[figure] !== undefined);
        report.ignoredColumns = mapping.ignored;
        continue;
      }
      if (row.status === "broken") {
        report.rowsRead++;
        pending.push({ line: row.line, problem: row.unclosed ? { code: "unclosed_quote" } : { code: "csv", detail: row.detail }, cells: [] });
        continue;
      }
      // A CSV row with fewer or more cells than the header is cut or shifted: its figures cannot be trusted.
      if (table.kind === "csv" && row.cells.length !== header.length && row.cells.some((cell) => cell.trim() !== "")) {
        report.rowsRead++;
        pending.push({ line: row.line, problem: { code: "field_count", found: row.cells.length, expected: header.length }, cells: row.cells });
        continue;
      }
      // Villages take about a second to read, once per process: only a file that names one pays for it.
      if (!regions.hasVillages && mentionsVillage(row.cells, columns)) regions = await loadRegions({ villages: true });
      const parsed = parseTargetRow(row.cells, row.line, columns, regions);
      if (parsed.status === "blank") continue;
      report.rowsRead++;
      if (parsed.status === "invalid") pending.push({ line: row.line, problem: parsed.problem, cells: row.cells });
      else {
        const firstLine = firstLineOf.get(parsed.row.regionCode);
        if (firstLine !== undefined) pending.push({ line: row.line, problem: { code: "duplicate", firstLine }, cells: row.cells });
        else {
          firstLineOf.set(parsed.row.regionCode, row.line);
          batch.push(parsed.row);
        }
      }
      if (batch.length + pending.length >= batchSize) await flush();
      if (report.rowsRead % 1000 === 0) settings.onProgress?.({ rows: report.rowsRead, total: table.estimatedRows });
    }
    if (!header) return { status: "refused", problem: { code: "empty" } };
    if (report.rowsRead === 0) return { status: "refused", problem: { code: "header_only" } };
    await flush();
    settings.onProgress?.({ rows: report.rowsRead, total: Math.max(table.estimatedRows, report.rowsRead) });
    complete = true;
  } finally {
    const written = await errors.close();
    if (written) report.errorsPath = written;
    report.seconds = (performance.now() - started) / 1000;
    if (header && report.rowsRead > 0 && !settings.dryRun) {
      await recordAudit(db, {
        actor: settings.actor,
        action: "targets.import",
        target: fileName,
        details: { rowsRead: report.rowsRead, created: report.created, replaced: report.replaced, invalid: report.invalid, figures: report.figures, complete },
        at: settings.now,
      });
    }
  }
  return { status: "done", report };
}

function mentionsVillage(cells: readonly string[], columns: TargetColumns): boolean {
  const village = columns.village === undefined ? "" : (cells[columns.village] ?? "").trim();
  const code = columns.code === undefined ? "" : (cells[columns.code] ?? "").replace(/\D/g, "");
  return village !== "" || code.length > 6;
}

async function writable(folder: string): Promise<boolean> {
  try {
    await access(folder, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}
