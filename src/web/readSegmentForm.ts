// The segment form's fields (a POST body, or the query of the form's own GET for the live count).
import type { SegmentFilterFields } from "../domain/segments/buildSegmentDefinition.js";
import { readFormField } from "./readFormField.js";

export interface SegmentForm {
  name: string;
  fields: SegmentFilterFields;
  /** What the form shows again: every field as typed. */
  values: Record<string, string | string[]>;
}

/** Form name -> the domain's field: the names staff see in the address bar stay Indonesian, as /orang's. */
export const segmentFormNames = {
  tagsAll: "tag_semua",
  tagsAny: "tag_salah_satu",
  tagsNone: "tag_tanpa",
  region: "wilayah",
  regions: "daftar_wilayah",
  role: "peran",
  language: "bahasa",
  channel: "aplikasi",
  consent: "persetujuan",
  activeFrom: "aktif_sejak",
  inactiveFrom: "tidak_aktif_sejak",
  referredBy: "diajak_oleh",
  // The form asks for dates; the chat's and the CLI's numbers of days (activeWithinDays, inactiveForDays) are not its fields.
} as const satisfies Record<Exclude<keyof SegmentFilterFields, "interests" | "activeWithinDays" | "inactiveForDays">, string>;

const MAX_FIELD = 20_000;

export function readSegmentForm(input: unknown): SegmentForm {
  const form = (input && typeof input === "object" ? input : {}) as Record<string, unknown>;
  const one = (name: string) => readFormField(form, name, MAX_FIELD);
  const many = (name: string) => (Array.isArray(form[name]) ? (form[name] as unknown[]) : [form[name]]).filter((v): v is string => typeof v === "string").map((v) => v.slice(0, 40)).slice(0, 100);
  const fields: SegmentFilterFields = { interests: many("minat") };
  const values: Record<string, string | string[]> = { nama: one("nama").slice(0, 200), minat: fields.interests as string[] };
  for (const [key, name] of Object.entries(segmentFormNames) as [keyof typeof segmentFormNames, string][]) {
    fields[key] = one(name);
    values[name] = one(name);
  }
  return { name: one("nama").slice(0, 200), fields, values };
}
