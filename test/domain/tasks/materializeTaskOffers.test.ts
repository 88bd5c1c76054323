// Offers for a whole segment in two statements, each volunteer in their own language.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.js";
import { createTask } from "../../../src/domain/tasks/createTask.js";
import { materializeTaskOffers } from "../../../src/domain/tasks/materializeTaskOffers.js";
import { taskRecipientsWhereSql } from "../../../src/domain/tasks/taskRecipientsWhereSql.js";
import { createTestDatabase, type TestDatabase } from "../../support/createTestDatabase.js";
import { createTestApp, type TestApp } from "../../support/createTestApp.js";
import { addContact } from "../../delivery/support/seedCampaign.js";
import { voiceOf } from "./support/taskWorld.js";

let t: TestDatabase;
let db: Database;
let app: TestApp;
const now = new Date("2026-11-26T03:00:00Z");
const deadline = new Date("2026-11-28T10:00:00Z");

beforeEach(async () => {
  t = await createTestDatabase();
  db = t.db;
  // The app only lends its translator and campaign name; the database under test is `db`.
  app = await createTestApp();
});
afterEach(async () => {
  await t.close();
  await app.close();
});

async function addVolunteer(seed: Parameters<typeof addContact>[1] & { volunteer?: boolean }): Promise<string> {
  const id = await addContact(db, { tasksConsents: [true], ...seed });
  if (seed.volunteer !== false) await db.volunteer.create({ data: { contactId: id, referralCode: `R${id.slice(-6)}`, interests: "[]", availability: "anytime" } });
  return id;
}

describe("materializeTaskOffers", () => {
  it("writes one assignment and one offer per volunteer who may get it, in their language, once", async () => {
    const id = await addVolunteer({ telegram: "1" });
    const en = await addVolunteer({ telegram: "2", language: "en" });
    const other = await addVolunteer({ telegram: "3", language: "jv" });
    await addVolunteer({ telegram: "4", tasksConsents: [true, false] });
    await addVolunteer({ telegram: "5", optedOut: true });
    await addVolunteer({ telegram: "6", unreachable: { telegram: true } });
    await addVolunteer({ telegram: "7", volunteer: false });
    const segment = await db.segment.create({ data: { name: "Semua", definition: "{}", createdBy: "test" } });
    const task = await db.task.create({ data: { title: "Survei", instructions: "Tanya warga.", segmentId: segment.id, deadline, createdBy: "test", imageUrl: "https://contoh.id/a.jpg" } });

    const voice = voiceOf(app);
    expect(await materializeTaskOffers(db, { ...task }, taskRecipientsWhereSql(db, {}), voice, now)).toBe(3);
    expect(await materializeTaskOffers(db, { ...task }, taskRecipientsWhereSql(db, {}), voice, now)).toBe(0);

    const offers = await db.delivery.findMany({ where: { taskId: task.id }, orderBy: { id: "asc" } });
    expect(offers).toHaveLength(3);
    expect(offers.map((o) => o.id).sort()).toEqual([id, en, other].map((c) => `o_${task.id}_${c}`).sort());
    const of = (contactId: string) => offers.find((o) => o.contactId === contactId)!;
    expect(of(id).text).toContain(`Balas TERIMA ${task.id}`);
    expect(of(en).text).toContain(`Reply ACCEPT ${task.id}`);
    // A language the bot does not speak gets the default one.
    expect(of(other).text).toBe(of(id).text);
    expect(JSON.parse(of(en).choices ?? "[]")).toEqual([
      { id: `task:${task.id}:accept`, label: "✅ Accept" },
      { id: `task:${task.id}:decline`, label: "Decline" },
    ]);
    expect(of(id)).toMatchObject({ kind: "task_offer", purpose: "volunteer_tasks", status: "queued", imageUrl: "https://contoh.id/a.jpg" });
    expect(await db.taskAssignment.count({ where: { taskId: task.id, status: "offered" } })).toBe(3);
  });
});

describe("createTask", () => {
  it("refuses what cannot be sent, and creates nothing", async () => {
    const segment = await db.segment.create({ data: { name: "Semua", definition: "{}", createdBy: "test" } });
    const base = { title: "Survei", instructions: "Tanya warga.", segmentId: segment.id, deadline, operational: false, createdBy: "test", now };
    const voice = voiceOf(app);
    expect(await createTask(db, { ...base, title: " " }, voice)).toMatchObject({ status: "invalid", problem: "title_missing" });
    expect(await createTask(db, { ...base, title: "x".repeat(101) }, voice)).toMatchObject({ status: "invalid", problem: "title_too_long", max: 100 });
    expect(await createTask(db, { ...base, instructions: "x".repeat(950), imageUrl: "https://contoh.id/a.jpg" }, voice)).toMatchObject({ status: "invalid", problem: "message_too_long", max: 1024 });
    expect(await createTask(db, { ...base, imageUrl: "http://contoh.id/a.jpg" }, voice)).toMatchObject({ status: "invalid", problem: "image_url" });
    expect(await createTask(db, { ...base, deadline: now }, voice)).toEqual({ status: "deadline_past" });
    expect(await createTask(db, { ...base, maxVolunteers: 0 }, voice)).toEqual({ status: "bad_max" });
    expect(await createTask(db, { ...base, segmentId: "nope" }, voice)).toEqual({ status: "segment_not_found" });
    expect(await createTask(db, { ...base, link: "javascript:alert(1)" }, voice)).toMatchObject({ status: "invalid", problem: "link" });
    // Offers are made once, at creation: a task nobody may be offered would never reach anyone.
    expect(await createTask(db, base, voice)).toEqual({ status: "nobody" });
    expect(await db.task.count()).toBe(0);
  });
});
