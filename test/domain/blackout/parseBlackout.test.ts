import { describe, expect, it } from "vitest";
import { findBlackoutEnd } from "../../../src/domain/blackout/findBlackoutEnd.js";
import { isInBlackout } from "../../../src/domain/blackout/isInBlackout.js";
import { parseBlackout, type BlackoutRange } from "../../../src/domain/blackout/parseBlackout.js";

function ranges(value: string, zone = "Asia/Jakarta"): BlackoutRange[] {
  const parsed = parseBlackout(value, zone);
  if (parsed.status !== "ok") throw new Error(parsed.problem);
  return parsed.ranges;
}

describe("parseBlackout", () => {
  it("reads whole days (end day included) and exact times (end excluded), each in its own zone", () => {
    const [days, hours] = ranges("2029-02-11..2029-02-13@Asia/Jakarta, 2029-04-01T00:00..2029-04-02T12:00@Asia/Makassar");
    expect(days).toMatchObject({ start: new Date("2029-02-10T17:00:00Z"), end: new Date("2029-02-13T17:00:00Z") });
    expect(hours).toMatchObject({ start: new Date("2029-03-31T16:00:00Z"), end: new Date("2029-04-02T04:00:00Z") });
    expect(days?.label).toBe("2029-02-11..2029-02-13@Asia/Jakarta");
  });

  it("uses the default zone when an item names none, and reads an empty setting as no blackout", () => {
    expect(ranges("2029-02-11..2029-02-11", "Europe/Berlin")[0]).toMatchObject({
      start: new Date("2029-02-10T23:00:00Z"),
      end: new Date("2029-02-11T23:00:00Z"),
    });
    expect(ranges("")).toEqual([]);
    expect(parseBlackout(undefined, "Asia/Jakarta")).toEqual({ status: "ok", ranges: [] });
  });

  it.each([
    ["2029-02-11", /START\.\.END@Zone/],
    ["2029-02-11..2029-02-13@Mars/Olympus", /unknown time zone/],
    ["2029-02-30..2029-03-01", /not a real date/],
    ["2029-02-11T25:00..2029-02-12", /not a real date/],
    ["2029-02-13..2029-02-11", /ends before it starts/],
    ["2029-02-11T12:00..2029-02-11T12:00", /ends before it starts/],
  ])("refuses %s", (value, problem) => {
    const parsed = parseBlackout(value, "Asia/Jakarta");
    expect(parsed.status).toBe("invalid");
    if (parsed.status === "invalid") {
      expect(parsed.problem).toMatch(problem);
      expect(parsed.problem).toContain(value);
    }
  });
});

describe("isInBlackout and findBlackoutEnd", () => {
  const quietPeriod = ranges("2029-02-11..2029-02-13@Asia/Jakarta");

  it("includes the first instant and excludes the end", () => {
    expect(isInBlackout(quietPeriod, new Date("2029-02-10T16:59:59Z"))).toBe(false);
    expect(isInBlackout(quietPeriod, new Date("2029-02-10T17:00:00Z"))).toBe(true);
    expect(isInBlackout(quietPeriod, new Date("2029-02-13T16:59:59Z"))).toBe(true);
    expect(isInBlackout(quietPeriod, new Date("2029-02-13T17:00:00Z"))).toBe(false);
    expect(findBlackoutEnd(quietPeriod, new Date("2029-02-12T00:00:00Z"))).toEqual(new Date("2029-02-13T17:00:00Z"));
  });

  it("carries the end through ranges that overlap or touch, but not across a gap", () => {
    const chained = ranges("2029-02-11..2029-02-12, 2029-02-13..2029-02-13, 2029-02-13T12:00..2029-02-14T06:00, 2029-02-15..2029-02-15");
    expect(findBlackoutEnd(chained, new Date("2029-02-11T00:00:00Z"))).toEqual(new Date("2029-02-13T23:00:00Z"));
    expect(findBlackoutEnd(chained, new Date("2029-02-14T00:00:00Z"))).toBeUndefined();
  });
});
