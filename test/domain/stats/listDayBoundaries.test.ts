import { describe, expect, it } from "vitest";
import { listDayBoundaries } from "../../../src/domain/stats/listDayBoundaries.js";

describe("listDayBoundaries", () => {
  it("ends each day at the zone's own midnight", () => {
    const { days, weekStart } = listDayBoundaries(new Date("2026-11-25T20:00:00Z"), new Date("2026-11-26T03:00:00Z"), "Asia/Jakarta");
    // 03:00 WIB on the 26th: the first contact's day is the 26th, so the list starts on the 25th.
    expect(days).toEqual([
      { day: "2026-11-25", end: new Date("2026-11-25T17:00:00Z") },
      { day: "2026-11-26", end: new Date("2026-11-26T17:00:00Z") },
    ]);
    expect(weekStart).toEqual(new Date("2026-11-19T17:00:00Z"));
  });

  it("keeps a 25-hour day whole when the clocks go back", () => {
    // Berlin leaves summer time on 25 October 2026: that day lasts 25 hours.
    const { days } = listDayBoundaries(new Date("2026-10-24T12:00:00Z"), new Date("2026-10-26T12:00:00Z"), "Europe/Berlin");
    expect(days.map((d) => [d.day, d.end.toISOString()])).toEqual([
      ["2026-10-23", "2026-10-23T22:00:00.000Z"],
      ["2026-10-24", "2026-10-24T22:00:00.000Z"],
      ["2026-10-25", "2026-10-25T23:00:00.000Z"],
      ["2026-10-26", "2026-10-26T23:00:00.000Z"],
    ]);
  });

  it("never returns more points than asked for, today last", () => {
    const { days, stepDays } = listDayBoundaries(new Date("2024-01-01T00:00:00Z"), new Date("2026-11-26T03:00:00Z"), "Asia/Jakarta", 60);
    expect(days.length).toBeLessThanOrEqual(60);
    expect(stepDays).toBeGreaterThan(1);
    expect(days.at(-1)?.day).toBe("2026-11-26");
    expect(days[0]?.day).toBe("2023-12-31");
  });
});
