import type { CountryCode } from "libphonenumber-js";
import { normalizePhone } from "../contacts/normalizePhone.js";
import { derivedTagPrefixes } from "../contacts/syncContactTags.js";
import type { RegionNames, RegionResolution } from "../regions/resolveRegionNames.js";
import type { ImportColumns } from "./mapImportHeader.js";
import { parseConsentDate } from "./parseConsentDate.js";
import { parseYesNo } from "./parseYesNo.js";
import type { ImportField, ImportRow, RowProblem } from "./types.js";

export interface RowRules {
  defaultCountry: CountryCode;
  /** Languages the bot speaks ("id", "en"). */
  languages: readonly string[];
  timeZone: string;
  now: Date;
  /** Whether an idn-area code exists (province, regency, district or village). */
  regionExists(code: string): boolean;
  /** The place named by a row's region names, level by level (see resolveRegionNames). */
  resolveRegionNames(names: RegionNames): RegionResolution | undefined;
}

export type ParsedRow = { status: "ok"; row: ImportRow } | { status: "invalid"; problem: RowProblem } | { status: "blank" };

const maxNameLength = 80;
const maxTagLength = 100;
const maxSourceLength = 100;
const languageAliases: Record<string, string> = {
  indonesia: "id",
  "bahasa indonesia": "id",
  indonesian: "id",
  bahasa: "id",
  ind: "id",
  in: "id",
  english: "en",
  inggris: "en",
  "bahasa inggris": "en",
  eng: "en",
};

/** One data row checked and normalised, or the first reason it cannot be imported. */
export function parseImportRow(record: string[], line: number, columns: ImportColumns, width: number, rules: RowRules): ParsedRow {
  if (record.every((cell) => cell.trim() === "")) return { status: "blank" };
  if (record.length !== width) return invalid({ code: "field_count", found: record.length, expected: width });
  const cell = (field: ImportField) => {
    const index = columns[field];
    return index === undefined ? "" : unprotect(record[index] ?? "");
  };

  const row: ImportRow = { line, tags: [], declined: false, optedOut: false };
  const phoneText = cell("phone");
  const telegramText = cell("telegramId");
  if (phoneText === "" && telegramText === "") return invalid({ code: "no_key" });
  if (phoneText !== "") {
    const phone = normalizePhone(phoneText, rules.defaultCountry);
    if (phone.status === "invalid") return invalid({ code: "phone", reason: phone.reason, value: phoneText });
    row.phone = phone.e164;
  }
  if (telegramText !== "") {
    if (!/^\d{1,20}$/.test(telegramText)) return invalid({ code: "telegram_id", value: telegramText });
    row.telegramId = telegramText.replace(/^0+(?=\d)/, "");
  }

  const name = cell("name").replace(/\s+/g, " ");
  if (name.length > maxNameLength) return invalid({ code: "too_long", field: "name", max: maxNameLength });
  if (name !== "") row.name = name;

  const regionText = cell("regionCode");
  if (regionText !== "") {
    const code = normalizeRegionCode(regionText);
    if (!code || !rules.regionExists(code)) return invalid({ code: "region", value: regionText });
    row.regionCode = code;
  } else {
    const place = rules.resolveRegionNames({ province: cell("province"), regency: cell("regency"), district: cell("district"), village: cell("village") });
    if (place?.status === "found") row.regionCode = place.region.code;
    else if (place?.status === "unknown") return invalid({ code: "region_unknown", level: place.level, value: place.value, suggestions: place.suggestions });
    else if (place?.status === "ambiguous") return invalid({ code: "region_ambiguous", level: place.level, value: place.value, candidates: place.candidates });
    else if (place?.status === "incomplete") return invalid({ code: "region_incomplete", level: place.level, missing: place.missing });
  }

  const languageText = cell("language").toLowerCase();
  if (languageText !== "") {
    // "id-ID" and "en_US" are what phones and spreadsheets write for the same languages.
    const language = languageAliases[languageText] ?? (/^[a-z]{2}(?:[-_][a-z]{2})?$/.test(languageText) ? languageText.slice(0, 2) : undefined);
    if (!language || !rules.languages.includes(language)) return invalid({ code: "language", value: languageText });
    row.language = language;
  }

  for (const tag of cell("tags").split(/[;|]/)) {
    const clean = tag.trim().replace(/\s+/g, " ");
    if (clean === "") continue;
    if (clean.length > maxTagLength) return invalid({ code: "too_long", field: "tags", max: maxTagLength });
    // Relawan derives these from the contact itself; a file cannot make someone a volunteer.
    if (derivedTagPrefixes.some((prefix) => clean.startsWith(prefix))) continue;
    if (!row.tags.includes(clean)) row.tags.push(clean);
  }

  const optedOutText = cell("optedOut");
  const optedOut = parseYesNo(optedOutText);
  if (optedOut === undefined) return invalid({ code: "yes_no", field: "optedOut", value: optedOutText });
  row.optedOut = optedOut;

  const consentText = cell("consent");
  const consent = parseYesNo(consentText);
  if (consent === undefined) return invalid({ code: "yes_no", field: "consent", value: consentText });
  row.declined = consentText !== "" && !consent;
  if (consent) {
    const source = cell("consentSource").replace(/\s+/g, " ") || "import";
    if (source.length > maxSourceLength) return invalid({ code: "too_long", field: "consentSource", max: maxSourceLength });
    const dateText = cell("consentDate");
    let at = rules.now;
    if (dateText !== "") {
      const parsed = parseConsentDate(dateText, rules.timeZone);
      if (!parsed) return invalid({ code: "consent_date", value: dateText });
      if (parsed.getTime() > rules.now.getTime()) return invalid({ code: "future_consent_date", value: dateText });
      at = parsed;
    }
    row.consent = { source, at, dated: dateText !== "" };
  }
  return { status: "ok", row };
}

function invalid(problem: RowProblem): ParsedRow {
  return { status: "invalid", problem };
}

/**
 * Trims, and undoes the apostrophe `relawan export` puts before a cell that a spreadsheet would
 * run as a formula ("'+62812…"), so an exported file imports back as it was.
 */
function unprotect(text: string): string {
  const trimmed = text.trim();
  return trimmed.startsWith("'") && /^'[=+\-@\t\r]/.test(trimmed) ? trimmed.slice(1) : trimmed;
}

/** "32.73.01", "327301" (dots dropped by a spreadsheet), or a village's "32.73.01.1001". */
function normalizeRegionCode(text: string): string | undefined {
  const digits = text.replace(/\./g, "");
  if (!/^\d+$/.test(digits) || ![2, 4, 6, 10].includes(digits.length)) return undefined;
  return [digits.slice(0, 2), digits.slice(2, 4), digits.slice(4, 6), digits.slice(6)].filter(Boolean).join(".");
}
