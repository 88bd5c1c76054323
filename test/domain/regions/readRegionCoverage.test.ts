// readRegionCoverage on a real database (SQLite, or PostgreSQL under npm run test:pg): the roll-up
// arithmetic against figures worked out by hand from the fixture below.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.js";
import { loadRegions } from "../../../src/domain/regions/loadRegions.js";
import type { RegionDirectory } from "../../../src/domain/regions/types.js";
import { createTestDatabase, type TestDatabase } from "../../support/createTestDatabase.js";
import { readRegionCoverage } from "../../../src/domain/regions/readRegionCoverage.js";
import { childOf, coverageOf } from "./coverageOf.js";

const now = new Date("2026-06-01T00:00:00Z");
const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);

let store: TestDatabase;
let regions: RegionDirectory;

// Active window: 30 days. Who is where (A..H), what they agreed to, and what they did:
//   A Dago 32.73.02.1004       subscribed   volunteer  wrote 1 day ago             -> active
//   B Dago                     subscribed, then STOP  volunteer  wrote 40 days ago, finished a task 5 days ago -> active
//   C Coblong 32.73.02         subscribed   volunteer  wrote 40 days ago, answered a task 60 days ago -> not active
//   D Kota Bandung 32.73       not asked
//   E Cimenyan 32.04.06        subscribed   (no volunteer, wrote today)
//   F Jawa Barat 32            subscribed   volunteer  wrote 2 days ago             -> active
//   G Jakarta Pusat 31.71      said no      volunteer  wrote 31 days ago            -> not active
//   H no region                subscribed
const people = [
  { key: "A", regionCode: "32.73.02.1004", updatesConsent: true, optedOut: false, volunteer: true, lastActiveAt: daysAgo(1) },
  { key: "B", regionCode: "32.73.02.1004", updatesConsent: true, optedOut: true, volunteer: true, lastActiveAt: daysAgo(40), taskDoneAt: daysAgo(5) },
  { key: "C", regionCode: "32.73.02", updatesConsent: true, optedOut: false, volunteer: true, lastActiveAt: daysAgo(40), taskRespondedAt: daysAgo(60) },
  { key: "D", regionCode: "32.73", updatesConsent: null, optedOut: false, volunteer: false, lastActiveAt: daysAgo(3) },
  { key: "E", regionCode: "32.04.06", updatesConsent: true, optedOut: false, volunteer: false, lastActiveAt: now },
  { key: "F", regionCode: "32", updatesConsent: true, optedOut: false, volunteer: true, lastActiveAt: daysAgo(2) },
  { key: "G", regionCode: "31.71", updatesConsent: false, optedOut: false, volunteer: true, lastActiveAt: daysAgo(31) },
  { key: "H", regionCode: null, updatesConsent: true, optedOut: false, volunteer: false, lastActiveAt: daysAgo(10) },
];

// A figure left out is not known. Jawa Barat has its own DPT and volunteer target; Kota Bandung
// its own TPS and supporter target; Coblong everything but supporters; two of its villages all four.
const targets = [
  { regionCode: "32", registeredVoters: 1000, targetVolunteers: 10 },
  { regionCode: "32.73", registeredVoters: 400, pollingStations: 20, targetSupporters: 100 },
  { regionCode: "32.73.02", registeredVoters: 150, pollingStations: 6, targetVolunteers: 4 },
  { regionCode: "32.73.02.1004", registeredVoters: 50, pollingStations: 2, targetVolunteers: 2, targetSupporters: 20 },
  { regionCode: "32.73.02.1001", registeredVoters: 60, pollingStations: 3, targetVolunteers: 1, targetSupporters: 10 },
  { regionCode: "32.04.06.1002", registeredVoters: 70, targetVolunteers: 3 },
  { regionCode: "32.04.06.2006", targetVolunteers: 2 },
];

async function seed(db: Database) {
  const segment = await db.segment.create({ data: { name: "semua", definition: "{}", createdBy: "cli" } });
  const task = await db.task.create({ data: { title: "Tugas", instructions: "-", segmentId: segment.id, deadline: now, createdBy: "cli" } });
  for (const person of people) {
    const contact = await db.contact.create({
      data: { name: person.key, regionCode: person.regionCode, updatesConsent: person.updatesConsent, optedOut: person.optedOut, lastActiveAt: person.lastActiveAt },
    });
    if (person.volunteer) {
      await db.volunteer.create({ data: { contactId: contact.id, referralCode: `REF${person.key}`, interests: "[]", availability: "weekend" } });
    }
    if (person.taskDoneAt ?? person.taskRespondedAt) {
      await db.taskAssignment.create({
        data: { taskId: task.id, contactId: contact.id, status: person.taskDoneAt ? "done" : "accepted", offeredAt: daysAgo(90), respondedAt: person.taskRespondedAt ?? daysAgo(80), doneAt: person.taskDoneAt ?? null },
      });
    }
  }
  for (const target of targets) await db.regionTarget.create({ data: { ...target, updatedAt: now, updatedBy: "cli" } });
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

describe("coverage of the whole country", () => {
  it("counts each province's people from every level inside it", async () => {
    const result = await coverage(null);
    expect(result.children).toHaveLength(38);
    const jabar = child(result, "32");
    expect(jabar).toMatchObject({ name: "Jawa Barat", level: "province", contacts: 6, subscribers: 4, volunteers: 4, activeVolunteers: 3 });
    expect(child(result, "31")).toMatchObject({ contacts: 1, subscribers: 0, volunteers: 1, activeVolunteers: 0, hasData: true });
  });

  it("takes a province's own figure where it has one and the highest rows below it where it has none", async () => {
    const jabar = child(await coverage(null), "32");
    // DPT and volunteers: Jawa Barat's own row. TPS and supporters: Kota Bandung's (not added again from Coblong or its villages).
    expect(jabar.targets).toEqual({ registeredVoters: 1000, pollingStations: 20, targetVolunteers: 10, targetSupporters: 100 });
    expect(jabar.volunteersPerTps).toBeCloseTo(4 / 20);
    expect(jabar.volunteerCoverage).toBeCloseTo(4 / 10);
    expect(jabar.supporters).toBe(4);
    expect(jabar.supporterCoverage).toBeCloseTo(4 / 100);
  });

  it("keeps a region without data apart from a region with zero", async () => {
    const result = await coverage(null);
    const aceh = child(result, "11");
    expect(aceh).toMatchObject({ contacts: 0, volunteers: 0, hasData: false, volunteerCoverage: null, volunteersPerTps: null, supporterCoverage: null });
    expect(aceh.targets).toEqual({ registeredVoters: null, pollingStations: null, targetVolunteers: null, targetSupporters: null });
    const jakarta = child(result, "31");
    expect(jakarta.targets.targetVolunteers).toBeNull();
    expect(jakarta.volunteerCoverage).toBeNull();
  });

  it("adds up the country, with people who gave no region as unplaced", async () => {
    const result = await coverage(null);
    expect(result.region).toMatchObject({ code: null, level: "country", contacts: 8, subscribers: 5, volunteers: 5, activeVolunteers: 3 });
    expect(result.region.targets).toEqual({ registeredVoters: 1000, pollingStations: 20, targetVolunteers: 10, targetSupporters: 100 });
    expect(result.unplaced).toEqual({ contacts: 1, subscribers: 1, volunteers: 0, activeVolunteers: 0 });
    expect(result.activeSince).toEqual(daysAgo(30));
  });
});

describe("coverage of a province", () => {
  it("rolls districts and villages up into their regency", async () => {
    const result = await coverage("32");
    expect(result.children).toHaveLength(27);
    const bandung = child(result, "32.73");
    expect(bandung).toMatchObject({ name: "Kota Bandung", level: "regency", contacts: 4, subscribers: 2, volunteers: 3, activeVolunteers: 2 });
    // Volunteers: Kota Bandung has no own figure, so Coblong's 4 (its villages' 2 + 1 are inside Coblong's).
    expect(bandung.targets).toEqual({ registeredVoters: 400, pollingStations: 20, targetVolunteers: 4, targetSupporters: 100 });
    expect(bandung.volunteersPerTps).toBeCloseTo(3 / 20);
    expect(bandung.volunteerCoverage).toBeCloseTo(3 / 4);
    expect(bandung.supporterCoverage).toBeCloseTo(2 / 100);
  });

  it("sums villages two levels down when nothing between has the figure, and leaves unknown figures null", async () => {
    const kabBandung = child(await coverage("32"), "32.04");
    expect(kabBandung).toMatchObject({ contacts: 1, subscribers: 1, volunteers: 0, activeVolunteers: 0 });
    expect(kabBandung.targets).toEqual({ registeredVoters: 70, pollingStations: null, targetVolunteers: 5, targetSupporters: null });
    expect(kabBandung.volunteerCoverage).toBe(0);
    expect(kabBandung.volunteersPerTps).toBeNull();
  });

  it("gives the province its own row, and counts people known only at province level as unplaced", async () => {
    const result = await coverage("32");
    expect(result.region).toMatchObject({ code: "32", name: "Jawa Barat", level: "province", contacts: 6, volunteers: 4 });
    expect(result.region.targets).toEqual({ registeredVoters: 1000, pollingStations: 20, targetVolunteers: 10, targetSupporters: 100 });
    expect(result.unplaced).toEqual({ contacts: 1, subscribers: 1, volunteers: 1, activeVolunteers: 1 });
  });
});

describe("coverage of a district", () => {
  it("lists its villages, with targets but no people distinct from nothing at all", async () => {
    const result = await coverage("32.73.02");
    expect(result.children).toHaveLength(6);
    expect(child(result, "32.73.02.1004")).toMatchObject({
      name: "Dago",
      level: "village",
      contacts: 2,
      subscribers: 1,
      volunteers: 2,
      activeVolunteers: 2,
      volunteersPerTps: 1,
      volunteerCoverage: 1,
      supporterCoverage: 1 / 20,
    });
    expect(child(result, "32.73.02.1001")).toMatchObject({ name: "Cipaganti", contacts: 0, hasData: true, volunteerCoverage: 0 });
    expect(child(result, "32.73.02.1002")).toMatchObject({ contacts: 0, hasData: false, volunteerCoverage: null });
    // Coblong's own figures, except supporters: its villages' 20 + 10.
    expect(result.region.targets).toEqual({ registeredVoters: 150, pollingStations: 6, targetVolunteers: 4, targetSupporters: 30 });
    expect(result.region).toMatchObject({ contacts: 3, volunteers: 3, activeVolunteers: 2 });
    expect(result.unplaced).toMatchObject({ contacts: 1, volunteers: 1, activeVolunteers: 0 });
  });

  it("treats a village as a region without children", async () => {
    const result = await coverage("32.73.02.1004");
    expect(result.children).toEqual([]);
    expect(result.region).toMatchObject({ level: "village", contacts: 2, targets: { registeredVoters: 50, pollingStations: 2, targetVolunteers: 2, targetSupporters: 20 } });
  });
});

describe("a longer or shorter active window", () => {
  it("counts a volunteer who wrote 31 days ago as active over 31 days", async () => {
    const outcome = await readRegionCoverage(store.db, regions, { regionCode: null, activeDays: 31, now });
    expect(outcome.status === "ok" && outcome.coverage.region.activeVolunteers).toBe(4);
  });
});

it("answers an unknown region with its code", async () => {
  expect(await readRegionCoverage(store.db, regions, { regionCode: "99", activeDays: 30, now })).toEqual({ status: "unknown_region", code: "99" });
});
