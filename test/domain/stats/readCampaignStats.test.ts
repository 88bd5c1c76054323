// The figures of /stats against a real SQLite file: seeded rows in, exact numbers out.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.js";
import { createRegionLookup } from "../../../src/domain/regions/createRegionLookup.js";
import { readCampaignStats } from "../../../src/domain/stats/readCampaignStats.js";
import { createTestDatabase, type TestDatabase } from "../../support/createTestDatabase.js";
import { seedStats, statsNow } from "./seedStats.js";

let database: TestDatabase;
let db: Database;
const regions = await createRegionLookup();
const options = { now: statsNow, timeZone: "Asia/Jakarta", provinceName: (code: string) => regions.get(code)?.name };

beforeEach(async () => {
  database = await createTestDatabase();
  db = database.db;
});
afterEach(async () => {
  await database.close();
});

describe("readCampaignStats", () => {
  it("counts contacts and volunteers per local day, cumulatively, in the campaign's time zone", async () => {
    await seedStats(db);
    const { growth } = await readCampaignStats(db, options);
    expect(growth).toMatchObject({ contacts: 5, volunteers: 4, contactsLast7Days: 4, volunteersLast7Days: 3, stepDays: 1 });
    const byDay = Object.fromEntries(growth.points.map((p) => [p.day, [p.contacts, p.volunteers]]));
    // From the day before the first contact up to today, every day.
    expect(growth.points.map((p) => p.day)[0]).toBe("2026-11-09");
    expect(growth.points.at(-1)?.day).toBe("2026-11-26");
    expect(growth.points).toHaveLength(18);
    expect(byDay["2026-11-09"]).toEqual([0, 0]);
    expect(byDay["2026-11-10"]).toEqual([1, 1]);
    expect(byDay["2026-11-19"]).toEqual([1, 1]);
    // 23:30 WIB on the 20th counts for the 20th; 00:30 WIB on the 21st (still the 20th in UTC) for the 21st.
    expect(byDay["2026-11-20"]).toEqual([2, 1]);
    expect(byDay["2026-11-21"]).toEqual([3, 2]);
    expect(byDay["2026-11-25"]).toEqual([4, 3]);
    expect(byDay["2026-11-26"]).toEqual([5, 4]);
  });

  it("buckets by the configured zone, not by UTC", async () => {
    await seedStats(db);
    const { growth } = await readCampaignStats(db, { ...options, timeZone: "UTC" });
    const byDay = Object.fromEntries(growth.points.map((p) => [p.day, p.contacts]));
    expect(byDay["2026-11-20"]).toBe(3);
  });

  it("thins the points of a long campaign and still ends today with the totals", async () => {
    await db.contact.create({ data: { createdAt: new Date("2025-01-01T00:00:00Z") } });
    await db.contact.create({ data: { createdAt: new Date("2026-11-26T00:00:00Z") } });
    const { growth } = await readCampaignStats(db, options);
    expect(growth.points.length).toBeLessThanOrEqual(60);
    expect(growth.stepDays).toBeGreaterThan(1);
    expect(growth.points.at(-1)).toEqual({ day: "2026-11-26", contacts: 2, volunteers: 0 });
    expect(growth.points[0]).toMatchObject({ contacts: 0 });
  });

  it("counts volunteers per province by the first two digits of the region code, named from the directory", async () => {
    await seedStats(db);
    const { volunteersByProvince } = await readCampaignStats(db, options);
    expect(volunteersByProvince).toEqual([
      { code: "32", name: "Jawa Barat", volunteers: 2 },
      { code: "31", name: "DKI Jakarta", volunteers: 1 },
      { code: null, name: null, volunteers: 1 },
    ]);
  });

  it("sorts broadcast deliveries into the funnel, blocked people apart from other failures", async () => {
    await seedStats(db);
    const { broadcasts } = await readCampaignStats(db, options);
    expect(broadcasts).toEqual({ queued: 4, delivered: 3, failed: 1, blocked: 2, skipped: 2, uncertain: 1 });
  });

  it("counts task assignments, with accepted ones past the deadline as overdue", async () => {
    await seedStats(db);
    const { tasks } = await readCampaignStats(db, options);
    expect(tasks.tasks).toBe(2);
    expect(tasks.openTasks).toBe(2);
    expect(tasks.totals).toEqual({ done: 2, accepted: 2, overdue: 1, offered: 1, declined: 1 });
    expect(tasks.recent.map((task) => [task.title, task.counts])).toEqual([
      ["Pasang spanduk", { done: 1, accepted: 2, overdue: 0, offered: 0, declined: 0 }],
      ["Sebar brosur di pasar", { done: 1, accepted: 0, overdue: 1, offered: 1, declined: 1 }],
    ]);
  });

  it("merges the ways one question was asked and ranks the open ones", async () => {
    await seedStats(db);
    const { questions } = await readCampaignStats(db, options);
    expect(questions).toEqual([
      { text: "gimana cara daftar", count: 4 },
      { text: "Kapan debat kandidat?", count: 2 },
      { text: "Apakah ada kaos gratis", count: 1 },
    ]);
  });

  it("keeps only the ten most asked", async () => {
    const { id: contactId } = await db.contact.create({ data: {} });
    for (let i = 0; i < 12; i++) {
      for (let j = 0; j <= i; j++) await db.inboxItem.create({ data: { contactId, kind: "question", text: `pertanyaan nomor ${i}`, language: "id", channel: "console" } });
    }
    const { questions } = await readCampaignStats(db, options);
    expect(questions).toHaveLength(10);
    expect(questions[0]).toEqual({ text: "pertanyaan nomor 11", count: 12 });
    expect(questions.at(-1)).toEqual({ text: "pertanyaan nomor 2", count: 3 });
  });

  it("answers with zeros on an empty database", async () => {
    const stats = await readCampaignStats(db, options);
    expect(stats.growth).toEqual({ contacts: 0, volunteers: 0, contactsLast7Days: 0, volunteersLast7Days: 0, points: [], stepDays: 1 });
    expect(stats.volunteersByProvince).toEqual([]);
    expect(stats.broadcasts).toEqual({ queued: 0, delivered: 0, failed: 0, blocked: 0, skipped: 0, uncertain: 0 });
    expect(stats.tasks).toEqual({ tasks: 0, openTasks: 0, totals: { done: 0, accepted: 0, overdue: 0, offered: 0, declined: 0 }, recent: [] });
    expect(stats.questions).toEqual([]);
  });
});
