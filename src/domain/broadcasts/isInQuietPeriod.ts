import { isInBlackout } from "../blackout/isInBlackout.js";
import type { BlackoutRange } from "../blackout/parseBlackout.js";

export type BlackoutRanges = readonly BlackoutRange[];

/**
 * Election quiet period (masa tenang): a campaign broadcast may neither be started nor go out
 * inside it. `times` are now and the send time; any one inside a range is enough to refuse.
 */
export function isInQuietPeriod(blackout: BlackoutRanges | undefined, times: Date[]): boolean {
  if (!blackout || blackout.length === 0) return false;
  return times.some((at) => isInBlackout(blackout, at));
}
