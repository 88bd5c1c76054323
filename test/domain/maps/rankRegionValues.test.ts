import { describe, expect, it } from "vitest";
import { rankRegionValues } from "../../../src/domain/maps/rankRegionValues.js";

const child = (name: string, value: number | null) => ({ code: name, name, value });

describe("rankRegionValues", () => {
  it("ranks highest first, names the three strongest and the three weakest (weakest first), and keeps no-data apart from zero", () => {
    const ranked = rankRegionValues([child("A", 5), child("B", 0), child("C", null), child("D", 9), child("E", 2), child("F", 7), child("G", 1), child("H", 7)]);
    expect(ranked.ranked.map((c) => c.name)).toEqual(["D", "F", "H", "A", "E", "G", "B"]);
    expect(ranked.strongest.map((c) => c.name)).toEqual(["D", "F", "H"]);
    expect(ranked.weakest.map((c) => c.name)).toEqual(["B", "G", "E"]);
    expect(ranked.noData.map((c) => c.name)).toEqual(["C"]);
  });

  it("with fewer than six, splits them so nobody is both strong and weak", () => {
    const four = rankRegionValues([child("A", 1), child("B", 2), child("C", 3), child("D", 4)]);
    expect(four.strongest.map((c) => c.name)).toEqual(["D", "C"]);
    expect(four.weakest.map((c) => c.name)).toEqual(["A", "B"]);
    const one = rankRegionValues([child("A", 1), child("B", null)]);
    expect(one.strongest.map((c) => c.name)).toEqual(["A"]);
    expect(one.weakest).toEqual([]);
    expect(rankRegionValues([child("B", null)]).ranked).toEqual([]);
  });
});
