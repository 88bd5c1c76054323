// The People page's address: ?cari=&wilayah=&peran=&tag=&persetujuan=&aktivitas=&setelah= (Indonesian, as the
// audit page's), read into the domain's people filter. The export pages take the same address.
import { parsePeopleFilter, type PeopleFilter, type PeopleFilterSettings } from "../domain/people/parsePeopleFilter.js";
import type { DashboardDeps } from "./dashboardTypes.js";

const fieldOf = { cari: "search", wilayah: "region", peran: "role", tag: "tag", persetujuan: "consent", aktivitas: "activity" } as const;
type Param = keyof typeof fieldOf;
export type PeopleChoice = Record<Param, string>;

export type PeopleQuery = { status: "ok"; filter: PeopleFilter; chosen: PeopleChoice; after: string } | { status: "bad_filter" };

export function readPeopleQuery(query: unknown): PeopleQuery {
  const given = (query ?? {}) as Record<string, unknown>;
  const chosen: PeopleChoice = { cari: "", wilayah: "", peran: "", tag: "", persetujuan: "", aktivitas: "" };
  const fields: Record<string, string> = {};
  for (const [name, value] of Object.entries(given)) {
    // A repeated parameter arrives as a list: no form makes one.
    if (typeof value !== "string") return { status: "bad_filter" };
    if (name === "setelah") continue;
    if (!(name in fieldOf)) return { status: "bad_filter" };
    chosen[name as Param] = value.trim();
    fields[fieldOf[name as Param]] = value;
  }
  const parsed = parsePeopleFilter(fields);
  if (parsed.status !== "ok") return { status: "bad_filter" };
  return { status: "ok", filter: parsed.filter, chosen, after: typeof given.setelah === "string" ? given.setelah : "" };
}

/** The address of the same filter on another page (the next page, an export). */
export function peopleQueryString(chosen: PeopleChoice, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries({ ...chosen, ...extra })) if (value !== "") params.set(name, value);
  const text = params.toString();
  return text === "" ? "" : `?${text}`;
}

/** The campaign's settings a people filter is read with (the list and its export alike), now. */
export function peopleFilterSettings(deps: DashboardDeps): PeopleFilterSettings {
  return { defaultCountry: deps.defaultCountry ?? "ID", activeDays: deps.activeVolunteerDays, now: deps.clock() };
}
