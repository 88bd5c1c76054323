import type { FileProblem, ImportField } from "./types.js";

/** Which column holds which field, by position. */
export type ImportColumns = Partial<Record<ImportField, number>>;

// Indonesian and English names staff use in their spreadsheets, plus the names `relawan export` writes.
const aliases: Record<ImportField, string[]> = {
  name: ["name", "nama", "nama_lengkap", "full_name"],
  phone: ["phone", "telepon", "telp", "tlp", "hp", "no_hp", "nomor_hp", "nomor_telepon", "no_telepon", "phone_number", "wa", "no_wa", "mobile"],
  telegramId: ["telegram_id", "telegram", "id_telegram", "telegram_user_id"],
  regionCode: ["region_code", "kode_wilayah", "kode_daerah"],
  province: ["provinsi", "province"],
  regency: ["kabupaten_kota", "kabupaten", "kota", "kab_kota", "regency", "city"],
  district: ["kecamatan", "district"],
  village: ["desa_kelurahan", "desa", "kelurahan", "village"],
  language: ["language", "bahasa", "lang"],
  tags: ["tags", "tag", "label"],
  consent: ["consent", "persetujuan", "setuju", "updates_consent", "izin"],
  consentSource: ["consent_source", "sumber_persetujuan"],
  consentDate: ["consent_date", "tanggal_persetujuan", "tgl_persetujuan"],
  optedOut: ["opted_out", "berhenti", "stop", "unsubscribed"],
};

const fieldByAlias = new Map<string, ImportField>(
  Object.entries(aliases).flatMap(([field, names]) => names.map((name) => [name, field as ImportField] as const)),
);

export type HeaderMapping = { status: "ok"; columns: ImportColumns; ignored: string[] } | { status: "refused"; problem: FileProblem };

/**
 * Reads the header row. Names are matched without regard to case, spaces, dots or hyphens
 * ("Kode Wilayah", "telegram-id", "No. HP"). A file without a phone or a Telegram id column
 * cannot match or reach anyone, so it is refused before any row is read.
 */
export function mapImportHeader(header: string[]): HeaderMapping {
  const columns: ImportColumns = {};
  const ignored: string[] = [];
  for (const [index, raw] of header.entries()) {
    const field = fieldByAlias.get(simplifyHeader(raw));
    if (!field) {
      if (raw.trim() !== "") ignored.push(raw.trim());
      continue;
    }
    // "Telepon" and "HP" both present: which one is meant cannot be guessed.
    if (columns[field] !== undefined) return { status: "refused", problem: { code: "duplicate_column", column: raw.trim() } };
    columns[field] = index;
  }
  if (columns.phone === undefined && columns.telegramId === undefined) {
    return { status: "refused", problem: { code: "no_key_column", columns: header.map((h) => h.trim()).filter(Boolean).slice(0, 12) } };
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
