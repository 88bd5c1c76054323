// A segment from a form's fields, with the chat's and the CLI's checks: tags, regions at any level
// (a village or a list becomes regionCodes), a regency's name, a known referral code, days in the
// campaign's zone, and every problem named by its field.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createRegionLookup } from "../../../src/domain/regions/createRegionLookup.js";
import type { RegionLookup } from "../../../src/domain/regions/types.js";
import { buildSegmentDefinition } from "../../../src/domain/segments/buildSegmentDefinition.js";
import { createTestDatabase, type TestDatabase } from "../../support/createTestDatabase.js";

let test: TestDatabase;
let regions: RegionLookup;
beforeAll(async () => {
  test = await createTestDatabase();
  regions = await createRegionLookup();
  await test.db.contact.create({ data: { name: "Siti", volunteer: { create: { referralCode: "K7M2QXP", interests: "[]", availability: "anytime" } } } });
});
afterAll(async () => {
  await test.close();
});

const build = (fields: Parameters<typeof buildSegmentDefinition>[2]) => buildSegmentDefinition(test.db, regions, fields, { timeZone: "Asia/Jakarta", now: new Date("2026-11-26T03:00:00Z") });

describe("buildSegmentDefinition", () => {
  it("makes no filter of empty fields: everyone", async () => {
    expect(await build({ tagsAll: " ", region: "", interests: [] })).toEqual({ status: "ok", definition: {} });
  });

  it("keeps every filter a segment has", async () => {
    const built = await build({
      tagsAll: "Donatur, event:rapat",
      tagsAny: "a b",
      tagsNone: "x",
      region: "32.73.02",
      interests: ["kesehatan", "kesehatan"],
      role: "volunteer",
      language: "en",
      channel: "whatsapp",
      consent: "subscribed",
      activeFrom: "2026-11-01",
      inactiveFrom: "2026-12-01",
      referredBy: "k7m2qxp",
    });
    expect(built).toEqual({
      status: "ok",
      definition: {
        tagsAll: ["donatur", "event:rapat"],
        tagsAny: ["a", "b"],
        tagsNone: ["x"],
        regionPrefix: "32.73.02",
        interests: ["kesehatan"],
        role: "volunteer",
        language: "en",
        channel: "whatsapp",
        consent: "subscribed",
        // Midnight in Jakarta.
        lastActiveAfter: "2026-10-31T17:00:00.000Z",
        lastActiveBefore: "2026-11-30T17:00:00.000Z",
        referredBy: "K7M2QXP",
      },
    });
  });

  it("keeps a village or a list of regions as regionCodes, and finds a regency by name", async () => {
    expect(await build({ region: "32.73.02.1004" })).toEqual({ status: "ok", definition: { regionCodes: ["32.73.02.1004"] } });
    expect(await build({ region: "Kota Bandung", regions: "32.04, 32.73.02.1004" })).toEqual({ status: "ok", definition: { regionCodes: ["32.73", "32.04", "32.73.02.1004"] } });
    const ambiguous = await build({ region: "Bandung" });
    expect(ambiguous).toMatchObject({ status: "invalid", problems: [{ field: "region", problem: "region_ambiguous" }] });
  });

  it("turns a number of days (the chat's windows, the CLI's --active-within) into a fixed instant before now", async () => {
    expect(await build({ activeWithinDays: "7", inactiveForDays: " 30 " })).toEqual({
      status: "ok",
      definition: { lastActiveAfter: "2026-11-19T03:00:00.000Z", lastActiveBefore: "2026-10-27T03:00:00.000Z" },
    });
    const bad = await build({ activeWithinDays: "seminggu", inactiveForDays: "-3" });
    expect(bad).toMatchObject({ status: "invalid", problems: [{ field: "activeWithinDays", problem: "invalid", value: "seminggu" }, { field: "inactiveForDays", problem: "invalid", value: "-3" }] });
  });

  it("says whether a region not found was given as a code or searched as a name, and keeps the schema's own words", async () => {
    expect(await build({ region: "32.99" })).toMatchObject({ problems: [{ field: "region", problem: "region_not_found", given: "code" }] });
    expect(await build({ region: "Atlantis" })).toMatchObject({ problems: [{ field: "region", problem: "region_not_found", given: "name" }] });
    const role = await build({ role: "boss" });
    expect(role.status === "invalid" && role.problems[0]!.problem === "invalid" ? role.problems[0]!.message : undefined).toMatch(/./);
  });

  it("names every problem by its field", async () => {
    const built = await build({ tagsNone: "bad tag!", region: "99", regions: "32.73 abc", referredBy: "NOPE", activeFrom: "kemarin", role: "king", consent: "maybe" });
    expect(built.status).toBe("invalid");
    const problems = built.status === "invalid" ? built.problems.map((p) => `${p.field}:${p.problem}`) : [];
    expect(problems).toEqual(["tagsNone:bad_tags", "region:region_not_found", "regions:region_not_found", "consent:invalid", "activeFrom:bad_date", "referredBy:referral_not_found", "role:invalid"]);
  });
});
