// `relawan canvass summary` in-process against a real database: the text /isu shows, --json for
// scripts and the dashboard, and exit 1 with a sentence for a region it cannot read.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCliInProcess } from "../support/runCliInProcess.js";
import { recordCanvassReport } from "../../src/domain/canvass/recordCanvassReport.js";
import { storeCampaignContent } from "../../src/domain/content/storeCampaignContent.js";
import { loadDemoContent } from "../support/createTestApp.js";
import { createTestDatabase, type TestDatabase } from "../support/createTestDatabase.js";

let store: TestDatabase;
const now = new Date("2026-11-26T03:00:00Z");
beforeEach(async () => {
  store = await createTestDatabase();
  const db = store.db;
  await storeCampaignContent(db, await loadDemoContent());
  const contact = await db.contact.create({ data: { name: "Siti", regionCode: "32.73.02.1004", volunteer: { create: { referralCode: "SITI01", interests: "[]", availability: "anytime" } } }, include: { volunteer: true } });
  const volunteerId = contact.volunteer!.id;
  const report = (regionCode: string, counts: number[], issues: Parameters<typeof recordCanvassReport>[1]["issues"]) => {
    const [households = 0, supporters = 0, undecided = 0, leaningElsewhere = 0, notHome = 0] = counts;
    return recordCanvassReport(db, { volunteerId, regionCode, counts: { households, supporters, undecided, leaningElsewhere, notHome }, issues, at: now }, 300);
  };
  await report("32.73.02.1004", [20, 8, 5, 2, 3], [{ programmeId: "kesehatan" }, { text: "Jalan rusak" }]);
  await report("32.04.06.2006", [10, 2, 2, 2, 4], [{ text: "jalan rusak" }]);
});
afterEach(async () => {
  await store.close();
});

const cli = (args: string[]) => runCliInProcess(args, { databaseUrl: store.url, now });

describe("relawan canvass summary", () => {
  it("prints households reached, the support split per region and the local issues", async () => {
    const result = await cli(["canvass", "summary", "jabar", "--lang", "en"]);
    expect(result).toMatchObject({ code: 0, stderr: "" });
    expect(result.stdout).toBe(
      [
        "🗣️ Canvassing: Jawa Barat",
        "",
        "Reports: 2 · volunteers: 1 · households visited: 30, met: 23.\nSupport 10 (43%) · undecided 7 · lean elsewhere 4 · not at home 7",
        "",
        "Per region (households visited · support among those met):\nKota Bandung: 20 households · 47%\nKabupaten Bandung: 10 households · 33%",
        "",
        'Local issues raised most:\n1. "jalan rusak" (reports: 2)\n2. Health Care Close to Home (reports: 1)',
        "",
      ].join("\n"),
    );
  });

  it("gives the same figures as JSON", async () => {
    const result = await cli(["canvass", "summary", "32.73", "--json"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json.region).toEqual({ code: "32.73", name: "Kota Bandung, Jawa Barat" });
    expect(json.total).toMatchObject({ reports: 1, households: 20, supporters: 8, supportShare: 8 / 17 });
    expect(json.children).toEqual([expect.objectContaining({ regionCode: "32.73.02", name: "Coblong", households: 20 })]);
    expect(json.issues).toEqual([
      { programmeId: "kesehatan", reports: 1, title: "Kesehatan Dekat Rumah" },
      { text: "jalan rusak", reports: 1 },
    ]);
  });

  it("covers all of Indonesia without a region, and says so where nothing was reported", async () => {
    expect((await cli(["canvass", "summary", "--lang", "en"])).stdout).toContain("Jawa Barat: 30 households · 43%");
    expect((await cli(["canvass", "summary", "31", "--lang", "en"])).stdout).toContain("No canvass reports in DKI Jakarta yet.");
  });

  it("exits 1 with a sentence for a region it cannot read", async () => {
    const ambiguous = await cli(["canvass", "summary", "bandung", "--lang", "en"]);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain('"bandung" matches several regions');
    const unknown = await cli(["canvass", "summary", "99", "--json", "--lang", "en"]);
    expect(unknown.code).toBe(1);
    expect(JSON.parse(unknown.stdout)).toMatchObject({ error: "unknown_region", message: 'No region called "99".\nWrite a province or regency/city by name or code (Jawa Barat, Kota Bandung, 32.73); a district or village after commas with the places above it (Coblong, Kota Bandung).' });
  });
});
