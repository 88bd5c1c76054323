// Points are counted from the records (finished task assignments, recruits who signed up), in SQL,
// so they follow every change to those records; equal points share a rank.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.js";
import { pointValues } from "../../../src/domain/points/pointValues.js";
import { readLeaderboard } from "../../../src/domain/points/readLeaderboard.js";
import { createTestDatabase, type TestDatabase } from "../../support/createTestDatabase.js";

let t: TestDatabase;
let db: Database;
let segmentId: string;
let clock = Date.parse("2026-01-01T00:00:00Z");

beforeEach(async () => {
  t = await createTestDatabase();
  db = t.db;
  segmentId = (await db.segment.create({ data: { name: "Relawan", definition: "{}", createdBy: "test" } })).id;
});
afterEach(async () => {
  await t.close();
});

async function addVolunteer(name: string | null, regionCode: string | null, referralCode: string, referredByCode: string | null = null): Promise<string> {
  const createdAt = new Date((clock += 60_000));
  const contact = await db.contact.create({
    data: { name, regionCode, referredByCode, createdAt, volunteer: { create: { referralCode, interests: "[]", availability: "anytime", createdAt } } },
  });
  return contact.id;
}

/** One task per assignment, each in the given status. */
async function addAssignments(contactId: string, statuses: string[]): Promise<void> {
  for (const status of statuses) {
    const task = await db.task.create({ data: { title: "Tugas", instructions: "-", segmentId, deadline: new Date("2026-12-31T00:00:00Z"), createdBy: "test" } });
    await db.taskAssignment.create({ data: { taskId: task.id, contactId, status } });
  }
}

/** People who arrived with a code; those who signed up are volunteers themselves (with 0 points). */
async function addRecruits(code: string, signedUp: number, onlyJoined: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < signedUp; i++) ids.push(await addVolunteer(`Rekrut ${code} ${i}`, "35.78", `R${code.slice(1)}${i}`, code));
  for (let i = 0; i < onlyJoined; i++) ids.push((await db.contact.create({ data: { referredByCode: code } })).id);
  return ids;
}

const summary = (rows: { name: string | null; rank: number; points: number }[]) => rows.map((r) => `${r.rank}. ${r.name} ${r.points}`);

describe("readLeaderboard", () => {
  let ayu: string, budi: string, citra: string, dedi: string;
  beforeEach(async () => {
    ayu = await addVolunteer("Ayu Lestari", "32.73.01", "AAAAAA2"); // Kota Bandung, Jawa Barat
    budi = await addVolunteer("Budi", "32.04", "BBBBBB3"); // Kabupaten Bandung, Jawa Barat
    citra = await addVolunteer("Citra", "31.71", "CCCCCC4"); // Jakarta
    dedi = await addVolunteer("Dedi", "32.73", "DDDDDD5");
    await addAssignments(ayu, ["done", "done", "accepted", "declined"]);
    await addRecruits("AAAAAA2", 1, 2); // one finished sign-up, two only said hello
    await addAssignments(budi, ["done"]);
    await addRecruits("BBBBBB3", 3, 0);
    await addAssignments(citra, ["done", "done", "done"]);
    await addAssignments(dedi, ["offered", "accepted"]);
  });

  it("counts points per finished task and per recruit who signed up, nationally, with shared ranks for ties", async () => {
    expect(pointValues).toEqual({ taskDone: 10, recruit: 5, canvassReport: 5 });
    const board = await readLeaderboard(db, { contactId: dedi });
    // Ayu: 2 done x 10 + 1 recruit x 5 = 25; Budi: 10 + 3 x 5 = 25; Citra: 30; Dedi: nothing done yet.
    expect(summary(board.top)).toEqual(["1. Citra 30", "2. Ayu Lestari 25", "2. Budi 25"]);
    expect(board.top[1]).toMatchObject({ contactId: ayu, regionCode: "32.73.01", tasksDone: 2, recruits: 1 });
    expect(board.own).toMatchObject({ contactId: dedi, points: 0, tasksDone: 0, recruits: 0 });
  });

  it("ranks within one province, and gives the asker's own rank there", async () => {
    const board = await readLeaderboard(db, { provinceCode: "32", contactId: budi });
    expect(summary(board.top)).toEqual(["1. Ayu Lestari 25", "1. Budi 25"]);
    expect(board.own).toMatchObject({ rank: 1, points: 25 });
    expect((await readLeaderboard(db, { provinceCode: "31", contactId: budi })).own).toBeUndefined();
  });

  it("keeps to the limit", async () => {
    expect((await readLeaderboard(db, { limit: 2 })).top.map((r) => r.contactId)).toEqual([citra, ayu]);
  });

  it("follows the records: a task marked done adds points, a recruit who erased their data takes theirs away", async () => {
    await db.taskAssignment.updateMany({ where: { contactId: dedi, status: "accepted" }, data: { status: "done" } });
    const [recruit] = await db.contact.findMany({ where: { referredByCode: "AAAAAA2", volunteer: { isNot: null } } });
    await db.contact.delete({ where: { id: recruit!.id } });
    const board = await readLeaderboard(db, { provinceCode: "32", contactId: dedi });
    expect(summary(board.top)).toEqual(["1. Budi 25", "2. Ayu Lestari 20", "3. Dedi 10"]);
    expect(board.own).toMatchObject({ rank: 3, points: 10, tasksDone: 1 });
  });

  it("has nobody on the board before anyone earned a point", async () => {
    await db.taskAssignment.deleteMany({});
    await db.contact.updateMany({ data: { referredByCode: null } });
    expect((await readLeaderboard(db, {})).top).toEqual([]);
  });
});
