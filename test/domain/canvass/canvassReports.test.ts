// Canvass reports: the counts rule, correction and withdrawal by the author within 24 hours (on an
// injected clock), and the per-region sums and issues computed in SQL (SQLite here, PostgreSQL with
// npm run test:pg).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.js";
import { checkCanvassCounts } from "../../../src/domain/canvass/checkCanvassCounts.js";
import { correctCanvassReport } from "../../../src/domain/canvass/correctCanvassReport.js";
import { parseCanvassNumber } from "../../../src/domain/canvass/parseCanvassNumber.js";
import { readCanvassIssues } from "../../../src/domain/canvass/readCanvassIssues.js";
import { readCanvassSummary } from "../../../src/domain/canvass/readCanvassSummary.js";
import { recordCanvassReport } from "../../../src/domain/canvass/recordCanvassReport.js";
import { supportShare } from "../../../src/domain/canvass/supportShare.js";
import { mergeContacts } from "../../../src/domain/contacts/mergeContacts.js";
import { withdrawCanvassReport } from "../../../src/domain/canvass/withdrawCanvassReport.js";
import type { CanvassCounts } from "../../../src/domain/canvass/canvassTypes.js";
import { pointValues } from "../../../src/domain/points/pointValues.js";
import { readLeaderboard } from "../../../src/domain/points/readLeaderboard.js";
import { createTestDatabase, type TestDatabase } from "../../support/createTestDatabase.js";

const hour = 3_600_000;
const start = new Date("2026-11-02T03:00:00Z");
const max = 300;

const counts = (households: number, supporters: number, undecided: number, leaningElsewhere: number, notHome: number): CanvassCounts => ({
  households,
  supporters,
  undecided,
  leaningElsewhere,
  notHome,
});

describe("parseCanvassNumber", () => {
  it.each([
    ["12", 12],
    ["12 rumah", 12],
    ["15 KK", 15],
    ["sekitar 20", 20],
    ["1.200", 1200],
    ["0", 0],
    ["gak ada", 0],
    ["Nggak ada.", 0],
    ["tidak ada", 0],
    ["none", 0],
  ])("reads %j as %d", (text, value) => {
    expect(parseCanvassNumber(text, 5000)).toEqual({ status: "ok", value });
  });

  it.each([
    ["-3", "negative"],
    ["- 3", "negative"],
    ["banyak", "not_a_number"],
    ["dua puluh", "not_a_number"],
    ["", "not_a_number"],
    ["12,5", "fraction"],
    ["2.5", "fraction"],
    ["999999999999999", "not_a_number"],
    ["301", "too_large"],
  ])("refuses %j (%s)", (text, problem) => {
    expect(parseCanvassNumber(text, max)).toEqual({ status: "invalid", problem, max });
  });
});

describe("checkCanvassCounts", () => {
  it("takes whole counts whose parts fit in the households visited", () => {
    expect(checkCanvassCounts(counts(20, 8, 5, 2, 5), max)).toBeUndefined();
    expect(checkCanvassCounts(counts(20, 0, 0, 0, 0), max)).toBeUndefined();
  });

  it("names what is wrong", () => {
    expect(checkCanvassCounts(counts(0, 0, 0, 0, 0), max)).toEqual({ problem: "no_households" });
    expect(checkCanvassCounts(counts(301, 0, 0, 0, 0), max)).toEqual({ problem: "too_many_households", max });
    expect(checkCanvassCounts(counts(10, 11, 0, 0, 0), max)).toEqual({ problem: "part_above_households", part: "supporters" });
    expect(checkCanvassCounts(counts(10, 4, 4, 4, 0), max)).toEqual({ problem: "parts_above_households", total: 12 });
    expect(checkCanvassCounts(counts(10, -1, 0, 0, 0), max)).toEqual({ problem: "not_whole", field: "supporters" });
    expect(checkCanvassCounts(counts(10, 1.5, 0, 0, 0), max)).toEqual({ problem: "not_whole", field: "supporters" });
    expect(checkCanvassCounts(counts(Number.NaN, 0, 0, 0, 0), max)).toEqual({ problem: "not_whole", field: "households" });
  });
});

describe("supportShare", () => {
  it("is supporters among the households met", () => {
    expect(supportShare(counts(20, 6, 5, 1, 8))).toBe(0.5);
    expect(supportShare(counts(5, 0, 0, 0, 5))).toBeNull();
  });
});

describe("canvass reports in the database", () => {
  let t: TestDatabase;
  let db: Database;
  let ayu: string;
  let budi: string;

  let signedUp = Date.parse("2026-10-01T00:00:00Z");
  async function addVolunteer(name: string, referralCode: string, regionCode: string): Promise<string> {
    const createdAt = new Date((signedUp += 60_000));
    const contact = await db.contact.create({
      data: { name, regionCode, createdAt, volunteer: { create: { referralCode, interests: "[]", availability: "anytime", createdAt } } },
      include: { volunteer: true },
    });
    return contact.volunteer!.id;
  }

  beforeEach(async () => {
    t = await createTestDatabase();
    db = t.db;
    ayu = await addVolunteer("Ayu", "AAAAAA2", "32.73.02.1004");
    budi = await addVolunteer("Budi", "BBBBBB3", "32.04.15");
  });
  afterEach(async () => {
    await t.close();
  });

  async function record(volunteerId: string, regionCode: string, c: CanvassCounts, issues: Parameters<typeof recordCanvassReport>[1]["issues"] = [], at = start): Promise<number> {
    const outcome = await recordCanvassReport(db, { volunteerId, regionCode, counts: c, issues, at }, max);
    if (outcome.status !== "recorded") throw new Error(`not recorded: ${JSON.stringify(outcome)}`);
    return outcome.id;
  }

  it("writes nothing when the counts are wrong", async () => {
    const outcome = await recordCanvassReport(db, { volunteerId: ayu, regionCode: "32.73.02.1004", counts: counts(10, 8, 8, 0, 0), issues: [], at: start }, max);
    expect(outcome).toEqual({ status: "invalid", problem: "parts_above_households", total: 16 });
    expect(await db.canvassReport.count()).toBe(0);
  });

  it("lets the author correct or withdraw a report within 24 hours, and nobody else, and not after", async () => {
    const first = await record(ayu, "32.73.02.1004", counts(20, 10, 5, 2, 3), [{ programmeId: "kesehatan" }]);
    const correction = { volunteerId: ayu, reportId: first, regionCode: "32.73.02.1003", counts: counts(25, 12, 5, 2, 3), issues: [{ text: "Jalan rusak" }], at: new Date(start.getTime() + 23 * hour) };
    expect(await correctCanvassReport(db, { ...correction, volunteerId: budi }, max)).toEqual({ status: "not_author" });
    expect(await correctCanvassReport(db, { ...correction, counts: counts(25, 30, 0, 0, 0) }, max)).toMatchObject({ status: "invalid", problem: "part_above_households" });
    expect(await correctCanvassReport(db, correction, max)).toEqual({ status: "corrected", id: first });
    const stored = await db.canvassReport.findUniqueOrThrow({ where: { id: first }, include: { issues: true } });
    expect(stored).toMatchObject({ regionCode: "32.73.02.1003", households: 25, supporters: 12 });
    expect(stored.issues.map((i) => [i.programmeId, i.text])).toEqual([[null, "Jalan rusak"]]);

    // 24 hours after it was sent (not after the correction), it stands as it is.
    const late = new Date(start.getTime() + 24 * hour);
    expect(await correctCanvassReport(db, { ...correction, at: late }, max)).toMatchObject({ status: "too_late" });
    expect(await withdrawCanvassReport(db, ayu, late, first)).toMatchObject({ status: "too_late" });

    const second = await record(ayu, "32.73.02.1004", counts(10, 1, 1, 1, 1), [], late);
    expect(await withdrawCanvassReport(db, budi, late, second)).toEqual({ status: "not_author" });
    expect(await withdrawCanvassReport(db, ayu, new Date(late.getTime() + hour))).toEqual({ status: "withdrawn_now", id: second });
    expect(await withdrawCanvassReport(db, ayu, new Date(late.getTime() + hour), second)).toEqual({ status: "withdrawn" });
    expect(await withdrawCanvassReport(db, ayu, late, 9999)).toEqual({ status: "not_found" });
  });

  it("keeps its author when two contacts of one volunteer are merged, and loses only the author when they erase their data", async () => {
    const report = await record(budi, "32.04.15", counts(8, 4, 0, 0, 4));
    const [ayuContact, budiContact] = await Promise.all([ayu, budi].map((id) => db.volunteer.findUniqueOrThrow({ where: { id } })));
    // Ayu's profile is the older one and stays; Budi's report follows it.
    await mergeContacts(db, budiContact!.contactId, ayuContact!.contactId);
    expect((await db.canvassReport.findUniqueOrThrow({ where: { id: report } })).volunteerId).toBe(ayu);
    await db.contact.delete({ where: { id: budiContact!.contactId } });
    expect(await db.canvassReport.findUniqueOrThrow({ where: { id: report } })).toMatchObject({ volunteerId: null, households: 8, supporters: 4 });
  });

  it("earns points for each report not withdrawn", async () => {
    await record(ayu, "32.73.02.1004", counts(20, 10, 5, 2, 3));
    const withdrawn = await record(ayu, "32.73.02.1004", counts(5, 1, 1, 1, 1));
    await record(ayu, "32.73.02.1004", counts(5, 1, 1, 1, 1));
    await withdrawCanvassReport(db, ayu, start, withdrawn);
    const board = await readLeaderboard(db, {});
    expect(board.top.map((r) => [r.name, r.points, r.canvassReports])).toEqual([["Ayu", 2 * pointValues.canvassReport, 2]]);
  });

  it("sums households and answers per child region, leaving withdrawn reports out", async () => {
    // Hand-computed: Coblong (32.73.02) 20+10 households from two villages; Kabupaten Bandung's Cimenyan 8.
    await record(ayu, "32.73.02.1004", counts(20, 10, 5, 2, 3), [{ programmeId: "kesehatan" }, { text: "Jalan rusak " }]);
    await record(ayu, "32.73.02.1003", counts(10, 2, 2, 2, 4), [{ programmeId: "kesehatan" }, { text: "jalan  rusak" }]);
    await record(budi, "32.04.15", counts(8, 4, 0, 0, 4), [{ programmeId: "pendidikan" }]);
    await record(budi, "31.71.01.1001", counts(50, 25, 0, 0, 0), [{ programmeId: "pendidikan" }]);
    const withdrawn = await record(budi, "32.73.02.1004", counts(100, 100, 0, 0, 0), [{ programmeId: "pendidikan" }]);
    await withdrawCanvassReport(db, budi, start, withdrawn);

    const jabar = await readCanvassSummary(db, { regionCode: "32" });
    expect(jabar.total).toEqual({ reports: 3, volunteers: 2, households: 38, supporters: 16, undecided: 7, leaningElsewhere: 4, notHome: 11 });
    expect(jabar.children.map((c) => [c.regionCode, c.reports, c.households, c.supporters])).toEqual([
      ["32.73", 2, 30, 12],
      ["32.04", 1, 8, 4],
    ]);

    const coblong = await readCanvassSummary(db, { regionCode: "32.73.02" });
    expect(coblong.children.map((c) => [c.regionCode, c.households])).toEqual([
      ["32.73.02.1004", 20],
      ["32.73.02.1003", 10],
    ]);
    // A report filed for a district (no village) counts for the district and in no village.
    const cimenyan = await readCanvassSummary(db, { regionCode: "32.04.15" });
    expect([cimenyan.total.households, cimenyan.children]).toEqual([8, []]);

    const indonesia = await readCanvassSummary(db);
    expect(indonesia.total.households).toBe(88);
    expect(indonesia.children.map((c) => [c.regionCode, c.households])).toEqual([
      ["31", 50],
      ["32", 38],
    ]);
    expect(await readCanvassSummary(db, { regionCode: "32", since: new Date(start.getTime() + hour) })).toMatchObject({ total: { reports: 0, households: 0 }, children: [] });

    expect(await readCanvassIssues(db, { regionCode: "32" })).toEqual([
      { programmeId: "kesehatan", reports: 2 },
      { text: "jalan rusak", reports: 2 },
      { programmeId: "pendidikan", reports: 1 },
    ]);
    expect(await readCanvassIssues(db, { limit: 1 })).toEqual([{ programmeId: "kesehatan", reports: 2 }]);
  });
});
