import { findBlackoutEnd } from "./findBlackoutEnd.js";
import type { BlackoutRange } from "./parseBlackout.js";

/** True while an election quiet period is on: only operational messages to volunteers may go. */
export function isInBlackout(ranges: readonly BlackoutRange[], at: Date): boolean {
  return findBlackoutEnd(ranges, at) !== undefined;
}
