// The people list of the dashboard: search, filters and keyset pages, on SQLite and (npm run test:pg) PostgreSQL.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.js";
import { addContactTags } from "../../../src/domain/contacts/contactTags.js";
import { saveNameWords } from "../../../src/domain/contacts/saveNameWords.js";
import { changePersonTag } from "../../../src/domain/people/changePersonTag.js";
import { listPeople } from "../../../src/domain/people/listPeople.js";
import { parsePeopleFilter, type PeopleFilter } from "../../../src/domain/people/parsePeopleFilter.js";
import { readPersonProfile } from "../../../src/domain/people/readPersonProfile.js";
import { peopleSearchSql } from "../../../src/domain/people/peopleSearchSql.js";
import { Prisma } from "../../../src/db/client.js";
import { createTestDatabase, testDialect, type TestDatabase } from "../../support/createTestDatabase.js";

let store: TestDatabase;
let db: Database;
beforeEach(async () => {
  store = await createTestDatabase();
  db = store.db;
});
afterEach(async () => store.close());

const at = new Date("2026-11-01T03:00:00Z");
const settings = { defaultCountry: "ID", activeDays: 30, now: at } as const;

async function seed() {
  const budi = await db.contact.create({ data: { id: "c0001", name: "Budi Santoso", phone: "+6281234567890", regionCode: "32.73.01", updatesConsent: true } });
  await db.contact.create({ data: { id: "c0002", name: "siti 100%_x", phone: "+6281311112222", regionCode: "32.71", optedOut: true } });
  const ani = await db.contact.create({ data: { id: "c0003", name: "Ani", regionCode: "32.73.02.1004", role: "volunteer", referredByCode: null } });
  await db.volunteer.create({ data: { contactId: ani.id, referralCode: "ABC2345", interests: '["canvass"]', availability: "weekend" } });
  await db.contact.create({ data: { id: "c0004", name: "Rina Koordinator", role: "coordinator", regionCode: "31" } });
  await db.contact.create({ data: { id: "c0005", name: "Dewi", referredByCode: "ABC2345", updatesConsent: false } });
  await addContactTags(db, budi.id, ["posko-a"]);
  // Written straight into the table above: the name search's words as every write of a name saves them.
  for (const contact of await db.contact.findMany()) await saveNameWords(db, contact.id, contact.name);
}

async function names(filter: PeopleFilter) {
  const page = await listPeople(db, { filter, limit: 50, viewerRole: "admin", settings });
  if (page.status !== "ok") throw new Error(page.status);
  return page.people.map((p) => p.name);
}

describe("listPeople", () => {
  it("searches by the beginning of name words (any case or accent, % and _ literal), by phone in any writing, by referral code", async () => {
    await seed();
    expect(await names({ search: "budi" })).toEqual(["Budi Santoso"]);
    expect(await names({ search: "SANTOSO" })).toEqual(["Budi Santoso"]);
    expect(await names({ search: "sant" })).toEqual(["Budi Santoso"]);
    expect(await names({ search: "santoso bu" })).toEqual(["Budi Santoso"]);
    // Words are found by their beginning, not their middle (that would read every name).
    expect(await names({ search: "antoso" })).toEqual([]);
    expect(await names({ search: "budi siti" })).toEqual([]);
    expect(await names({ search: "100%_" })).toEqual(["siti 100%_x"]);
    expect(await names({ search: "%" })).toEqual([]);
    expect(await names({ search: "0812-3456-7890" })).toEqual(["Budi Santoso"]);
    expect(await names({ search: "+62 812 3456" })).toEqual(["Budi Santoso"]);
    expect(await names({ search: "0812" })).toEqual([]);
    expect(await names({ search: "abc2345" })).toEqual(["Ani"]);
    expect(await names({ search: "nobody" })).toEqual([]);
    await db.contact.update({ where: { id: "c0005" }, data: { name: "Déwi Ñur" } });
    await saveNameWords(db, "c0005", "Déwi Ñur");
    expect(await names({ search: "dewi nur" })).toEqual(["Déwi Ñur"]);
    expect(await names({ search: "DÉWI" })).toEqual(["Déwi Ñur"]);
    // A word's range ends past "z" and "9" correctly.
    await db.contact.update({ where: { id: "c0004" }, data: { name: "Rina Zz9" } });
    await saveNameWords(db, "c0004", "Rina Zz9");
    expect(await names({ search: "zz" })).toEqual(["Rina Zz9"]);
    expect(await names({ search: "zz9" })).toEqual(["Rina Zz9"]);
    expect(await names({ search: "zz8" })).toEqual([]);
  });

  it.skipIf(testDialect !== "postgresql")("finds name words through the GIN index of Contact.searchWords on PostgreSQL, not by reading every contact", async () => {
    await seed();
    // Scans made dear, so the plan shows whether the index can answer the search at all (its expression and the search's must match).
    const plan = await db.$transaction(async (tx) => {
      await tx.$executeRaw`SET LOCAL enable_seqscan = off`;
      return tx.$queryRaw<Record<string, string>[]>(Prisma.sql`EXPLAIN SELECT c."id" FROM "Contact" c WHERE ${peopleSearchSql("siti nur", "ID", "postgresql")}`);
    });
    expect(plan.map((row) => Object.values(row).join("")).join("\n")).toContain("Bitmap Index Scan on \"Contact_searchWords_idx\"");
  });

  it("filters by activity with the coverage's definition of active (a message lately, or a task answered or done)", async () => {
    await seed();
    const long = new Date(at.getTime() - 60 * 86_400_000);
    const recent = new Date(at.getTime() - 3 * 86_400_000);
    await db.contact.updateMany({ data: { lastActiveAt: long } });
    await db.contact.update({ where: { id: "c0001" }, data: { lastActiveAt: recent } });
    expect(await names({ activity: "active" })).toEqual(["Budi Santoso"]);
    // Ani sent nothing lately, but did a task three days ago: active, as the map counts her.
    const segment = await db.segment.create({ data: { name: "s", definition: "{}", createdBy: "c0004" } });
    const task = await db.task.create({ data: { title: "t", instructions: "i", segmentId: segment.id, deadline: at, createdBy: "c0004" } });
    await db.taskAssignment.create({ data: { taskId: task.id, contactId: "c0003", status: "done", doneAt: recent } });
    expect(await names({ activity: "active" })).toEqual(["Ani", "Budi Santoso"]);
    expect(await names({ activity: "inactive" })).toEqual(["Dewi", "Rina Koordinator", "siti 100%_x"]);
    expect(await names({ activity: "inactive", region: "32" })).toEqual(["siti 100%_x"]);
    const longer = await listPeople(db, { filter: { activity: "inactive" }, limit: 50, viewerRole: "admin", settings: { ...settings, activeDays: 90 } });
    expect(longer.status === "ok" && longer.people.map((p) => p.name)).toEqual([]);
  });

  it("filters by region at any level, role, tag and consent", async () => {
    await seed();
    expect(await names({ region: "32" })).toEqual(["Ani", "siti 100%_x", "Budi Santoso"]);
    expect(await names({ region: "32.73" })).toEqual(["Ani", "Budi Santoso"]);
    expect(await names({ region: "32.73.02.1004" })).toEqual(["Ani"]);
    expect(await names({ role: "staff" })).toEqual(["Rina Koordinator"]);
    expect(await names({ role: "volunteer" })).toEqual(["Ani"]);
    expect(await names({ role: "voter" })).toEqual(["Dewi", "siti 100%_x", "Budi Santoso"]);
    expect(await names({ tag: "posko-a" })).toEqual(["Budi Santoso"]);
    expect(await names({ consent: "subscribed" })).toEqual(["Budi Santoso"]);
    expect(await names({ consent: "opted_out" })).toEqual(["siti 100%_x"]);
    expect(await names({ consent: "not_subscribed", region: "32" })).toEqual(["Ani"]);
  });

  it("pages with an opaque cursor and refuses a tampered one", async () => {
    await seed();
    const seen: string[] = [];
    let after: string | undefined;
    for (let i = 0; i < 5; i++) {
      const page = await listPeople(db, { filter: {}, after, limit: 2, viewerRole: "admin", settings });
      if (page.status !== "ok") throw new Error(page.status);
      seen.push(...page.people.map((p) => p.id));
      if (!page.next) break;
      expect(page.next).not.toContain("c000");
      after = page.next;
    }
    expect(seen).toEqual(["c0005", "c0004", "c0003", "c0002", "c0001"]);
    for (const bad of ["x", "!!!", "cDEuYzAwMDM'--", Buffer.from("p1.c0003' OR 1=1").toString("base64url"), "a".repeat(500)]) {
      expect(await listPeople(db, { filter: {}, after: bad, limit: 2, viewerRole: "admin", settings })).toEqual({ status: "bad_cursor" });
    }
  });

  it("masks phone numbers for a coordinator, not for an admin", async () => {
    await seed();
    const coordinator = await listPeople(db, { filter: { search: "budi" }, limit: 5, viewerRole: "coordinator", settings });
    const admin = await listPeople(db, { filter: { search: "budi" }, limit: 5, viewerRole: "admin", settings });
    expect(coordinator.status === "ok" && coordinator.people[0]!.phone).toBe("+62812****7890");
    expect(admin.status === "ok" && admin.people[0]!.phone).toBe("+6281234567890");
  });
});

describe("parsePeopleFilter", () => {
  it("takes the page's values and refuses unknown fields, unknown values and huge searches", () => {
    expect(parsePeopleFilter({ search: " budi ", region: "32.73", role: "", tag: "posko-a", consent: "subscribed" })).toEqual({
      status: "ok",
      filter: { search: "budi", region: "32.73", tag: "posko-a", consent: "subscribed" },
    });
    expect(parsePeopleFilter({ sort: "name" })).toEqual({ status: "bad_filter", field: "sort" });
    expect(parsePeopleFilter({ role: "superuser" })).toEqual({ status: "bad_filter", field: "role" });
    expect(parsePeopleFilter({ region: "32.7" })).toEqual({ status: "bad_filter", field: "region" });
    expect(parsePeopleFilter({ search: "x".repeat(10_000) })).toEqual({ status: "bad_filter", field: "search" });
    expect(parsePeopleFilter({ after: "abc", search: "a" }, ["after"])).toEqual({ status: "ok", filter: { search: "a" } });
    expect(parsePeopleFilter({ activity: "active" })).toEqual({ status: "ok", filter: { activity: "active" } });
    expect(parsePeopleFilter({ activity: "sometimes" })).toEqual({ status: "bad_filter", field: "activity" });
    expect(parsePeopleFilter({ search: "budi\u0000" })).toEqual({ status: "bad_filter", field: "search" });
    expect(parsePeopleFilter({ tag: "a\u001bb" })).toEqual({ status: "bad_filter", field: "tag" });
  });
});

describe("readPersonProfile and changePersonTag", () => {
  it("shows channels masked for a coordinator, consents, tags, volunteer profile and referrals", async () => {
    await seed();
    await db.channelIdentity.create({ data: { contactId: "c0001", channel: "whatsapp", externalId: "6281234567890" } });
    await db.consentRecord.create({ data: { contactId: "c0001", purpose: "updates", granted: true, textKey: "k", textVersion: "1", language: "id", channel: "whatsapp", source: "conversation", recordedAt: at } });
    const coordinator = await readPersonProfile(db, "c0001", "coordinator");
    expect(coordinator?.phone).toBe("+62812****7890");
    expect(coordinator?.channels).toEqual([{ channel: "whatsapp", account: "628123***7890", unreachable: false }]);
    expect(coordinator?.consents).toMatchObject([{ purpose: "updates", granted: true, recordedAt: at }]);
    expect(coordinator?.tags).toEqual([{ name: "posko-a", editable: true }]);
    const admin = await readPersonProfile(db, "c0001", "admin");
    expect(admin?.channels[0]?.account).toBe("6281234567890");
    const ani = await readPersonProfile(db, "c0003", "admin");
    expect(ani?.volunteer).toMatchObject({ referralCode: "ABC2345", interests: ["canvass"] });
    expect(ani?.referrals).toMatchObject({ count: 1, people: [{ id: "c0005", name: "Dewi" }] });
    expect(await readPersonProfile(db, "nobody", "admin")).toBeUndefined();
  });

  it("adds and removes a staff tag with an audit entry, and refuses derived tags", async () => {
    await seed();
    const change = (tag: string, kind: "add" | "remove") => changePersonTag(db, { contactId: "c0002", tag, change: kind, actor: "c0004", channel: "dashboard", at });
    expect(await change("saksi", "add")).toEqual({ status: "added" });
    expect(await change("saksi", "add")).toEqual({ status: "unchanged" });
    expect(await change("region:32", "add")).toEqual({ status: "bad_tag" });
    expect(await change("  ", "add")).toEqual({ status: "bad_tag" });
    expect(await names({ tag: "saksi" })).toEqual(["siti 100%_x"]);
    expect(await change("saksi", "remove")).toEqual({ status: "removed" });
    expect(await changePersonTag(db, { contactId: "nobody", tag: "x", change: "add", actor: "c0004", channel: "dashboard", at })).toEqual({ status: "no_person" });
    const audit = await db.auditEntry.findMany({ orderBy: { action: "asc" } });
    expect(audit.map((a) => [a.actor, a.action, a.target, a.details])).toEqual([
      ["c0004", "tag.add", "c0002", '{"tag":"saksi","channel":"dashboard"}'],
      ["c0004", "tag.remove", "c0002", '{"tag":"saksi","channel":"dashboard"}'],
    ]);
  });
});
