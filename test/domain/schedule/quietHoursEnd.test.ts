import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { minuteOfDay, quietHoursEnd } from "../../../src/domain/schedule/quietHoursEnd.js";
import { readWallClock } from "../../../src/domain/time/readWallClock.js";
import { wallClockToInstant } from "../../../src/domain/time/wallClockToInstant.js";

const NIGHT = { start: "21:00", end: "07:00" };
const at = (iso: string) => new Date(iso);

describe("quietHoursEnd", () => {
  it("holds a message at 21:30 in Jakarta until 07:00 Jakarta time the next morning", () => {
    expect(quietHoursEnd(at("2029-01-10T14:30:00Z"), "Asia/Jakarta", NIGHT)).toEqual(at("2029-01-11T00:00:00Z"));
  });

  it("lets a message go at 20:59 and at exactly 07:00; holds one at exactly 21:00", () => {
    expect(quietHoursEnd(at("2029-01-10T13:59:59Z"), "Asia/Jakarta", NIGHT)).toBeUndefined();
    expect(quietHoursEnd(at("2029-01-11T00:00:00Z"), "Asia/Jakarta", NIGHT)).toBeUndefined();
    expect(quietHoursEnd(at("2029-01-10T14:00:00Z"), "Asia/Jakarta", NIGHT)).toEqual(at("2029-01-11T00:00:00Z"));
    expect(quietHoursEnd(at("2029-01-10T23:59:59Z"), "Asia/Jakarta", NIGHT)).toEqual(at("2029-01-11T00:00:00Z"));
  });

  it("uses the same morning for a message held after midnight", () => {
    // 02:00 WIB on the 11th
    expect(quietHoursEnd(at("2029-01-10T19:00:00Z"), "Asia/Jakarta", NIGHT)).toEqual(at("2029-01-11T00:00:00Z"));
  });

  it("tells WIB, WITA and WIT apart at the same instant", () => {
    const instant = at("2029-01-10T12:30:00Z"); // 19:30 WIB, 20:30 WITA, 21:30 WIT
    expect(quietHoursEnd(instant, "Asia/Jakarta", NIGHT)).toBeUndefined();
    expect(quietHoursEnd(instant, "Asia/Makassar", NIGHT)).toBeUndefined();
    expect(quietHoursEnd(instant, "Asia/Jayapura", NIGHT)).toEqual(at("2029-01-10T22:00:00Z")); // 07:00 WIT
    expect(quietHoursEnd(at("2029-01-10T13:30:00Z"), "Asia/Makassar", NIGHT)).toEqual(at("2029-01-10T23:00:00Z")); // 07:00 WITA
  });

  it("rolls over month and year ends", () => {
    expect(quietHoursEnd(at("2029-12-31T15:00:00Z"), "Asia/Jakarta", NIGHT)).toEqual(at("2030-01-01T00:00:00Z"));
    expect(quietHoursEnd(at("2028-02-28T15:00:00Z"), "Asia/Jakarta", NIGHT)).toEqual(at("2028-02-29T00:00:00Z"));
  });

  it("opens at 07:00 summer time on the night Berlin springs forward (not 06:00 or 08:00)", () => {
    // 22:00 CET on Saturday 24 March 2029; clocks go to CEST at 02:00 on Sunday the 25th.
    expect(quietHoursEnd(at("2029-03-24T21:00:00Z"), "Europe/Berlin", NIGHT)).toEqual(at("2029-03-25T05:00:00Z"));
  });

  it("opens at 07:00 winter time on the night Berlin falls back", () => {
    // 21:30 CEST on Saturday 27 October 2029; clocks go back at 03:00 on the 28th.
    expect(quietHoursEnd(at("2029-10-27T19:30:00Z"), "Europe/Berlin", NIGHT)).toEqual(at("2029-10-28T06:00:00Z"));
  });

  it("opens when the clock jumps if the end time does not exist that night", () => {
    // 02:30 is skipped in Berlin on 25 March 2029: the window opens at the jump, 03:00 CEST.
    const hours = { start: "23:00", end: "02:30" };
    expect(quietHoursEnd(at("2029-03-25T00:30:00Z"), "Europe/Berlin", hours)).toEqual(at("2029-03-25T01:00:00Z"));
  });

  it("supports a window inside one day, and none at all when start equals end", () => {
    const lunch = { start: "12:00", end: "13:30" };
    expect(quietHoursEnd(at("2029-01-10T05:15:00Z"), "Asia/Jakarta", lunch)).toEqual(at("2029-01-10T06:30:00Z"));
    expect(quietHoursEnd(at("2029-01-10T14:30:00Z"), "Asia/Jakarta", lunch)).toBeUndefined();
    expect(quietHoursEnd(at("2029-01-10T14:30:00Z"), "Asia/Jakarta", { start: "07:00", end: "07:00" })).toBeUndefined();
  });

  it("rejects a malformed time of day", () => {
    expect(() => minuteOfDay("7")).toThrow(/21:00/);
    expect(() => minuteOfDay("24:00")).toThrow();
    expect(minuteOfDay("7:05")).toBe(425);
  });

  it("always returns a later instant showing the end time, for any instant and zone", () => {
    const zones = ["Asia/Jakarta", "Asia/Makassar", "Asia/Jayapura", "Europe/Berlin", "America/New_York", "Australia/Adelaide"];
    fc.assert(
      fc.property(fc.integer({ min: Date.UTC(2028, 0, 1), max: Date.UTC(2031, 0, 1) }), fc.constantFrom(...zones), (ms, zone) => {
        const instant = new Date(ms);
        const end = quietHoursEnd(instant, zone, NIGHT);
        const wall = readWallClock(instant, zone);
        const minute = wall.hour * 60 + wall.minute;
        const quiet = minute >= 21 * 60 || minute < 7 * 60;
        if (!quiet) return end === undefined;
        if (!end) return false;
        const opens = readWallClock(end, zone);
        return end.getTime() > ms && end.getTime() - ms <= 11 * 3_600_000 && opens.hour === 7 && opens.minute === 0;
      }),
      { numRuns: 2000 },
    );
  });
});

describe("wallClockToInstant", () => {
  it("takes the earlier of two instants when the autumn clock shows a time twice", () => {
    // 02:30 happens twice in Berlin on 28 October 2029: first in CEST (00:30Z), then in CET (01:30Z).
    expect(wallClockToInstant({ year: 2029, month: 10, day: 28, hour: 2, minute: 30 }, "Europe/Berlin")).toEqual(at("2029-10-28T00:30:00Z"));
  });
});
