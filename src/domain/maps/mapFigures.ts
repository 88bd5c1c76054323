// The figures a map can be coloured by, how each reads, and the words staff type for them
// (`/peta cakupan`, `relawan map --figure coverage`).
import type { FigureKind } from "./types.js";

export const mapFigures = ["coverage", "volunteers", "active", "supporters", "per-tps", "contacts", "subscribers", "reports", "support"] as const;
export type MapFigure = (typeof mapFigures)[number];

export const figureKinds: Record<MapFigure, FigureKind> = {
  coverage: "share",
  volunteers: "count",
  active: "count",
  supporters: "share",
  "per-tps": "ratio",
  contacts: "count",
  subscribers: "count",
  reports: "count",
  support: "share",
};

/** The Indonesian word first: it is the one the chat shows. */
const words: Record<MapFigure, string[]> = {
  coverage: ["cakupan", "coverage", "persen"],
  volunteers: ["relawan", "volunteers", "volunteer"],
  active: ["aktif", "relawanaktif", "active", "activevolunteers"],
  supporters: ["pendukung", "supporters", "supporter"],
  "per-tps": ["pertps", "tps", "relawanpertps", "per-tps"],
  contacts: ["kontak", "contacts", "contact"],
  subscribers: ["pelanggan", "langganan", "subscribers", "subscriber"],
  reports: ["laporan", "reports", "blusukan", "canvass"],
  support: ["dukungan", "support", "supportshare"],
};

/** The figure a word names, in either language ("cakupan", "coverage", "per-tps"); undefined for none. */
export function parseMapFigure(word: string): MapFigure | undefined {
  const key = word.trim().toLowerCase().replace(/[\s_]+/g, "");
  return mapFigures.find((figure) => figure === key || words[figure].includes(key) || words[figure].includes(key.replace(/-/g, "")));
}

/** The word for a figure in a language: what the chat and the CLI list as valid. */
export function mapFigureWord(figure: MapFigure, language: string): string {
  return language === "id" ? words[figure][0]! : figure;
}
