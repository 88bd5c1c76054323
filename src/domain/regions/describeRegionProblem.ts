import type { RegionLevel } from "./types.js";

/** Why names in a row did not lead to one place (see resolveRegionNames); shared by every import. */
export type RegionNameProblem =
  | { code: "region_unknown"; level: RegionLevel; value: string; suggestions: string[] }
  | { code: "region_ambiguous"; level: RegionLevel; value: string; candidates: string[] }
  | { code: "region_incomplete"; level: RegionLevel; missing: RegionLevel };

type Translate = (key: string, vars?: Record<string, unknown>) => string;

const ns = "mapping:regionProblem.";

/** The problem in the reader's language, with the names to write instead. */
export function describeRegionProblem(t: Translate, problem: RegionNameProblem): string {
  const level = (value: RegionLevel) => t(`mapping:level.${value}`);
  const value = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);
  switch (problem.code) {
    case "region_unknown":
      return problem.suggestions.length > 0
        ? t(`${ns}unknown_suggest`, { level: level(problem.level), value: value(problem.value), suggestions: problem.suggestions.join("; ") })
        : t(`${ns}unknown`, { level: level(problem.level), value: value(problem.value) });
    case "region_ambiguous":
      return t(`${ns}ambiguous`, { level: level(problem.level), value: value(problem.value), candidates: problem.candidates.join("; ") });
    case "region_incomplete":
      return t(`${ns}incomplete`, { level: level(problem.level), missing: level(problem.missing) });
  }
}
