// The shapes shared by the contact import: what a row may say, why a row or a file is refused,
// and the report staff read at the end.
import type { PhoneInvalidReason } from "../contacts/normalizePhone.js";
import type { RegionNameProblem } from "../regions/describeRegionProblem.js";

/** The columns Relawan reads; every other column is ignored (and named in the report). */
export type ImportField =
  | "name"
  | "phone"
  | "telegramId"
  | "regionCode"
  /** Region names, resolved level by level when there is no region code. */
  | "province"
  | "regency"
  | "district"
  | "village"
  | "language"
  | "tags"
  | "consent"
  | "consentSource"
  | "consentDate"
  | "optedOut";

/** Why one row was not imported. */
export type RowProblem =
  | { code: "field_count"; found: number; expected: number }
  | { code: "csv"; detail: string }
  /** A quote opened and never closed: the parser cannot tell where later rows begin. */
  | { code: "unclosed_quote" }
  | { code: "no_key" }
  | { code: "phone"; reason: PhoneInvalidReason; value: string }
  | { code: "telegram_id"; value: string }
  | { code: "region"; value: string }
  | RegionNameProblem
  | { code: "language"; value: string }
  | { code: "yes_no"; field: "consent" | "optedOut"; value: string }
  | { code: "consent_date"; value: string }
  | { code: "future_consent_date"; value: string }
  | { code: "too_long"; field: "name" | "tags" | "consentSource"; max: number }
  /** The phone belongs to one contact and the Telegram id to another. */
  | { code: "conflict" };

/** Why a whole file was refused before anything was written. */
export type FileProblem =
  | { code: "not_found" }
  | { code: "empty" }
  | { code: "header_only" }
  | { code: "utf16" }
  | { code: "binary" }
  | { code: "xlsx" }
  /** An Excel file from before 2007 (.xls), which only Excel itself reads well. */
  | { code: "xls" }
  /** An .xlsx that is damaged or not really a workbook. */
  | { code: "xlsx_unreadable" }
  /** An .xlsx that unpacks to more than Relawan reads (a zip bomb, or a sheet beyond Excel's own size). */
  | { code: "xlsx_too_large"; limit: "bytes" | "rows"; max: number }
  /** A PDF, perhaps renamed to .csv or .xlsx. */
  | { code: "pdf" }
  | { code: "invalid_utf8"; line: number }
  | { code: "no_key_column"; columns: string[] }
  /** A targets file without a region column (code or names) or without any figure column. */
  | { code: "no_target_columns"; columns: string[] }
  | { code: "duplicate_column"; column: string }
  | { code: "too_large"; maxBytes: number }
  /** The errors file cannot be written there (a missing or read-only folder). */
  | { code: "errors_not_writable"; path: string };

/** One valid row, normalised. */
export interface ImportRow {
  line: number;
  name?: string;
  /** E.164 */
  phone?: string;
  telegramId?: string;
  regionCode?: string;
  language?: string;
  tags: string[];
  /** `dated`: the file gave the date; otherwise `at` is the time of the import. */
  consent?: { source: string; at: Date; dated: boolean };
  /** The consent cell says no (rather than nothing): a new contact starts with a recorded "no". */
  declined: boolean;
  optedOut: boolean;
}

export interface InvalidRow {
  line: number;
  problem: RowProblem;
}

export interface ImportReport {
  file: string;
  /** Data rows read (blank rows excluded). */
  rowsRead: number;
  created: number;
  /** Rows merged into a contact that existed before, or into an earlier row of the same file. */
  merged: number;
  invalid: number;
  /** The first invalid rows, in file order; all of them are in the errors file. */
  invalidRows: InvalidRow[];
  errorsPath?: string;
  consentRecorded: number;
  /** Rows that said yes to updates for someone who had said STOP: STOP stays. */
  consentNotApplied: number;
  /** Rows that marked someone as having said STOP. */
  optedOut: number;
  /** Blank rows. */
  skipped: number;
  ignoredColumns: string[];
  /** The file has no consent column: nobody in it will receive broadcasts. */
  noConsentColumn: boolean;
  seconds: number;
}

/** How the import words a problem in the errors file (the caller's language). */
export type DescribeRowProblem = (problem: RowProblem) => string;

/** A translate function bound to one language (createTranslator's forLanguage). */
export type Translate = (key: string, vars?: Record<string, unknown>) => string;
