import { describe, expect, it } from "vitest";
import { parseBlackout } from "../../../src/domain/blackout/parseBlackout.js";
import { planZoneArrivals, type ArrivalRules } from "../../../src/domain/schedule/planZoneArrivals.js";
import { parseQuietHours } from "../../../src/domain/schedule/parseQuietHours.js";

const at = (iso: string) => new Date(iso);
const rules: ArrivalRules = { quietHours: parseQuietHours("21:00-07:00"), blackout: [], defaultTimeZone: "Asia/Jakarta", blackoutExempt: false };
const byZone = (arrivals: ReturnType<typeof planZoneArrivals>) => Object.fromEntries(arrivals.map((a) => [a.zone, a]));

function blackout(value: string) {
  const parsed = parseBlackout(value, "Asia/Jakarta");
  if (parsed.status !== "ok") throw new Error(parsed.problem);
  return parsed.ranges;
}

describe("planZoneArrivals", () => {
  it("20:30 WIB goes to WIB recipients at once and is quiet for WITA and WIT, who get it at 07:00 their time", () => {
    // 13:30 UTC = 20:30 WIB = 21:30 WITA = 22:30 WIT.
    const zones = byZone(planZoneArrivals(at("2029-01-10T13:30:00Z"), rules));
    expect(Object.keys(zones)).toEqual(["WIB", "WITA", "WIT"]);
    expect(zones.WIB).toMatchObject({ quietHours: false, blackout: false, holds: [], arrivesAt: at("2029-01-10T13:30:00Z"), withoutRegion: true });
    expect(zones.WITA).toMatchObject({ quietHours: true, holds: ["quiet_hours"], arrivesAt: at("2029-01-10T23:00:00Z"), withoutRegion: false });
    expect(zones.WIT).toMatchObject({ quietHours: true, holds: ["quiet_hours"], arrivesAt: at("2029-01-10T22:00:00Z") });
  });

  it("06:30 WIB is quiet in WIB only: 07:30 WITA and 08:30 WIT are open", () => {
    const zones = byZone(planZoneArrivals(at("2029-01-10T23:30:00Z"), rules));
    expect(zones.WIB).toMatchObject({ quietHours: true, arrivesAt: at("2029-01-11T00:00:00Z") });
    expect(zones.WITA).toMatchObject({ quietHours: false, arrivesAt: at("2029-01-10T23:30:00Z") });
    expect(zones.WIT).toMatchObject({ quietHours: false, arrivesAt: at("2029-01-10T23:30:00Z") });
  });

  it("holds nobody when quiet hours are off", () => {
    const arrivals = planZoneArrivals(at("2029-01-10T16:00:00Z"), { ...rules, quietHours: parseQuietHours("off") });
    expect(arrivals.every((a) => !a.quietHours && a.holds.length === 0 && a.arrivesAt.getTime() === at("2029-01-10T16:00:00Z").getTime())).toBe(true);
  });

  it("a night that ends in the election quiet period is held until the quiet period ends", () => {
    // Masa tenang from 11 Jan 00:00 WIB through 13 Jan; WIT's 07:00 on 11 Jan is 05:00 WIB, inside it.
    const ranges = blackout("2029-01-11..2029-01-13");
    const zones = byZone(planZoneArrivals(at("2029-01-10T13:30:00Z"), { ...rules, blackout: ranges }));
    expect(zones.WIB).toMatchObject({ blackout: false, holds: [] });
    expect(zones.WIT).toMatchObject({ quietHours: true, blackout: false, holds: ["quiet_hours", "blackout"] });
    // The quiet period ends at midnight WIB = 02:00 WIT, inside WIT's night again: 07:00 WIT on 14 Jan.
    expect(zones.WIT!.arrivesAt).toEqual(at("2029-01-13T22:00:00Z"));
  });

  it("inside the election quiet period a campaign message waits for its end; an operational one goes", () => {
    const ranges = blackout("2029-01-10T12:00..2029-01-10T14:00");
    const held = byZone(planZoneArrivals(at("2029-01-10T05:00:00Z"), { ...rules, blackout: blackout("2029-01-10T10:00..2029-01-10T15:00") }));
    expect(held.WIB).toMatchObject({ blackout: true, holds: ["blackout"], arrivesAt: at("2029-01-10T08:00:00Z") });
    const exempt = byZone(planZoneArrivals(at("2029-01-10T05:30:00Z"), { ...rules, blackout: ranges, blackoutExempt: true }));
    expect(exempt.WIB).toMatchObject({ blackout: true, blackoutExempt: true, holds: [], arrivesAt: at("2029-01-10T05:30:00Z") });
  });

  it("a TIMEZONE outside Indonesia gets its own line for contacts without a region", () => {
    const arrivals = planZoneArrivals(at("2029-01-10T13:30:00Z"), { ...rules, defaultTimeZone: "UTC" });
    expect(arrivals.map((a) => [a.zone, a.withoutRegion])).toEqual([["WIB", false], ["WITA", false], ["WIT", false], ["UTC", true]]);
    expect(arrivals[3]).toMatchObject({ quietHours: false, arrivesAt: at("2029-01-10T13:30:00Z") });
  });
});
