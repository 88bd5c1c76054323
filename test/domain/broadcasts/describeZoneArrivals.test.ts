import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createTranslator, readLocaleResources } from "../../../src/conversation/createTranslator.js";
import { describeZoneArrivals } from "../../../src/domain/broadcasts/describeZoneArrivals.js";
import { parseBlackout } from "../../../src/domain/blackout/parseBlackout.js";
import { parseQuietHours } from "../../../src/domain/schedule/parseQuietHours.js";
import { repoRoot } from "../../support/createTestDatabase.js";

const translator = createTranslator(readLocaleResources(join(repoRoot, "locales")), "id");
const night = parseQuietHours("21:00-07:00");

describe("describeZoneArrivals", () => {
  it("says, per zone, who gets a 20:30 WIB broadcast at once and who is held until 07:00 their time", () => {
    const at = new Date("2029-01-10T13:30:00Z");
    const rules = { quietHours: night, blackout: [], defaultTimeZone: "Asia/Jakarta", blackoutExempt: false };
    expect(describeZoneArrivals(translator.forLanguage("en"), "en", at, rules)).toEqual([
      "WIB (and contacts without a region): they get it right away, 10 Jan 2029, 20:30 WIB.",
      "WITA: 10 Jan 2029, 21:30 WITA is inside quiet hours (21:00–07:00): held, they get it from 11 Jan 2029, 07:00 WITA.",
      "WIT: 10 Jan 2029, 22:30 WIT is inside quiet hours (21:00–07:00): held, they get it from 11 Jan 2029, 07:00 WIT.",
    ]);
    expect(describeZoneArrivals(translator.forLanguage("id"), "id", at, rules)[1]).toBe("WITA: 10 Jan 2029, 21.30 WITA masuk jam tenang (21:00–07:00): ditahan, diterima mulai 11 Jan 2029, 07.00 WITA.");
  });

  it("names the election quiet period when it holds them, and lets an operational message through it", () => {
    const ranges = parseBlackout("2029-01-10..2029-01-10", "Asia/Jakarta");
    if (ranges.status !== "ok") throw new Error(ranges.problem);
    const rules = { quietHours: night, blackout: ranges.ranges, defaultTimeZone: "Asia/Jakarta", blackoutExempt: false };
    const t = translator.forLanguage("en");
    const [campaign] = describeZoneArrivals(t, "en", new Date("2029-01-10T03:00:00Z"), rules);
    expect(campaign).toBe("WIB (and contacts without a region): 10 Jan 2029, 10:00 WIB is inside the election quiet period (masa tenang): held, they get it from 11 Jan 2029, 07:00 WIB.");
    const [operational] = describeZoneArrivals(t, "en", new Date("2029-01-10T03:00:00Z"), { ...rules, blackoutExempt: true });
    expect(operational).toContain("but an operational message may go: they get it right away.");
  });
});
