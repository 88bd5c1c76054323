import type { FileProblem } from "../imports/types.js";
import type { RegionLevel } from "../regions/types.js";
import type { TargetFigure } from "./targetTypes.js";

export type TargetColumn = "code" | RegionLevel | TargetFigure;
export type TargetColumns = Partial<Record<TargetColumn, number>>;

// The names campaign spreadsheets use (KPU's recaps say DPT and TPS), Indonesian and English.
const aliases: Record<TargetColumn, string[]> = {
  code: ["kode_wilayah", "kode", "region_code", "code", "kode_daerah", "kode_kemendagri"],
  province: ["provinsi", "province", "prov"],
  regency: ["kabupaten_kota", "kabupaten", "kota", "kab_kota", "kabkota", "kabupaten/kota", "regency", "city"],
  district: ["kecamatan", "kec", "district", "distrik"],
  village: ["desa_kelurahan", "desa", "kelurahan", "kel_desa", "desa/kelurahan", "village"],
  registeredVoters: ["dpt", "jumlah_dpt", "pemilih", "jumlah_pemilih", "registered_voters", "voters"],
  pollingStations: ["tps", "jumlah_tps", "polling_stations"],
  targetVolunteers: ["target_relawan", "target_volunteers", "relawan_target"],
  targetSupporters: ["target_pendukung", "target_suara", "target_supporters", "supporters_target"],
};

const columnByAlias = new Map<string, TargetColumn>(
  Object.entries(aliases).flatMap(([column, names]) => names.map((name) => [simplifyHeader(name), column as TargetColumn] as const)),
);

export type TargetHeaderMapping = { status: "ok"; columns: TargetColumns; ignored: string[] } | { status: "refused"; problem: FileProblem };

/**
 * Reads the header row of a targets file. A file must say where (a code column or name columns)
 * and at least one figure; otherwise nothing could be written and it is refused whole.
 */
export function mapTargetHeader(header: readonly string[]): TargetHeaderMapping {
  const columns: TargetColumns = {};
  const ignored: string[] = [];
  for (const [index, raw] of header.entries()) {
    const column = columnByAlias.get(simplifyHeader(raw));
    if (!column) {
      if (raw.trim() !== "") ignored.push(raw.trim());
      continue;
    }
    if (columns[column] !== undefined) return { status: "refused", problem: { code: "duplicate_column", column: raw.trim() } };
    columns[column] = index;
  }
  const named = (["code", "province", "regency", "district", "village"] as const).some((column) => columns[column] !== undefined);
  const figures = (["registeredVoters", "pollingStations", "targetVolunteers", "targetSupporters"] as const).some((column) => columns[column] !== undefined);
  if (!named || !figures) {
    return { status: "refused", problem: { code: "no_target_columns", columns: header.map((h) => h.trim()).filter(Boolean).slice(0, 12) } };
  }
  return { status: "ok", columns, ignored };
}

function simplifyHeader(text: string): string {
  return text
    .trim()
    .toLowerCase()
    .replace(/[\s.\-/]+/g, "_")
    .replace(/^_+|_+$/g, "");
}
