import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify";
import type { Database } from "../../db/client.js";
import { recordAudit } from "../audit/recordAudit.js";
import { exportHeaders } from "../exports/exportKinds.js";
import { protectCsvCell } from "../exports/protectCsvCell.js";
import { readExportRows } from "../exports/readExportRows.js";
import { cleanTextForStaff } from "../text/cleanTextForStaff.js";
import type { PeopleFilter, PeopleFilterSettings } from "./parsePeopleFilter.js";
import { peopleWhereSql } from "./peopleWhereSql.js";

export interface PeopleExport {
  filter: PeopleFilter;
  format: "csv" | "xlsx";
  output: Writable;
  /** The staff member's contact id. */
  actor: string;
  /** "dashboard": where the file went, for the audit log. */
  destination: string;
  /** The filter's settings; its `now` is also the audit entry's time. */
  settings: PeopleFilterSettings;
  timeZone: string;
}

/**
 * The people of a filter as a CSV or Excel file, streamed page by page with the columns and the
 * formula-injection protection of `relawan export` (an exported file imports back); audited with
 * the filter and the number of rows, also when the download broke off.
 */
export async function exportPeople(db: Database, request: PeopleExport): Promise<{ rows: number }> {
  // Volunteers get their volunteer columns (referral code, interests, availability) too.
  const kind = request.filter.role === "volunteer" ? "volunteers" : "contacts";
  let rows = 0;
  let complete = false;
  async function* records() {
    yield [...exportHeaders[kind]];
    for await (const page of readExportRows(db, kind, { segment: peopleWhereSql(db, request.filter, request.settings), timeZone: request.timeZone })) {
      rows += page.length;
      for (const row of page) yield row.map((cell) => protectCsvCell(cleanTextForStaff(cell)));
    }
  }
  try {
    if (request.format === "csv") await pipeline(Readable.from(records()), stringify({ bom: true }), request.output);
    else await writeWorkbook(records(), request.output);
    complete = true;
  } finally {
    await recordAudit(db, {
      actor: request.actor,
      action: "export",
      target: kind,
      details: { filter: request.filter, format: request.format, rows, destination: request.destination, complete },
      at: request.settings.now,
    });
  }
  return { rows };
}

async function writeWorkbook(records: AsyncIterable<string[]>, output: Writable): Promise<void> {
  // exceljs is large; only an Excel export loads it. Rows are committed as they come: one page in memory.
  const { default: ExcelJS } = await import("exceljs");
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: output, useSharedStrings: false, useStyles: false });
  const sheet = workbook.addWorksheet("people");
  for await (const row of records) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
}
