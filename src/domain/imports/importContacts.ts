import { constants } from "node:fs";
import { access } from "node:fs/promises";
import { basename, dirname } from "node:path";
import type { CountryCode } from "libphonenumber-js";
import type { Database } from "../../db/client.js";
import { openBulkWriter, type BulkWriter } from "../../db/openBulkWriter.js";
import { refreshPlannerStatistics } from "../../db/refreshPlannerStatistics.js";
import { recordAudit } from "../audit/recordAudit.js";
import type { WorkbookLimits } from "./inspectWorkbook.js";
import { createRowErrorsWriter } from "./createRowErrorsWriter.js";
import type { PendingInvalid } from "./readImportBatches.js";
import { startImportParser, type ImportParser } from "./startImportParser.js";
import type { DescribeRowProblem, FileProblem, ImportReport } from "./types.js";
import { overlapImportBatches } from "./overlapImportBatches.js";
import type { BatchResult } from "./writeImportBatch.js";

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
  /**
   * PostgreSQL connections writing each batch at once (default 2): each keeps a server process
   * busy, and a server process's CPU is most of a PostgreSQL import. With more than one, two batches
   * are written at a time (overlapImportBatches), so twice as many connections. SQLite has one writer.
   */
  writers?: number;
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
const defaultWriters = 2;
// Batches the reading thread may check ahead of the one being written: enough to keep both threads busy.
const batchesAhead = 1;
// What an import writes, and what the next segment count and broadcast read.
const IMPORTED_TABLES = ["Contact", "ChannelIdentity", "ContactTag", "ConsentRecord"];

/**
 * Imports contacts from a CSV or .xlsx file: streamed, in batches of a few thousand rows per transaction,
 * so a million rows import in bounded memory while the bot keeps answering between batches. The
 * file is read and its rows checked on a worker thread (startImportParser) while this one writes.
 * The file is read twice: once to refuse a wrongly encoded file or a zip bomb before anything
 * is written, once to import. Valid rows are imported; invalid ones are reported with their line number.
 */
export async function importContacts(db: Database, settings: ImportSettings): Promise<ImportOutcome> {
  const started = performance.now();
  const parser = startImportParser({
    path: settings.path,
    maxBytes: settings.maxBytes,
    workbookLimits: settings.workbookLimits,
    defaultCountry: settings.defaultCountry,
    languages: settings.languages,
    timeZone: settings.timeZone,
    now: settings.now,
    batchSize: settings.batchSize ?? defaultBatchSize,
  });
  try {
    return await writeParsedFile(db, settings, parser, started);
  } finally {
    await parser.stop();
  }
}

async function writeParsedFile(db: Database, settings: ImportSettings, parser: ImportParser, started: number): Promise<ImportOutcome> {
  const events = parser.events[Symbol.asyncIterator]();
  const opening = (await events.next()).value;
  if (!opening || opening.type === "refused") return { status: "refused", problem: opening?.problem ?? { code: "empty" } };
  if (opening.type !== "opened") throw new Error(`The import's reading thread began with ${opening.type}`);
  const errorsPath = settings.errorsPath === undefined ? `${settings.path}.errors.csv` : settings.errorsPath;
  // Checked now, not at the first invalid row: by then part of the file would be imported.
  if (errorsPath !== null && !(await writable(dirname(errorsPath)))) return { status: "refused", problem: { code: "errors_not_writable", path: errorsPath } };
  const listed = settings.listedInvalid ?? 20;
  const total = opening.estimatedRows;
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
  // A dry run writes nothing, so a later batch cannot find the people an earlier one would have created.
  const earlier = settings.dryRun ? new Map<string, string>() : undefined;

  const errors = createRowErrorsWriter(errorsPath, () => header ?? []);
  const lanes = await openWriterLanes(db, settings.dryRun ? 1 : (settings.writers ?? defaultWriters));
  const batches = overlapImportBatches(lanes, { defaultLanguage: settings.defaultLanguage, now: settings.now, dryRun: earlier });
  let complete = false;
  const record = async (writing: Promise<BatchResult> | undefined, invalid: PendingInvalid[]) => {
    if (writing) {
      const written = await writing;
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

  // Each batch's rows are counted and its invalid ones reported in file order, once it is written.
  let recorded = Promise.resolve();
  try {
    // The thread reads and checks the next batch while this one starts (and, on PostgreSQL, while
    // the one before it is still written: overlapImportBatches).
    parser.allow(1 + batchesAhead);
    for (let next = await events.next(); !next.done; next = await events.next()) {
      const event = next.value;
      if (event.type === "refused") return { status: "refused", problem: event.problem };
      if (event.type === "header") {
        header = event.header;
        report.ignoredColumns = event.ignoredColumns;
        report.noConsentColumn = event.noConsentColumn;
      } else if (event.type === "progress") settings.onProgress?.({ rows: event.rowsRead, total });
      else if (event.type === "batch") {
        report.rowsRead = event.rowsRead;
        report.skipped = event.skipped;
        parser.allow(1);
        const writing = event.rows.length > 0 ? (await batches.start(event.rows)).written : undefined;
        const invalid = event.invalid;
        recorded = recorded.then(() => record(writing, invalid));
        // Seen at the next batch's start or at the end; this only keeps it from counting as unhandled meanwhile.
        recorded.catch(() => undefined);
      } else if (event.type === "end") {
        report.rowsRead = event.rowsRead;
        report.skipped = event.skipped;
      }
    }
    await recorded;
    settings.onProgress?.({ rows: report.rowsRead, total: Math.max(total, report.rowsRead) });
    if (!settings.dryRun && report.created + report.merged > 0) await refreshPlannerStatistics(db, IMPORTED_TABLES);
    complete = true;
  } finally {
    await batches.settled();
    await recorded.catch(() => undefined);
    await closeAll(lanes.flat());
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

/**
 * The writers of the batches: on PostgreSQL with several writers, two lanes of `count` writers each
 * (overlapImportBatches); otherwise one lane of one writer (SQLite has one writer, and a dry run
 * carries what earlier batches would have created from one batch to the next).
 */
async function openWriterLanes(db: Database, count: number): Promise<BulkWriter[][]> {
  const writers = [await openBulkWriter(db)];
  const wanted = writers[0]!.dialect === "postgresql" && count > 1 ? 2 * count : 1;
  try {
    while (writers.length < wanted) writers.push(await openBulkWriter(db));
  } catch (error) {
    await closeAll(writers).catch(() => undefined);
    throw error;
  }
  return wanted === 1 ? [writers] : [writers.slice(0, count), writers.slice(count)];
}

/**
 * Closes every writer, even when one fails to. Each one that committed ends with a synchronous
 * commit, which puts every batch committed before it on disk, whichever connection wrote it.
 */
async function closeAll(writers: readonly BulkWriter[]): Promise<void> {
  const closed = await Promise.allSettled(writers.map((writer) => writer.close()));
  const failed = closed.find((outcome) => outcome.status === "rejected");
  if (failed) throw failed.reason;
}

async function writable(folder: string): Promise<boolean> {
  try {
    await access(folder, constants.W_OK);
    return true;
  } catch {
    return false;
  }
}

