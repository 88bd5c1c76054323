import type { MapRegionResolution } from "../maps/resolveMapRegion.js";

type Translate = (key: string, vars?: Record<string, unknown>) => string;

/**
 * Why what staff typed names no single region (see resolveMapRegion), as text with the places to
 * write instead, each with its code: for the CLI, and the chat where it shows no buttons.
 */
export function describeRegionSearch(t: Translate, search: Extract<MapRegionResolution, { status: "ambiguous" | "unknown" }>): string {
  const quoted = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);
  if (search.status === "ambiguous") {
    const candidates = search.candidates.map((match) => `• ${match.label} (${match.code})`).join("\n");
    return t("mapping:find.ambiguous", { query: quoted(search.value), candidates });
  }
  const first =
    search.suggestions.length > 0
      ? t("mapping:find.notFoundSuggest", { query: quoted(search.value), suggestions: search.suggestions.map((match) => `${match.label} (${match.code})`).join("; ") })
      : t("mapping:find.notFound", { query: quoted(search.value) });
  return `${first}\n${t("mapping:find.hint")}`;
}
