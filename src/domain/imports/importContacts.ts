import { constants } from "node:fs";
import { access } from "node:fs/promises";
import { basename, dirname } from "node:path";
import { setImmediate } from "node:timers/promises";
import type { CountryCode } from "libphonenumber-js";
import type { Database } from "../../db/client.js";
import { openBulkWriter } from "../../db/openBulkWriter.js";
import { refreshPlannerStatistics } from "../../db/refreshPlannerStatistics.js";
import { recordAudit } from "../audit/recordAudit.js";
import { loadRegions } from "../regions/loadRegions.js";
import { resolveRegionNames } from "../regions/resolveRegionNames.js";
import type { WorkbookLimits } from "./inspectWorkbook.js";
import { createRowErrorsWriter } from "./createRowErrorsWriter.js";
import { mapImportHeader, type ImportColumns } from "./mapImportHeader.js";
import { parseImportRow, type RowRules } from "./parseImportRow.js";
import { readTableRows } from "./readTableRows.js";
import type { DescribeRowProblem, FileProblem, ImportReport, ImportRow, InvalidRow } from "./types.js";
import { writeImportBatch } from "./writeImportBatch.js";

export interface ImportSettings {
  path: string;
  /** Name for the report and the audit log; the chat passes the document's own name. */
  fileName?: string;
  /** Where the full list of invalid rows goes: default `<file>.errors.csv`, null for none. */
  errorsPath?: string | null;
  /** "cli", or the staff member's contact id. */
  actor: string;
  now: Date;
  defaultCountry: CountryCode;
  defaultLanguage: string;
  languages: readonly string[];
  timeZone: string;
  /** Rows per transaction. */
  batchSize?: number;
  maxBytes?: number;
  /** How many invalid rows the report lists; the errors file has them all. */
  listedInvalid?: number;
  describeProblem: DescribeRowProblem;
  onProgress?: (progress: { rows: number; total: number }) => void;
  /** Read and check every row and say what would be created and merged, writing nothing (no audit either). */
  dryRun?: boolean;
  /** What an .xlsx may unpack to; tests lower it. */
  workbookLimits?: Partial<WorkbookLimits>;
}

export type ImportOutcome = { status: "refused"; problem: FileProblem } | { status: "done"; report: ImportReport };

const defaultBatchSize = 2_000;
// What an import writes, and what the next segment count and broadcast read.
const IMPORTED_TABLES = ["Contact", "ChannelIdentity", "ContactTag", "ConsentRecord"];

/**
 * Imports contacts from a CSV or .xlsx file: streamed, in batches of a few thousand rows per transaction,
 * so a million rows import in bounded memory while the bot keeps answering between batches.
 * The file is read twice: once to refuse a wrongly encoded file or a zip bomb before anything
 * is written, once to import. Valid rows are imported; invalid ones are reported with their line number.
 */
export async function importContacts(db: Database, settings: ImportSettings): Promise<ImportOutcome> {
  const started = performance.now();
  const table = await readTableRows(settings.path, { maxBytes: settings.maxBytes, workbook: settings.workbookLimits });
  if (table.status === "refused") return table;
  const errorsPath = settings.errorsPath === undefined ? `${settings.path}.errors.csv` : settings.errorsPath;
  // Checked now, not at the first invalid row: by then part of the file would be imported.
  if (errorsPath !== null && !(await writable(dirname(errorsPath)))) return { status: "refused", problem: { code: "errors_not_writable", path: errorsPath } };
  // Villages only once the file names one (a village column, or a code longer than a district's):
  // the ~84k of them are about 100 MB of memory and a second of CPU that most lists never need.
  let regions = await loadRegions();
  let villages = false;
  const rules: RowRules = {
    defaultCountry: settings.defaultCountry,
    languages: settings.languages,
    timeZone: settings.timeZone,
    now: settings.now,
    regionExists: (code) => regions.get(code) !== undefined,
    resolveRegionNames: (names) => resolveRegionNames(regions, names),
  };
  const needVillages = async () => {
    regions = await loadRegions({ villages: true });
    villages = true;
  };
  const batchSize = settings.batchSize ?? defaultBatchSize;
  const listed = settings.listedInvalid ?? 20;
  const total = table.estimatedRows;
  const fileName = settings.fileName ?? basename(settings.path);
  const report: ImportReport = {
    file: fileName,
    rowsRead: 0,
    created: 0,
    merged: 0,
    invalid: 0,
    invalidRows: [],
    consentRecorded: 0,
    consentNotApplied: 0,
    optedOut: 0,
    skipped: 0,
    ignoredColumns: [],
    noConsentColumn: false,
    seconds: 0,
  };

  let header: string[] | undefined;
  let columns: ImportColumns = {};
  let batch: ImportRow[] = [];
  let pending: (InvalidRow & { record?: string[] })[] = [];
  // A dry run writes nothing, so a later batch cannot find the people an earlier one would have created.
  const earlier = settings.dryRun ? new Map<string, string>() : undefined;

  const errors = createRowErrorsWriter(errorsPath, () => header ?? []);
  const writer = await openBulkWriter(db);
  let complete = false;
  const write = async (rows: ImportRow[], invalid: (InvalidRow & { record?: string[] })[]) => {
    if (rows.length > 0) {
      const batchSettings = { defaultLanguage: settings.defaultLanguage, now: settings.now, dryRun: earlier };
      const written = await writer.transaction(() => writeImportBatch(writer, rows, batchSettings));
      report.created += written.created;
      report.merged += written.merged;
      report.consentRecorded += written.consentRecorded;
      report.consentNotApplied += written.consentNotApplied;
      report.optedOut += written.optedOut;
      invalid.push(...written.invalid);
    }
    invalid.sort((a, b) => a.line - b.line);
    for (const row of invalid) {
      report.invalid++;
      if (report.invalidRows.length < listed) report.invalidRows.push({ line: row.line, problem: row.problem });
      await errors.write(row.line, settings.describeProblem(row.problem), row.record ?? []);
    }
  };
  // One batch is written while the next is read and checked (on PostgreSQL the server works
  // meanwhile); never two at once, so each batch sees the people the one before it created.
  let writing: Promise<void> = Promise.resolve();
  const flush = async () => {
    const rows = batch;
    const invalid = pending;
    batch = [];
    pending = [];
    await writing;
    writing = write(rows, invalid);
    // Its failure is thrown by the next flush, or by the wait at the end.
    writing.catch(() => undefined);
  };

  try {
    for await (const row of table.rows) {
      if (row.status === "broken") {
        report.rowsRead++;
        pending.push({ line: row.line, problem: row.unclosed ? { code: "unclosed_quote" } : { code: "csv", detail: row.detail } });
        continue;
      }
      if (!header) {
        const mapping = mapImportHeader(row.cells);
        if (mapping.status === "refused") return mapping;
        header = row.cells;
        columns = mapping.columns;
        report.ignoredColumns = mapping.ignored;
        report.noConsentColumn = columns.consent === undefined;
        if (columns.village !== undefined) await needVillages();
        continue;
      }
      // A spreadsheet leaves out empty cells at the end of a row; a CSV row of another width is cut or shifted.
      const record = table.kind === "xlsx" ? fitTo(row.cells, header.length) : row.cells;
      if (!villages && columns.regionCode !== undefined && namesVillage(record[columns.regionCode] ?? "")) await needVillages();
      const parsed = parseImportRow(record, row.line, columns, header.length, rules);
      if (parsed.status === "blank") {
        report.skipped++;
        continue;
      }
      report.rowsRead++;
      if (parsed.status === "invalid") pending.push({ line: row.line, problem: parsed.problem, record });
      else batch.push(parsed.row);
      if (batch.length >= batchSize) await flush();
      // The parser hands over a whole chunk of the file at once (hundreds of rows, ~30 ms): now and
      // then the answers to the batch being written are let in, or its transaction waits that long
      // at every statement (on PostgreSQL it sat idle a third of the time).
      if (report.rowsRead % 64 === 0) await setImmediate();
      if (report.rowsRead % 1000 === 0) settings.onProgress?.({ rows: report.rowsRead, total });
    }
    if (!header) return { status: "refused", problem: { code: "empty" } };
    // Nothing has been written yet: batches only start with the first data row.
    if (report.rowsRead === 0) return { status: "refused", problem: { code: "header_only" } };
    await flush();
    await writing;
    settings.onProgress?.({ rows: report.rowsRead, total: Math.max(total, report.rowsRead) });
    if (!settings.dryRun && report.created + report.merged > 0) await refreshPlannerStatistics(db, IMPORTED_TABLES);
    complete = true;
  } finally {
    await writing.catch(() => undefined);
    await writer.close();
    const errorsPath = await errors.close();
    if (errorsPath) report.errorsPath = errorsPath;
    report.seconds = (performance.now() - started) / 1000;
    if (header && report.rowsRead > 0 && !settings.dryRun) {
      const { invalidRows: _listed, ignoredColumns: _ignored, errorsPath: _path, ...counts } = report;
      await recordAudit(db, { actor: settings.actor, action: "import", target: fileName, details: { ...counts, seconds: Math.round(counts.seconds), complete }, at: settings.now });
    }
  }
  return { status: "done", report };
}

async function writable(folder: string): Promise<boolean> {
  try {
    await access(folder, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

/** More digits than a district's code (32.73.01): a village's code, or a mistake only the villages can tell. */
function namesVillage(code: string): boolean {
  let digits = 0;
  for (let i = 0; i < code.length; i++) if (code.charCodeAt(i) >= 48 && code.charCodeAt(i) <= 57) digits++;
  return digits > 6;
}

function fitTo(cells: string[], width: number): string[] {
  if (cells.length === width) return cells;
  if (cells.length > width) return cells.slice(0, width);
  return [...cells, ...Array<string>(width - cells.length).fill("")];
}
