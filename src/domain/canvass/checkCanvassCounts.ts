import { canvassParts, type CanvassCounts, type CanvassCountsProblem } from "./canvassTypes.js";

/**
 * The rule for every report, whoever writes it (the chat checks each answer as it comes, this checks
 * the whole before anything is stored): whole non-negative numbers, at least one household and at
 * most the ceiling, no part above the households visited, and the parts together not above them.
 */
export function checkCanvassCounts(counts: CanvassCounts, maxHouseholds: number): CanvassCountsProblem | undefined {
  for (const field of ["households", ...canvassParts] as const) {
    const value = counts[field];
    if (!Number.isSafeInteger(value) || value < 0) return { problem: "not_whole", field };
  }
  if (counts.households < 1) return { problem: "no_households" };
  if (counts.households > maxHouseholds) return { problem: "too_many_households", max: maxHouseholds };
  for (const part of canvassParts) if (counts[part] > counts.households) return { problem: "part_above_households", part };
  const total = canvassParts.reduce((sum, part) => sum + counts[part], 0);
  if (total > counts.households) return { problem: "parts_above_households", total };
  return undefined;
}
