import type { Translate } from "../imports/types.js";
import { planZoneArrivals, type ArrivalRules, type ZoneArrival } from "../schedule/planZoneArrivals.js";
import { formatLocalTime } from "../time/formatLocalTime.js";

/**
 * One sentence per time zone for a broadcast starting at `at`, from planZoneArrivals: "WITA: 5 Dec 2026,
 * 21:30 WITA is inside quiet hours (21:00–07:00): they get it from 6 Dec 2026, 07:00 WITA." The
 * chat's wizard, `relawan broadcast create --dry-run` and the dashboard all say it this way.
 */
export function describeZoneArrivals(t: Translate, language: string, at: Date, rules: ArrivalRules): string[] {
  const { quietHours } = rules;
  return planZoneArrivals(at, rules).map((arrival) => {
    const vars = {
      zone: arrival.withoutRegion ? t("broadcast.arrival.withoutRegion", { zone: arrival.zone }) : arrival.zone,
      local: formatLocalTime(arrival.at, language, arrival.timeZone),
      until: formatLocalTime(arrival.arrivesAt, language, arrival.timeZone),
      start: quietHours?.start,
      end: quietHours?.end,
    };
    return t(`broadcast.arrival.${sentenceOf(arrival)}`, vars);
  });
}

function sentenceOf(arrival: ZoneArrival): string {
  if (arrival.blackout && !arrival.blackoutExempt) return "blackout";
  if (arrival.blackout) return arrival.quietHours ? "exemptQuiet" : "exempt";
  if (arrival.quietHours) return arrival.holds.includes("blackout") ? "quietThenBlackout" : "quiet";
  return "open";
}
