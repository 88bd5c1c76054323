import type { RegionSearch } from "./findRegion.js";

type Translate = (key: string, vars?: Record<string, unknown>) => string;

/** Why what staff typed names no single region, with the places to write instead (each with its code). */
export function describeRegionSearch(t: Translate, search: Exclude<RegionSearch, { status: "found" }>): string {
  const quoted = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);
  if (search.status === "ambiguous") {
    const candidates = search.candidates.map((match) => `• ${match.label} (${match.code})`).join("\n");
    return t("mapping:find.ambiguous", { query: quoted(search.query), candidates });
  }
  const first =
    search.suggestions.length > 0
      ? t("mapping:find.notFoundSuggest", { query: quoted(search.query), suggestions: search.suggestions.map((match) => `${match.label} (${match.code})`).join("; ") })
      : t("mapping:find.notFound", { query: quoted(search.query) });
  return `${first}\n${t("mapping:find.hint")}`;
}
