import { findBlackoutEnd } from "../blackout/findBlackoutEnd.js";
import type { BlackoutRange } from "../blackout/parseBlackout.js";
import { indonesianZoneName, indonesianZoneNames } from "../time/indonesianZones.js";
import { quietHoursEnd, type QuietHours } from "./quietHoursEnd.js";

export interface ArrivalRules {
  /** null: no quiet hours (QUIET_HOURS=off). */
  quietHours: QuietHours | null;
  blackout: readonly BlackoutRange[];
  /** TIMEZONE: where a contact without an (Indonesian) region is taken to live, as the dispatcher takes it. */
  defaultTimeZone: string;
  /** Operational volunteer messages go out during an election quiet period. */
  blackoutExempt: boolean;
}

export interface ZoneArrival {
  /** "WIB", "WITA", "WIT", or the IANA name of TIMEZONE when it is none of them. */
  zone: string;
  timeZone: string;
  /** Contacts with no region count as this zone's (TIMEZONE's). */
  withoutRegion: boolean;
  /** The moment asked about. */
  at: Date;
  /** `at` falls inside this zone's quiet hours. */
  quietHours: boolean;
  /** `at` falls inside the election quiet period (CAMPAIGN_BLACKOUT). */
  blackout: boolean;
  /** The message goes out in the election quiet period all the same (an operational one). */
  blackoutExempt: boolean;
  /** When the dispatcher lets the first of these recipients' messages go: `at`, or the end of what holds them. */
  arrivesAt: Date;
  /** What holds them until `arrivesAt`, in order (a night may end inside the election quiet period); empty: nothing. */
  holds: Array<"quiet_hours" | "blackout">;
}

/**
 * For a broadcast starting at `at`: per time zone of its recipients, whether that moment is in
 * their quiet hours or in the election quiet period, and when their messages may go out, by the
 * rules decideDelivery holds deliveries by (blackout first, then quiet hours, until neither holds).
 */
export function planZoneArrivals(at: Date, rules: ArrivalRules): ZoneArrival[] {
  const zones = Object.entries(indonesianZoneNames).map(([zone, timeZone]) => ({ zone, timeZone }));
  const defaultName = indonesianZoneName(rules.defaultTimeZone);
  if (!defaultName) zones.push({ zone: rules.defaultTimeZone, timeZone: rules.defaultTimeZone });
  return zones.map(({ zone, timeZone }) => {
    let arrivesAt = at;
    const holds: ZoneArrival["holds"] = [];
    const hold = (until: Date, why: "quiet_hours" | "blackout") => {
      arrivesAt = until;
      if (!holds.includes(why)) holds.push(why);
    };
    // Each hold ends later than it began, and quiet hours leave a daily window open, so a few rounds settle it.
    for (let round = 0; round < 16; round++) {
      const blackoutEnd = rules.blackoutExempt ? undefined : findBlackoutEnd(rules.blackout, arrivesAt);
      if (blackoutEnd) {
        hold(blackoutEnd, "blackout");
        continue;
      }
      const quietEnd = rules.quietHours ? quietHoursEnd(arrivesAt, timeZone, rules.quietHours) : undefined;
      if (!quietEnd) break;
      hold(quietEnd, "quiet_hours");
    }
    return {
      zone,
      timeZone,
      at,
      withoutRegion: zone === (defaultName ?? rules.defaultTimeZone),
      quietHours: rules.quietHours !== null && quietHoursEnd(at, timeZone, rules.quietHours) !== undefined,
      blackout: findBlackoutEnd(rules.blackout, at) !== undefined,
      blackoutExempt: rules.blackoutExempt,
      arrivesAt,
      holds,
    };
  });
}
