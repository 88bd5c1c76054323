// What the broadcast pages say about when a broadcast may go out: quiet hours (QUIET_HOURS) and the
// election quiet period (CAMPAIGN_BLACKOUT, masa tenang), with the campaign's own settings.
import { isInQuietPeriod } from "../domain/broadcasts/isInQuietPeriod.js";
import { formatLocalTime } from "../domain/time/formatLocalTime.js";
import type { PageContext } from "./dashboardTypes.js";
import { dashboardQuietHours } from "./dashboardQuietHours.js";

export interface SendingRules {
  quietHours: string;
  blackout: string;
  ranges: string[];
  /** Set while the quiet period is on. */
  blackoutNow?: string;
}

export function describeSendingRules(context: PageContext): SendingRules {
  const { deps, t, language } = context;
  const window = dashboardQuietHours(deps);
  const quietHours = window ? t("dashboard:compose.rules.quietHours", { ...window }) : t("dashboard:compose.rules.quietHoursOff");
  const ranges = (deps.blackout ?? []).map((range) => t("dashboard:compose.rules.range", { start: formatLocalTime(range.start, language, deps.timeZone), end: formatLocalTime(range.end, language, deps.timeZone) }));
  const now = deps.clock();
  const current = (deps.blackout ?? []).find((range) => isInQuietPeriod([range], [now]));
  return {
    quietHours,
    blackout: ranges.length === 0 ? t("dashboard:compose.rules.blackoutNone") : t("dashboard:compose.rules.blackout"),
    ranges,
    blackoutNow: current ? t("dashboard:compose.rules.blackoutNow", { end: formatLocalTime(current.end, language, deps.timeZone) }) : undefined,
  };
}
