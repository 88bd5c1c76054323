// Several PostgreSQL writers at once (ImportSettings.writers) must leave exactly what one writer
// leaves: the same people, identities, tags, name words and consents, the same counts, row
// errors and progress, for rows of one person spread over batches and over writers. On SQLite
// (one writer) both imports below run the same way, which the comparison also holds.
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readContactTags, readTagsOfContacts } from "../../../src/domain/contacts/contactTags.js";
import { splitImportBatch } from "../../../src/domain/imports/splitImportBatch.js";
import type { ImportRow } from "../../../src/domain/imports/types.js";
import { createTestDatabase, testDialect, type TestDatabase } from "../../support/createTestDatabase.js";
import { createCsvFolder, importFile } from "./support.js";

let parallel: TestDatabase;
let single: TestDatabase;
let folder: ReturnType<typeof createCsvFolder>;
beforeEach(async () => {
  [parallel, single] = await Promise.all([createTestDatabase(), createTestDatabase()]);
  folder = createCsvFolder();
});
afterEach(async () => {
  await Promise.all([parallel.close(), single.close()]);
  folder.remove();
});

const header = "nama,telepon,telegram_id,kode_wilayah,bahasa,tag,persetujuan,sumber_persetujuan,tanggal_persetujuan";
const phone = (i: number) => `0813${String(20_000_000 + i)}`;
const telegram = (i: number) => String(700_000 + i);

/** The name search's words of a contact, where either database keeps them (contactSearchWords). */
function searchWordsOf(contact: { searchWords: string | null; nameWords: { word: string }[] }): string[] {
  return [...(contact.searchWords?.split(" ") ?? []), ...contact.nameWords.map((w) => w.word)].sort();
}

/** Everyone in the database as comparable values (no generated ids), sorted. */
async function everyone(store: TestDatabase) {
  const contacts = await store.db.contact.findMany({ include: { identities: true, consents: true, nameWords: true } });
  const tags = await readTagsOfContacts(store.db, contacts.map((c) => c.id));
  return contacts
    .map((c) =>
      JSON.stringify({
        name: c.name,
        phone: c.phone,
        language: c.language,
        regionCode: c.regionCode,
        optedOut: c.optedOut,
        updatesConsent: c.updatesConsent,
        reach: c.reach,
        identities: c.identities.map((i) => `${i.channel}:${i.externalId}`).sort(),
        tags: tags.get(c.id) ?? [],
        words: searchWordsOf(c),
        consents: c.consents.map((r) => `${r.purpose}|${r.granted}|${r.source}|${r.recordedAt.toISOString()}|${r.textKey}|${r.channel}`).sort(),
      }),
    )
    .sort();
}

/** Imports `lines` into both databases, with two writers and with one, and expects the same of both. */
async function importBoth(name: string, lines: string[], batchSize: number) {
  const path = folder.write(name, `${[header, ...lines].join("\n")}\n`);
  const run = async (store: TestDatabase, writers: number) => {
    const progress: number[] = [];
    const errorsPath = `${path}.${writers}.errors.csv`;
    const outcome = await importFile(store.db, path, { batchSize, writers, errorsPath, onProgress: (p) => progress.push(p.rows) });
    if (outcome.status !== "done") throw new Error(`refused: ${JSON.stringify(outcome)}`);
    const { seconds: _seconds, errorsPath: written, ...report } = outcome.report;
    return { report, progress, errors: written ? folder.read(written) : "" };
  };
  const [two, one] = await Promise.all([run(parallel, 2), run(single, 1)]);
  expect(two).toEqual(one);
  expect(await everyone(parallel)).toEqual(await everyone(single));
  return one.report;
}

describe("importing with two PostgreSQL writers", () => {
  it("links rows of one person through their phone and Telegram id, in the same batch and across batches", async () => {
    const lines: string[] = [];
    for (let i = 0; i < 40; i++) {
      // Phone alone, Telegram id alone, then both: two people by then, so the third row is a conflict.
      lines.push(`Ana ${i},${phone(i)},,,,a${i % 3},ya,form,2026-03-01`, `Budi ${i},,${telegram(i)},,,b,,,`, `Cici ${i},${phone(i)},${telegram(i)},,,c,,,`);
      // Both first, then each alone with more tags and a later consent: all merge into one.
      lines.push(`,${phone(100 + i)},${telegram(100 + i)},,,d,,,`, `Dodi ${i},${phone(100 + i)},,32.73,en,e,ya,posko,2026-04-0${1 + (i % 9)}`, `Eka ${i},,${telegram(100 + i)},,,f,tidak,,`);
      // A link between two people, made by a row far from both: phone of one, Telegram id of the other.
      lines.push(`Fajar ${i},${phone(200 + i)},,,,g,,,`, `Gita ${i},,${telegram(200 + i)},,,h,,,`);
      if (i >= 5) lines.push(`Hadi ${i},${phone(200 + i - 5)},${telegram(200 + i - 5)},,,i,,,`);
      if (i % 10 === 9) lines.push(`Rusak ${i},0812-xx,,,,,,,`);
    }
    const report = await importBoth("links.csv", lines, 7);
    expect(report.created).toBeGreaterThan(0);
    expect(report.merged).toBeGreaterThan(0);
    expect(report.invalid).toBeGreaterThan(40);
  });

  it("touches a person already in the database from one writer only, though rows find them by phone and by Telegram id apart", async () => {
    // Everyone here first without a name; then a file names each of them twice, once by phone and
    // once by Telegram id, in the same batch: the first name stays, as with one writer.
    const base = Array.from({ length: 30 }, (_, i) => `,${phone(i)},${telegram(i)},,,lama,,,`);
    await importBoth("base.csv", base, 1_000);
    const lines = Array.from({ length: 30 }, (_, i) => [`Ana ${i},${phone(i)},,,,x,ya,form,2026-05-01`, `Budi ${i},,${telegram(i)},,en,y,tidak,,`]).flat();
    const report = await importBoth("names.csv", lines, 10);
    expect(report).toMatchObject({ created: 0, merged: 60, invalid: 0 });
    const ana = await parallel.db.contact.findUniqueOrThrow({ where: { phone: "+6281320000003" }, include: { nameWords: true } });
    expect([ana.name, searchWordsOf(ana)]).toEqual(["Ana 3", ["3", "ana"]]);
  });

  it("lets a batch that finds a person the batch before it is still writing wait for it, by whichever key each found them", async () => {
    // People already in the database with both keys; the file names each by phone at the end of one
    // batch and by Telegram id at the start of the next, which is written while the first still is.
    const base = Array.from({ length: 40 }, (_, i) => `,${phone(i)},${telegram(i)},,,lama,,,`);
    await importBoth("base.csv", base, 1_000);
    const lines = Array.from({ length: 40 }, (_, i) => [`Ana ${i},${phone(i)},,,,x,ya,form,2026-05-0${1 + (i % 9)}`, `Budi ${i},,${telegram(i)},,en,y,ya,posko,2026-05-0${1 + ((i + 4) % 9)}`]).flat();
    // Batches of 3 rows put the two rows of every third person in two batches in a row.
    const report = await importBoth("split.csv", lines, 3);
    expect(report).toMatchObject({ created: 0, merged: 80, invalid: 0, consentRecorded: 80 });
    const ana = await parallel.db.contact.findUniqueOrThrow({ where: { phone: "+6281320000002" }, include: { consents: true } });
    expect([ana.name, ana.consents.map((c) => c.source).sort()]).toEqual(["Ana 2", ["form", "posko"]]);
  });

  it("adds nothing the second time the same file is imported", async () => {
    const lines = Array.from({ length: 200 }, (_, i) => `Orang ${i},${phone(i % 150)},${i % 2 === 0 ? telegram(i % 120) : ""},,,t${i % 4},ya,form,2026-0${1 + (i % 9)}-1${i % 10}`);
    await importBoth("twice.csv", lines, 25);
    const again = await importBoth("twice.csv", lines, 25);
    expect(again.created).toBe(0);
    expect(again.consentRecorded).toBe(0);
  });
});

/**
 * Imports 20 new people while another session (the bot, say) has run `held` in a transaction that it
 * commits only once an import writer waits for it.
 */
async function importWhileTheBotHolds(held: string, writers: number) {
  const bot = new pg.Client({ connectionString: parallel.url });
  await bot.connect();
  try {
    await bot.query("BEGIN");
    await bot.query(held);
    const path = folder.write("race.csv", `${[header, ...Array.from({ length: 20 }, (_, i) => `Orang ${i},${phone(i)},,,,impor,ya,form,2026-03-01`)].join("\n")}\n`);
    const importing = importFile(parallel.db, path, { batchSize: 100, writers });
    const waiting = async () => (await parallel.db.$queryRaw<{ n: number }[]>`SELECT count(*)::int AS n FROM pg_stat_activity WHERE "datname" = current_database() AND "wait_event_type" = 'Lock'`)[0]!.n;
    for (let tries = 0; (await waiting()) === 0; tries++) {
      if (tries > 200) throw new Error("no import writer waited for the bot");
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    await bot.query("COMMIT");
    return await importing;
  } finally {
    await bot.end();
  }
}

describe("a writer that fails after the lookups", () => {
  it.skipIf(testDialect !== "postgresql")("is rolled back and its rows written again once the others committed: none lost, none twice", async () => {
    // Another session (the bot, say) adds someone with one of the file's phones and commits only once
    // an import writer waits for that phone: the writer's insert then breaks the unique phone.
    const held = `INSERT INTO "Contact" ("id", "phone", "name") VALUES ('bot-added', '+6281320000005', 'Dari bot')`;
    expect(await importWhileTheBotHolds(held, 2)).toMatchObject({ status: "done", report: { created: 19, merged: 1, invalid: 0, consentRecorded: 20 } });
    expect(await parallel.db.contact.count()).toBe(20);
    const merged = await parallel.db.contact.findUniqueOrThrow({ where: { phone: "+6281320000005" }, include: { consents: true } });
    expect([merged.id, merged.name, await readContactTags(parallel.db, merged.id), merged.consents.length]).toEqual(["bot-added", "Dari bot", ["impor"], 1]);
    expect(await parallel.db.consentRecord.count()).toBe(20);
  });
});

describe("a WhatsApp number taken by another session after the lookups", () => {
  it.skipIf(testDialect !== "postgresql").each([1, 2])("stays with its owner, the batch written again (%i writers)", async (writers) => {
    // The bot gives one of the file's numbers to someone of its own and commits only once an import
    // writer waits for that number: the writer's identities then break the unique key.
    await parallel.db.$executeRawUnsafe(`INSERT INTO "Contact" ("id", "name", "reach") VALUES ('bot-added', 'Dari bot', 'reachable')`);
    const held = `INSERT INTO "ChannelIdentity" ("id", "contactId", "channel", "externalId") VALUES ('bot-wa', 'bot-added', 'whatsapp', '6281320000005')`;
    expect(await importWhileTheBotHolds(held, writers)).toMatchObject({ status: "done", report: { created: 20, merged: 0, invalid: 0, consentRecorded: 20 } });
    const identity = await parallel.db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: "whatsapp", externalId: "6281320000005" } } });
    expect(identity.contactId).toBe("bot-added");
    const reach = await parallel.db.contact.findMany({ where: { phone: { not: null } }, select: { phone: true, reach: true } });
    expect(reach.filter((c) => c.reach !== "reachable")).toEqual([{ phone: "+6281320000005", reach: "no_account" }]);
    expect(await parallel.db.channelIdentity.count()).toBe(20);
  });
});

describe("splitting a batch between writers", () => {
  const row = (line: number, phone?: string, telegramId?: string): ImportRow => ({ line, phone, telegramId, tags: [], declined: false, optedOut: false }) as unknown as ImportRow;

  it("keeps rows linked by any key in one group, in file order, and balances the rest", () => {
    const rows = [row(2, "+1"), row(3, undefined, "t1"), row(4, "+2"), row(5, "+3"), row(6, "+1", "t1"), row(7, undefined, "t9"), row(8, "+3")];
    const groups = splitImportBatch(rows, 2).map((group) => group.map((r) => r.line));
    expect(groups).toEqual([
      [2, 3, 6, 7],
      [4, 5, 8],
    ]);
    expect(splitImportBatch(rows, 1).map((group) => group.length)).toEqual([7]);
    expect(splitImportBatch([row(2, "+1"), row(3, "+1")], 4).map((group) => group.length)).toEqual([2]);
  });
});
