// The words beside a map, in the reader's language: the region's own figure, the three strongest
// and three weakest regions inside it, and how many have no data. The chat and the CLI say the same.
import { mapFigureWord, type MapFigure } from "../../domain/maps/mapFigures.js";
import { rankRegionValues } from "../../domain/maps/rankRegionValues.js";
import type { RegionMapData } from "../../domain/maps/readRegionMap.js";
import type { FigureKind, RegionValue } from "../../domain/maps/types.js";
import type { Translate } from "../createTranslator.js";

/** "Cakupan target relawan per provinsi": the map's title, also its caption. */
export function formatMapTitle(map: RegionMapData, t: Translate): string {
  const figure = formatFigureLabel(map.figure, map.activeDays, t);
  return map.region.code === null
    ? t("mapping:map.titleProvinces", { figure })
    : t("mapping:map.titleChildren", { figure, level: t(`mapping:levelPlural.${map.childLevel}`), region: map.region.name });
}

export function formatFigureLabel(figure: MapFigure, activeDays: number, t: Translate): string {
  return t(`mapping:mapFigure.${figure}`, { days: activeDays });
}

export function formatMapSummary(map: RegionMapData, t: Translate, language: string): string {
  const ranked = rankRegionValues(map.children);
  const value = (child: RegionValue) => formatFigureValue(child.value, map.kind, language) ?? t("mapping:peta.summary.noValue");
  const list = (children: RegionValue[]) => children.map((child) => t("mapping:peta.summary.item", { name: child.name, value: value(child) })).join(" · ");
  const lines: string[] = [];
  if (map.village) lines.push(t("mapping:peta.summary.village", { village: map.village.name, district: map.region.name }));
  if (ranked.ranked.length === 0) {
    lines.push(t("mapping:peta.summary.empty", { region: map.region.name }));
    return lines.join("\n");
  }
  lines.push(t("mapping:peta.summary.total", { region: map.region.name, value: value(map.total) }));
  if (ranked.strongest.length > 0) lines.push(t("mapping:peta.summary.strongest", { list: list(ranked.strongest) }));
  if (ranked.weakest.length > 0) lines.push(t("mapping:peta.summary.weakest", { list: list(ranked.weakest) }));
  if (ranked.noData.length > 0) {
    lines.push(t("mapping:peta.summary.noData", { count: ranked.noData.length, total: map.children.length, level: t(`mapping:levelPlural.${map.childLevel}`) }));
  }
  return lines.join("\n");
}

/** "42%", "1.250", "0,35" (Indonesian) or "42%", "1,250", "0.35"; undefined for no data. */
export function formatFigureValue(value: number | null, kind: FigureKind, language: string): string | undefined {
  if (value === null) return undefined;
  const locale = language === "id" ? "id-ID" : "en-GB";
  if (kind === "share") return new Intl.NumberFormat(locale, { style: "percent", maximumFractionDigits: 0 }).format(value);
  if (kind === "ratio") return new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(value);
  return new Intl.NumberFormat(locale).format(value);
}

/** The figure words a reader can type, in their language: "cakupan, relawan, aktif, …". */
export function listFigureWords(figures: readonly MapFigure[], language: string): string {
  return figures.map((figure) => mapFigureWord(figure, language)).join(", ");
}
