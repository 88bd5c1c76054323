import type { RegionCoverageRow } from "./coverageTypes.js";
import { createFigureFormat, describeChild } from "./formatRegionCoverage.js";
import type { RegionLevel } from "./types.js";

type Translate = (key: string, vars?: Record<string, unknown>) => string;

export interface WeakRegionsText {
  weak: RegionCoverageRow[];
  judged: number;
  withoutTarget: number;
  level: RegionLevel;
  /** The region looked in ("Indonesia" for the country). */
  scopeName: string;
  thresholdPercent: number;
}

/** The weak regions as chat or terminal text, weakest first; `maxRows` keeps a chat message short. */
export function formatWeakRegions(t: Translate, language: string, result: WeakRegionsText, options: { maxRows?: number } = {}): string {
  const f = createFigureFormat(language);
  const level = t(`mapping:levelPlural.${result.level}`);
  const threshold = f.percent(result.thresholdPercent / 100);
  const vars = { level, region: result.scopeName, threshold };
  if (result.judged === 0) return t("mapping:weak.noTargets", vars);
  const counts = t("mapping:weak.judged", { ...vars, weak: result.weak.length, judged: result.judged, withoutTarget: result.withoutTarget });
  if (result.weak.length === 0) return `${t("mapping:weak.none", vars)}\n${counts}`;
  const shown = result.weak.slice(0, options.maxRows ?? result.weak.length);
  const lines = [capitalise(t("mapping:weak.title", vars)), ...shown.map((row) => `• ${describeChild(t, f, row)}`)];
  if (shown.length < result.weak.length) lines.push(t("mapping:weak.more", { count: result.weak.length - shown.length }));
  lines.push(counts);
  return lines.join("\n");
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
