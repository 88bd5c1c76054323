// Moving a campaign from SQLite to PostgreSQL: a real SQLite file with a row in every model,
// copied into a fresh PostgreSQL database. The source is made here as a SQLite file on purpose,
// not through createTestDatabase: under `npm run test:pg` that helper would hand out PostgreSQL,
// and the copy this command exists for is SQLite -> PostgreSQL.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import BetterSqlite3 from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import { applyMigrations } from "../../src/db/applyMigrations.js";
import { openDatabase, Prisma, sqlitePath, type Database } from "../../src/db/client.js";
import { copyDatabase, type TableCount } from "../../src/db/copyDatabase.js";
import { listModelsInCopyOrder } from "../../src/db/listModelsInCopyOrder.js";
import { readTagsOfContacts } from "../../src/domain/contacts/contactTags.js";
import { createPostgresDatabase } from "../support/createTestDatabase.js";
import { requireService } from "../support/requireService.js";

const postgresUp = await requireService("PostgreSQL", "127.0.0.1", 5432);

const cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step();
});

async function openSqliteSource(): Promise<{ db: Database; url: string }> {
  const dir = mkdtempSync(join(tmpdir(), "relawan-copy-"));
  const url = `file:${join(dir, "source.db")}`;
  const db = await openDatabase(url);
  await applyMigrations(db);
  cleanup.push(async () => {
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  });
  return { db, url };
}

async function openPostgresTarget(): Promise<{ db: Database; url: string }> {
  const created = await createPostgresDatabase();
  const db = await openDatabase(created.url);
  cleanup.push(async () => {
    await db.$disconnect();
    await created.remove();
  });
  return { db, url: created.url };
}

const at = (iso: string) => new Date(iso);

/** A small campaign touching every model and every kind of value: dates with milliseconds, nulls, booleans, JSON text, autoincrement ids. */
async function seedCampaign(db: Database): Promise<void> {
  const siti = await db.contact.create({
    data: { name: "Siti Aminah", phone: "+6281234567890", language: "id", regionCode: "32.73.01", updatesConsent: true, role: "coordinator", createdAt: at("2026-11-01T01:02:03.456Z"), lastActiveAt: at("2026-11-20T08:00:00.789Z") },
  });
  const budi = await db.contact.create({ data: { name: "Budi", language: "en", optedOut: true, updatesConsent: false, referredByCode: "SITI01", createdAt: at("2026-11-02T00:00:00Z") } });
  const anon = await db.contact.create({ data: { createdAt: at("2026-11-03T00:00:00Z") } });
  await db.channelIdentity.createMany({
    data: [
      { contactId: siti.id, channel: "telegram", externalId: "9001", lastInboundAt: at("2026-11-20T08:00:00.789Z") },
      { contactId: siti.id, channel: "whatsapp", externalId: "6281234567890" },
      { contactId: budi.id, channel: "whatsapp", externalId: "6281111111111", unreachableAt: at("2026-11-10T10:10:10.010Z") },
      { contactId: anon.id, channel: "console", externalId: "local" },
    ],
  });
  await db.contactTag.createMany({ data: [{ contactId: siti.id, tag: "relawan" }, { contactId: siti.id, tag: "bandung" }, { contactId: siti.id, tag: "koordinator" }, { contactId: budi.id, tag: "relawan" }] });
  await db.contactNameWord.createMany({ data: [{ word: "siti", contactId: siti.id }, { word: "aminah", contactId: siti.id }, { word: "budi", contactId: budi.id }] });
  await db.consentRecord.createMany({
    data: [
      { contactId: siti.id, purpose: "updates", granted: true, textKey: "consent:updates.ask", textVersion: "1", language: "id", channel: "telegram", source: "conversation", recordedAt: at("2026-11-01T01:05:00Z") },
      { contactId: budi.id, purpose: "updates", granted: false, textKey: "consent:updates.ask", textVersion: "1", language: "en", channel: "whatsapp", source: "keyword" },
      // A withdrawal kept after the person's data was deleted.
      { contactId: null, purpose: "volunteer_tasks", granted: false, textKey: "consent:tasks.ask", textVersion: "2", language: "id", channel: "telegram", source: "data_deletion" },
    ],
  });
  await db.volunteer.create({ data: { contactId: siti.id, referralCode: "SITI01", interests: JSON.stringify(["door_to_door", "social_media"]), availability: "weekends" } });
  await db.conversationState.create({ data: { contactId: budi.id, flow: "register", step: "region", data: JSON.stringify({ name: "Budi", answers: { language: "en" }, n: 2 }) } });
  await db.contentPage.createMany({
    data: [
      { key: "profile", language: "id", title: "Profil", body: "Nusa Bakti…", position: 1 },
      { key: "profile", language: "en", title: "Profile", body: "Nusa Bakti…", position: 1 },
    ],
  });
  await db.faqEntry.create({ data: { id: "register", language: "id", question: "Bagaimana cara daftar?", variants: JSON.stringify(["cara daftar", "daftar relawan"]), answer: "Ketik DAFTAR." } });
  await db.inboundReceipt.createMany({ data: [{ channel: "telegram", messageId: "1" }, { channel: "telegram", messageId: "2" }, { channel: "whatsapp", messageId: "wamid.1" }] });
  const segment = await db.segment.create({ data: { name: "Relawan Bandung", definition: JSON.stringify({ tags: ["relawan"], regionCodes: ["32.73"] }), createdBy: siti.id } });
  const broadcast = await db.broadcast.create({
    data: { texts: JSON.stringify({ id: "Halo!", en: "Hello!" }), segmentId: segment.id, status: "completed", operational: true, scheduledAt: at("2026-11-21T03:00:00Z"), createdBy: siti.id, startedAt: at("2026-11-21T03:00:01.5Z"), completedAt: at("2026-11-21T03:05:00Z") },
  });
  await db.delivery.createMany({
    data: [
      { broadcastId: broadcast.id, contactId: siti.id, channel: "telegram", externalId: "9001", status: "sent", attempts: 1, platformMessageId: "77", sentAt: at("2026-11-21T03:00:02.25Z") },
      { broadcastId: broadcast.id, contactId: budi.id, status: "skipped", reason: "opted_out" },
    ],
  });
  const task = await db.task.create({ data: { title: "Sebar brosur", instructions: "Ambil di posko", segmentId: segment.id, deadline: at("2026-11-30T10:00:00Z"), maxVolunteers: 5, createdBy: siti.id } });
  const closed = await db.task.create({ data: { title: "Pasang spanduk", instructions: "Dua per RW", segmentId: segment.id, deadline: at("2026-11-25T10:00:00Z"), status: "closed", operational: true, createdBy: siti.id, closedAt: at("2026-11-25T11:00:00Z") } });
  await db.taskAssignment.createMany({
    data: [
      { taskId: task.id, contactId: siti.id, status: "done", respondedAt: at("2026-11-22T00:00:00Z"), doneAt: at("2026-11-23T00:00:00Z"), proofKind: "link", proof: "https://example.org/foto" },
      { taskId: closed.id, contactId: budi.id, status: "declined" },
    ],
  });
  await db.delivery.create({ data: { kind: "task_offer", taskId: task.id, contactId: siti.id, text: "Mau ikut?", choices: JSON.stringify([{ id: "yes", label: "Ya" }]), purpose: "volunteer_tasks", status: "queued", reason: "quiet_hours", notBefore: at("2026-11-22T23:00:00Z") } });
  await db.inboxItem.create({ data: { contactId: budi.id, kind: "question", text: "Boleh ikut?", language: "en", channel: "whatsapp", status: "answered", answeredAt: at("2026-11-22T05:00:00Z"), answeredBy: siti.id, answer: "Yes!" } });
  await db.inboxItem.create({ data: { contactId: anon.id, kind: "handoff", text: "Saya mau bicara dengan orang", language: "id", channel: "console" } });
  const choice = await db.questionChoice.create({
    data: {
      contactId: budi.id, text: "duit", language: "id", channel: "whatsapp", options: JSON.stringify(["politik-uang", "dana-kampanye"]), chosen: "politik-uang",
      status: "added", createdAt: at("2026-11-22T06:00:00Z"), chosenAt: at("2026-11-22T06:00:05Z"), reviewedAt: at("2026-11-22T07:00:00Z"), reviewedBy: siti.id,
    },
  });
  await db.faqVariant.create({ data: { faqId: "politik-uang", language: "id", text: "duit", choiceId: choice.id, addedBy: siti.id, createdAt: at("2026-11-22T07:00:00Z") } });
  await db.junkMessage.create({ data: { channel: "telegram", createdAt: at("2026-11-22T07:30:00Z") } });
  await db.auditEntry.create({ data: { actor: siti.id, action: "broadcast.send", target: broadcast.id, details: JSON.stringify({ recipients: 2 }), at: at("2026-11-21T03:00:00Z") } });
  await db.regionTarget.create({ data: { regionCode: "32.73", registeredVoters: 1_820_000, pollingStations: 7000, targetVolunteers: null, targetSupporters: 600_000, updatedAt: at("2026-11-21T02:00:00Z"), updatedBy: "cli" } });
  const sitiVolunteer = await db.volunteer.findUniqueOrThrow({ where: { contactId: siti.id } });
  await db.canvassReport.create({
    data: {
      volunteerId: sitiVolunteer.id, regionCode: "32.73.02.1004", households: 20, supporters: 8, undecided: 5, leaningElsewhere: 2, notHome: 3,
      photo: "telegram:AgACfoto", createdAt: at("2026-11-22T08:00:00.123Z"), updatedAt: at("2026-11-22T08:10:00Z"), withdrawnAt: null,
      issues: { create: [{ programmeId: "kesehatan" }, { text: "jalan rusak" }] },
    },
  });
  await db.dashboardLink.create({ data: { tokenHash: "a".repeat(64), contactId: siti.id, createdAt: at("2026-11-22T09:00:00Z"), expiresAt: at("2026-11-22T09:10:00Z"), usedAt: at("2026-11-22T09:01:00Z") } });
  await db.dashboardSession.create({ data: { tokenHash: "b".repeat(64), contactId: siti.id, createdAt: at("2026-11-22T09:01:00Z"), expiresAt: at("2026-11-22T21:01:00Z") } });
  await db.processLease.create({ data: { name: "telegram-polling", holder: "abc", host: "posko-1", pid: 4242, role: "bot", acquiredAt: at("2026-11-21T00:00:00Z"), leaseUntil: at("2026-11-21T00:00:30Z") } });
}

const models = Object.values(Prisma.ModelName);
type Row = Record<string, unknown>;
const delegate = (db: Database, model: string) => (db as unknown as Record<string, { findMany(): Promise<Row[]>; count(): Promise<number> }>)[model.charAt(0).toLowerCase() + model.slice(1)]!;
// Sorted here, not in SQL: PostgreSQL's collation may order text ids differently from SQLite.
const allRows = async (db: Database, model: string) => (await delegate(db, model).findMany()).sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1));

describe.skipIf(!postgresUp)("copyDatabase from SQLite to PostgreSQL", () => {
  it("copies every row of every model, value for value, and says so per table", async () => {
    const source = await openSqliteSource();
    await seedCampaign(source.db);
    // The seed must reach every model, or a model added later would be copied untested.
    for (const model of models) expect(await delegate(source.db, model).count(), `${model} has no seeded row`).toBeGreaterThan(0);
    const target = await openPostgresTarget();

    const progress: string[] = [];
    // Pages of 2 rows: several pages per table, including the composite keys of ContactTag and InboundReceipt.
    const result = await copyDatabase(source.db, target.db, { batchSize: 2, onProgress: (p) => progress.push(`${p.model} ${p.copied}/${p.total}`) });

    expect(result.status).toBe("copied");
    if (result.status !== "copied") return;
    expect(result.tables.map((t) => t.model).sort()).toEqual([...models].sort());
    for (const table of result.tables) expect(table.target, table.model).toBe(table.source);
    expect(result.tables.find((t) => t.model === "ChannelIdentity")).toEqual({ model: "ChannelIdentity", table: "ChannelIdentity", source: 4, target: 4 });
    expect(result.rows).toBe(result.tables.reduce((sum, t) => sum + t.source, 0));
    expect(result.migrationsApplied.length).toBeGreaterThan(0);
    expect(progress).toContain("InboundReceipt 3/3");
    // Parents before children, as the foreign keys on the target require.
    const order = result.tables.map((t) => t.model);
    expect(order.indexOf("Contact")).toBeLessThan(order.indexOf("ChannelIdentity"));
    expect(order.indexOf("Broadcast")).toBeLessThan(order.indexOf("Delivery"));
    expect(order.indexOf("Task")).toBeLessThan(order.indexOf("TaskAssignment"));

    // Value for value, but for the name search's words: SQLite's rows, PostgreSQL's Contact.searchWords (contactSearchWords).
    for (const model of models.filter((m) => m !== "Contact" && m !== "ContactNameWord" && m !== "ContactTag")) expect(await allRows(target.db, model), model).toEqual(await allRows(source.db, model));
    const words = await source.db.contactNameWord.findMany({ orderBy: { word: "asc" } });
    const wordsOf = (id: unknown) => words.filter((w) => w.contactId === id).map((w) => w.word).join(" ") || null;
    const byId = (a: Row, b: Row) => (String(a.id) < String(b.id) ? -1 : 1);
    expect((await allRows(target.db, "Contact")).sort(byId)).toEqual((await allRows(source.db, "Contact")).map((c) => ({ ...c, searchWords: wordsOf(c.id) })).sort(byId));
    expect(await target.db.contactNameWord.count()).toBe(0);
    // Tags likewise, onto Contact.tagList.
    expect(await target.db.contactTag.count()).toBe(0);
    const tagsOf = async (db: Database) => [...(await readTagsOfContacts(db, (await db.contact.findMany({ select: { id: true } })).map((c) => c.id))).entries()].sort();
    expect(await tagsOf(target.db)).toEqual(await tagsOf(source.db));
    expect((await tagsOf(target.db)).map(([, tags]) => tags)).toEqual(expect.arrayContaining([["bandung", "koordinator", "relawan"], ["relawan"]]));
    expect((await target.db.contact.findMany({ where: { searchWords: { not: null } }, select: { searchWords: true }, orderBy: { searchWords: "asc" } })).map((c) => c.searchWords)).toEqual(["aminah siti", "budi"]);
    const siti = await target.db.contact.findUniqueOrThrow({ where: { phone: "+6281234567890" } });
    expect(siti.createdAt).toEqual(new Date("2026-11-01T01:02:03.456Z"));
    expect(siti.updatesConsent).toBe(true);
    const budi = await target.db.contact.findFirstOrThrow({ where: { name: "Budi" } });
    expect([budi.optedOut, budi.updatesConsent]).toEqual([true, false]);
    const state = await target.db.conversationState.findUniqueOrThrow({ where: { contactId: budi.id } });
    expect(JSON.parse(state.data)).toEqual({ name: "Budi", answers: { language: "en" }, n: 2 });
    // @updatedAt columns keep the source's time rather than the moment of the copy.
    const segment = await source.db.segment.findFirstOrThrow();
    expect((await target.db.segment.findFirstOrThrow()).updatedAt).toEqual(segment.updatedAt);
  }, 60_000);

  it("resets the id sequences, so the next task and inbox item get new numbers", async () => {
    const source = await openSqliteSource();
    await seedCampaign(source.db);
    const target = await openPostgresTarget();
    expect((await copyDatabase(source.db, target.db)).status).toBe("copied");

    const segment = await target.db.segment.findFirstOrThrow();
    const task = await target.db.task.create({ data: { title: "Baru", instructions: "-", segmentId: segment.id, deadline: new Date(), createdBy: "cli" } });
    expect(task.id).toBe(3);
    const contact = await target.db.contact.findFirstOrThrow();
    const item = await target.db.inboxItem.create({ data: { contactId: contact.id, kind: "question", text: "?", language: "id", channel: "console" } });
    expect(item.id).toBe(3);
  }, 60_000);

  it("starts an empty sequence at 1 when the source has no rows of that model", async () => {
    const source = await openSqliteSource();
    const target = await openPostgresTarget();
    const result = await copyDatabase(source.db, target.db);
    expect(result).toMatchObject({ status: "copied", rows: 0 });
    const contact = await target.db.contact.create({ data: {} });
    expect((await target.db.inboxItem.create({ data: { contactId: contact.id, kind: "question", text: "?", language: "id", channel: "console" } })).id).toBe(1);
  }, 60_000);

  it("refuses a target that already holds a Relawan campaign, and leaves it as it was", async () => {
    const source = await openSqliteSource();
    await seedCampaign(source.db);
    const target = await openPostgresTarget();
    await applyMigrations(target.db);
    await target.db.contact.create({ data: { name: "Already here" } });

    const result = await copyDatabase(source.db, target.db);

    expect(result).toEqual({ status: "target_not_empty", tables: ["public.Contact"] });
    expect(await target.db.contact.findMany({ select: { name: true } })).toEqual([{ name: "Already here" }]);
    expect(await target.db.segment.count()).toBe(0);
  }, 60_000);

  it("refuses a database holding someone else's data without migrating it", async () => {
    const source = await openSqliteSource();
    await seedCampaign(source.db);
    const target = await openPostgresTarget();
    await target.db.$executeRawUnsafe(`CREATE TABLE "orders" ("id" INTEGER PRIMARY KEY)`);
    await target.db.$executeRawUnsafe(`INSERT INTO "orders" VALUES (1)`);

    expect(await copyDatabase(source.db, target.db)).toEqual({ status: "target_not_empty", tables: ["public.orders"] });
    const tables = await target.db.$queryRawUnsafe<{ name: string }[]>(`SELECT tablename::text AS "name" FROM pg_tables WHERE schemaname = 'public'`);
    expect(tables.map((t) => t.name)).toEqual(["orders"]);
  }, 60_000);

  it("refuses a source with a table no model describes, rather than dropping its rows", async () => {
    const source = await openSqliteSource();
    await source.db.$executeRawUnsafe(`CREATE TABLE "Leftover" ("id" INTEGER PRIMARY KEY, "note" TEXT)`);
    await source.db.$executeRawUnsafe(`INSERT INTO "Leftover" VALUES (1, 'old')`);
    const target = await openPostgresTarget();
    expect(await copyDatabase(source.db, target.db)).toEqual({ status: "unknown_tables", tables: ["Leftover"] });
  }, 60_000);

  it("rolls everything back when the source changes during the copy (the bot was left running)", async () => {
    const source = await openSqliteSource();
    await seedCampaign(source.db);
    const target = await openPostgresTarget();
    // The bot, in its own process: a new person writes in just after Contact was copied.
    const bot = new BetterSqlite3(sqlitePath(source.url));
    cleanup.push(async () => void bot.close());
    const result = await copyDatabase(source.db, target.db, {
      onProgress: ({ model, copied, total }) => {
        if (model === "Contact" && copied === total && copied > 0) bot.prepare(`INSERT INTO "Contact" ("id", "name") VALUES ('late', 'Late')`).run();
      },
    });

    expect(result.status).toBe("count_mismatch");
    if (result.status !== "count_mismatch") return;
    expect(result.tables.filter((t) => t.source !== t.target)).toEqual<TableCount[]>([{ model: "Contact", table: "Contact", source: 4, target: 3 }]);
    for (const model of models) expect(await delegate(target.db, model).count(), model).toBe(0);
  }, 60_000);

  it("will not write into a SQLite database", async () => {
    const source = await openSqliteSource();
    const other = await openSqliteSource();
    await expect(copyDatabase(source.db, other.db)).rejects.toThrow("must be PostgreSQL");
  });
});

describe("listModelsInCopyOrder", () => {
  const ref = (model: string, fields: string[], nullable = false) => ({ model, fields, nullable });

  it("puts parents before children and otherwise keeps the given order", () => {
    const order = listModelsInCopyOrder([
      { model: "Delivery", references: [ref("Broadcast", ["broadcastId"], true)] },
      { model: "AuditEntry", references: [] },
      { model: "Broadcast", references: [ref("Segment", ["segmentId"])] },
      { model: "Segment", references: [] },
    ]);
    expect(order).toEqual([
      { model: "AuditEntry", deferred: [] },
      { model: "Segment", deferred: [] },
      { model: "Broadcast", deferred: [] },
      { model: "Delivery", deferred: [] },
    ]);
  });

  it("defers a nullable self-reference (a contact referred by another contact) to a second pass", () => {
    const order = listModelsInCopyOrder([
      { model: "Volunteer", references: [ref("Contact", ["contactId"])] },
      { model: "Contact", references: [ref("Contact", ["referredById"], true)] },
    ]);
    expect(order).toEqual([
      { model: "Contact", deferred: ["referredById"] },
      { model: "Volunteer", deferred: [] },
    ]);
  });

  it("breaks a loop between two models at its nullable side only", () => {
    const order = listModelsInCopyOrder([
      { model: "Other", references: [ref("A", ["aId"], true)] },
      { model: "A", references: [ref("B", ["bId"])] },
      { model: "B", references: [ref("A", ["aId"], true)] },
    ]);
    expect(order).toEqual([
      { model: "B", deferred: ["aId"] },
      { model: "A", deferred: [] },
      { model: "Other", deferred: [] },
    ]);
  });

  it("throws on a loop of required keys, which no order can satisfy", () => {
    expect(() =>
      listModelsInCopyOrder([
        { model: "A", references: [ref("B", ["bId"])] },
        { model: "B", references: [ref("A", ["aId"])] },
      ]),
    ).toThrow("Cannot order A, B");
  });
});
