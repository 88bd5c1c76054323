// readRegionCoverage with canvass reports (SQLite, or PostgreSQL under npm run test:pg): households
// reached and the support split per region, supporters counting households that said they support,
// and a report making its author an active volunteer; withdrawn reports count nowhere.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.js";
import { loadRegions } from "../../../src/domain/regions/loadRegions.js";
import type { RegionDirectory } from "../../../src/domain/regions/types.js";
import { createTestDatabase, type TestDatabase } from "../../support/createTestDatabase.js";
import { childOf, coverageOf } from "./coverageOf.js";

const now = new Date("2026-06-01T00:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

let store: TestDatabase;
let regions: RegionDirectory;

// V: volunteer in Dago who last wrote 40 days ago but sent a report 3 days ago -> active.
// W: volunteer in Dago who last wrote 40 days ago; their only recent report was withdrawn -> not active.
// S: a subscriber in Dago.
// Reports (households, support, undecided, elsewhere, not home):
//   V Dago 32.73.02.1004      20, 8, 5, 2, 3
//   V Coblong 32.73.02        10, 2, 2, 2, 4   (district level: in Coblong, in no village)
//   V Cimenyan 32.04.06.2006   8, 4, 0, 0, 4   (Kabupaten Bandung: nobody lives there in this fixture)
//   W Dago                   100, 100, 0, 0, 0 withdrawn
async function seed(db: Database) {
  const volunteer = async (key: string) =>
    (
      await db.contact.create({
        data: { name: key, regionCode: "32.73.02.1004", lastActiveAt: daysAgo(40), volunteer: { create: { referralCode: `REF${key}`, interests: "[]", availability: "weekend" } } },
        include: { volunteer: true },
      })
    ).volunteer!.id;
  const v = await volunteer("V");
  const w = await volunteer("W");
  await db.contact.create({ data: { name: "S", regionCode: "32.73.02.1004", updatesConsent: true, lastActiveAt: daysAgo(1) } });
  const report = (volunteerId: string, regionCode: string, figures: number[], createdAt: Date, withdrawnAt: Date | null = null) => {
    const [households = 0, supporters = 0, undecided = 0, leaningElsewhere = 0, notHome = 0] = figures;
    return db.canvassReport.create({ data: { volunteerId, regionCode, households, supporters, undecided, leaningElsewhere, notHome, createdAt, updatedAt: createdAt, withdrawnAt } });
  };
  await report(v, "32.73.02.1004", [20, 8, 5, 2, 3], daysAgo(3));
  await report(v, "32.73.02", [10, 2, 2, 2, 4], daysAgo(50));
  await report(v, "32.04.06.2006", [8, 4, 0, 0, 4], daysAgo(50));
  await report(w, "32.73.02.1004", [100, 100, 0, 0, 0], daysAgo(2), daysAgo(2));
  await db.regionTarget.create({ data: { regionCode: "32.73", targetSupporters: 50, updatedAt: now, updatedBy: "cli" } });
}

beforeAll(async () => {
  store = await createTestDatabase();
  regions = await loadRegions({ villages: true });
  await seed(store.db);
}, 60_000);
afterAll(async () => {
  await store.close();
});

const coverage = (regionCode: string | null) => coverageOf(store.db, regions, regionCode, now);
const child = childOf;

describe("coverage with canvass reports", () => {
  it("gives each regency its households reached and support split, and adds supporting households to supporters", async () => {
    const jabar = await coverage("32");
    expect(jabar.region.canvass).toEqual({ reports: 3, volunteers: 1, households: 38, supporters: 14, undecided: 7, leaningElsewhere: 4, notHome: 11, supportShare: 14 / 27 });
    const bandung = child(jabar, "32.73");
    // 8 + 2 supporting households, of 30 - 7 met; plus S, the one subscriber.
    expect(bandung.canvass).toEqual({ reports: 2, volunteers: 1, households: 30, supporters: 10, undecided: 7, leaningElsewhere: 4, notHome: 7, supportShare: 10 / 23 });
    expect(bandung).toMatchObject({ subscribers: 1, supporters: 11, supporterCoverage: 11 / 50 });
    // Kabupaten Bandung has no contact and no target: its report alone is data.
    expect(child(jabar, "32.04")).toMatchObject({ contacts: 0, hasData: true, supporters: 4, canvass: { reports: 1, households: 8, supportShare: 1 } });
    expect(child(jabar, "32.01")).toMatchObject({ hasData: false, canvass: { reports: 0, households: 0, supportShare: null } });
  });

  it("counts a district-level report in the district and in none of its villages", async () => {
    const coblong = await coverage("32.73.02");
    expect(coblong.region.canvass).toMatchObject({ reports: 2, households: 30 });
    expect(child(coblong, "32.73.02.1004").canvass).toMatchObject({ reports: 1, households: 20, supporters: 8 });
    expect(coblong.children.reduce((sum, row) => sum + row.canvass.households, 0)).toBe(20);
  });

  it("makes the author of a recent report an active volunteer, but not the author of a withdrawn one", async () => {
    const coblong = await coverage("32.73.02");
    expect(child(coblong, "32.73.02.1004")).toMatchObject({ volunteers: 2, activeVolunteers: 1 });
  });
});
