import type { CountryCode } from "libphonenumber-js";
import { loadRegions } from "../regions/loadRegions.js";
import { resolveRegionNames } from "../regions/resolveRegionNames.js";
import { collectRowColumns } from "./collectRowColumns.js";
import type { ImportRowColumns } from "./importRowColumns.js";
import type { WorkbookLimits } from "./inspectWorkbook.js";
import { mapImportHeader, type ImportColumns } from "./mapImportHeader.js";
import { parseImportRow, type RowRules } from "./parseImportRow.js";
import { readTableRows } from "./readTableRows.js";
import type { FileProblem, ImportRow, InvalidRow } from "./types.js";

export interface ReadSettings {
  path: string;
  maxBytes?: number;
  workbookLimits?: Partial<WorkbookLimits>;
  defaultCountry: CountryCode;
  languages: readonly string[];
  timeZone: string;
  now: Date;
  /** Valid rows per batch. */
  batchSize: number;
}

/** An invalid row, with its cells for the errors file (none for a row the CSV parser could not read). */
export type PendingInvalid = InvalidRow & { record?: string[] };

/**
 * What reading a contacts file yields, in order: the file opened (or refused), its header, then
 * batches of checked rows with progress between them, then the end. Counts are running totals.
 * A batch's rows are row objects once taken by the writing thread, columns until then.
 */
export type ImportReadEvent<Rows = ImportRow[]> =
  | { type: "refused"; problem: FileProblem }
  | { type: "opened"; estimatedRows: number }
  | { type: "header"; header: string[]; ignoredColumns: string[]; noConsentColumn: boolean }
  | { type: "batch"; rows: Rows; invalid: PendingInvalid[]; rowsRead: number; skipped: number }
  | { type: "progress"; rowsRead: number }
  | { type: "end"; rowsRead: number; skipped: number };

/**
 * Reads a contacts file (CSV or .xlsx) and checks each row (phone numbers, regions, consent):
 * all of an import but the writing, so it can run on a thread of its own (importParserWorker).
 * Valid rows come in batches of `batchSize`, as columns; the invalid rows read meanwhile come with them.
 */
export async function* readImportBatches(settings: ReadSettings): AsyncGenerator<ImportReadEvent<ImportRowColumns>, void, void> {
  const table = await readTableRows(settings.path, { maxBytes: settings.maxBytes, workbook: settings.workbookLimits });
  if (table.status === "refused") {
    yield { type: "refused", problem: table.problem };
    return;
  }
  yield { type: "opened", estimatedRows: table.estimatedRows };
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

  let header: string[] | undefined;
  let columns: ImportColumns = {};
  let rowsRead = 0;
  let skipped = 0;
  const batch = collectRowColumns(settings.batchSize);
  let pending: PendingInvalid[] = [];
  const take = () => {
    const event = { type: "batch", rows: batch.take(), invalid: pending, rowsRead, skipped } as const;
    pending = [];
    return event;
  };
  for await (const run of table.rows) for (const row of run) {
    if (row.status === "broken") {
      rowsRead++;
      pending.push({ line: row.line, problem: row.unclosed ? { code: "unclosed_quote" } : { code: "csv", detail: row.detail } });
      continue;
    }
    if (!header) {
      const mapping = mapImportHeader(row.cells);
      if (mapping.status === "refused") {
        yield { type: "refused", problem: mapping.problem };
        return;
      }
      header = row.cells;
      columns = mapping.columns;
      yield { type: "header", header, ignoredColumns: mapping.ignored, noConsentColumn: columns.consent === undefined };
      if (columns.village !== undefined) await needVillages();
      continue;
    }
    // A spreadsheet leaves out empty cells at the end of a row; a CSV row of another width is cut or shifted.
    const record = table.kind === "xlsx" ? fitTo(row.cells, header.length) : row.cells;
    if (!villages && columns.regionCode !== undefined && namesVillage(record[columns.regionCode] ?? "")) await needVillages();
    const parsed = parseImportRow(record, row.line, columns, header.length, rules);
    if (parsed.status === "blank") {
      skipped++;
      continue;
    }
    rowsRead++;
    if (parsed.status === "invalid") pending.push({ line: row.line, problem: parsed.problem, record });
    else batch.add(parsed.row);
    if (batch.size >= settings.batchSize) yield take();
    if (rowsRead % 1000 === 0) yield { type: "progress", rowsRead };
  }
  if (!header) {
    yield { type: "refused", problem: { code: "empty" } };
    return;
  }
  if (rowsRead === 0) {
    yield { type: "refused", problem: { code: "header_only" } };
    return;
  }
  if (batch.size > 0 || pending.length > 0) yield take();
  yield { type: "end", rowsRead, skipped };
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
