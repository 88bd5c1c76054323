import { Readable, type Writable } from "node:stream";
import { pipeline } from "node:stream/promises";
import { stringify } from "csv-stringify";
import type { Database } from "../../db/client.js";
import { recordAudit } from "../audit/recordAudit.js";
import type { SavedSegment } from "../segments/listSegments.js";
import { segmentWhereSql } from "../segments/segmentWhereSql.js";
import { exportHeaders, type ExportKind } from "./exportKinds.js";
import { protectCsvCell } from "./protectCsvCell.js";
import { readExportRows } from "./readExportRows.js";
import { cleanTextForStaff } from "../text/cleanTextForStaff.js";

export interface ExportRequest {
  kind: ExportKind;
  /** Only the contacts of this segment (for deliveries: deliveries to them). */
  segment?: SavedSegment;
  output: Writable;
  /** Leave the output open afterwards (stdout). */
  keepOpen?: boolean;
  /** A UTF-8 byte-order mark, so Excel reads names with accents right; not for pipes. */
  bom?: boolean;
  /** "cli", or the staff member's contact id. */
  actor: string;
  /** "file", "stdout", "chat": where the data went, for the audit log. */
  destination: string;
  now: Date;
  /** The campaign's TIMEZONE: times are written with its offset, dates as its calendar days. */
  timeZone: string;
}

/**
 * Streams one export as CSV from the database to `output`, page by page, and writes who exported
 * what (and how many rows) to the audit log, also when the export broke off half-way.
 */
export async function exportCsv(db: Database, request: ExportRequest): Promise<{ rows: number }> {
  let rows = 0;
  let complete = false;
  const where = request.segment ? segmentWhereSql(db, request.segment.definition) : undefined;
  async function* records() {
    yield [...exportHeaders[request.kind]];
    for await (const page of readExportRows(db, request.kind, { segment: where, timeZone: request.timeZone })) {
      rows += page.length;
      for (const row of page) yield row.map((cell) => protectCsvCell(cleanTextForStaff(cell)));
    }
  }
  try {
    await pipeline(Readable.from(records()), stringify({ bom: request.bom ?? false }), request.output, {
      end: !request.keepOpen,
    });
    complete = true;
  } finally {
    await recordAudit(db, {
      actor: request.actor,
      action: "export",
      target: request.kind,
      details: { segment: request.segment?.name ?? null, rows, destination: request.destination, complete },
      at: request.now,
    });
  }
  return { rows };
}
