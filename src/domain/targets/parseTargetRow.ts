import { isRegionCode } from "../regions/isRegionCode.js";
import { resolveRegionNames, type RegionNames } from "../regions/resolveRegionNames.js";
import type { RegionDirectory } from "../regions/types.js";
import type { TargetColumns } from "./mapTargetHeader.js";
import { targetFigures, type TargetRow, type TargetRowProblem } from "./targetTypes.js";

export type ParsedTargetRow = { status: "ok"; row: TargetRow } | { status: "invalid"; problem: TargetRowProblem } | { status: "blank" };

// Indonesia has about 205 million registered voters; no region's figure can be above this.
export const maxTargetFigure = 300_000_000;

/** One row of a targets file, checked: where it is (code, or names resolved level by level) and its figures. */
export function parseTargetRow(cells: readonly string[], line: number, columns: TargetColumns, regions: RegionDirectory): ParsedTargetRow {
  if (cells.every((cell) => cell.trim() === "")) return { status: "blank" };
  const cell = (column: keyof TargetColumns) => {
    const index = columns[column];
    return index === undefined ? "" : (cells[index] ?? "").trim();
  };

  let regionCode: string;
  const codeText = cell("code");
  if (codeText !== "") {
    const code = normalizeRegionCode(codeText);
    if (code === undefined || regions.get(code) === undefined) return invalid({ code: "region_code", value: codeText });
    regionCode = code;
  } else {
    const names: RegionNames = { province: cell("province"), regency: cell("regency"), district: cell("district"), village: cell("village") };
    const resolved = resolveRegionNames(regions, names);
    if (resolved === undefined) return invalid({ code: "no_region" });
    if (resolved.status === "unknown") return invalid({ code: "region_unknown", level: resolved.level, value: resolved.value, suggestions: resolved.suggestions });
    if (resolved.status === "ambiguous") return invalid({ code: "region_ambiguous", level: resolved.level, value: resolved.value, candidates: resolved.candidates });
    if (resolved.status === "incomplete") return invalid({ code: "region_incomplete", level: resolved.level, missing: resolved.missing });
    regionCode = resolved.region.code;
  }

  const figures: TargetRow["figures"] = {};
  for (const field of targetFigures) {
    if (columns[field] === undefined) continue;
    const text = cell(field);
    const value = parseWholeNumber(text);
    if (value === undefined) return invalid({ code: "number", field, value: text });
    if (value !== null && value > maxTargetFigure) return invalid({ code: "too_large", field, max: maxTargetFigure });
    figures[field] = value;
  }
  const voters = figures.registeredVoters;
  for (const field of ["targetSupporters", "pollingStations"] as const) {
    const value = figures[field];
    if (typeof voters === "number" && typeof value === "number" && value > voters) return invalid({ code: "above_voters", field });
  }
  return { status: "ok", row: { line, regionCode, figures } };
}

function invalid(problem: TargetRowProblem): ParsedTargetRow {
  return { status: "invalid", problem };
}

/**
 * "32.73.01", "327301" (dots dropped by a spreadsheet), "32.7" (Excel stored 32.70 as a number
 * and dropped the zero). undefined when it cannot be a code.
 */
export function normalizeRegionCode(text: string): string | undefined {
  const trimmed = text.trim();
  if (/^\d{2}\.\d$/.test(trimmed)) return `${trimmed}0`;
  if (isRegionCode(trimmed)) return trimmed;
  if (!/^\d+$/.test(trimmed) || ![2, 4, 6, 10].includes(trimmed.length)) return undefined;
  const parts = [trimmed.slice(0, 2), trimmed.slice(2, 4), trimmed.slice(4, 6), trimmed.slice(6)].filter(Boolean);
  return parts.join(".");
}

/**
 * A count as people type it: "1234567", "1.234.567" (Indonesian), "1,234,567" or "1 234 567".
 * null for an empty cell or a dash; undefined for anything else ("12,5", "-3", "banyak").
 */
export function parseWholeNumber(text: string): number | null | undefined {
  const trimmed = text.trim();
  // A dash is how spreadsheets write "nothing here".
  if (trimmed === "" || trimmed === "-") return null;
  const grouped = /^\d{1,3}(?:([.,\s\u00a0])\d{3})(?:\1\d{3})*$/.exec(trimmed);
  const digits = grouped ? trimmed.replace(/[.,\s\u00a0]/g, "") : /^\d+$/.test(trimmed) ? trimmed : undefined;
  if (digits === undefined || digits.length > 12) return undefined;
  return Number(digits);
}
