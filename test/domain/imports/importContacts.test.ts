// `importContacts` on a real SQLite file: broken files, merges, consent and STOP.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { addContactTags, readContactTags, readTagsOfContacts } from "../../../src/domain/contacts/contactTags.js";
import { createTestDatabase, testDialect, type TestDatabase } from "../../support/createTestDatabase.js";
import { createCsvFolder, importFile, importNow } from "./support.js";

let store: TestDatabase;
let folder: ReturnType<typeof createCsvFolder>;
beforeEach(async () => {
  store = await createTestDatabase();
  folder = createCsvFolder();
});
afterEach(async () => {
  await store.close();
  folder.remove();
});

const header = "nama,telepon,telegram_id,kode_wilayah,bahasa,tag,persetujuan,sumber_persetujuan,tanggal_persetujuan";

/** Contact, tags, identities and consent history, for comparing whole people. */
async function personByPhone(phone: string) {
  const contact = await store.db.contact.findUniqueOrThrow({
    where: { phone },
    include: { identities: true, consents: { orderBy: [{ recordedAt: "asc" }, { id: "asc" }] } },
  });
  return { ...contact, tags: (await readContactTags(store.db, contact.id)).map((tag) => ({ tag })) };
}

/** How many tags everyone has together. */
async function tagCount(): Promise<number> {
  const ids = (await store.db.contact.findMany({ select: { id: true } })).map((c) => c.id);
  return [...(await readTagsOfContacts(store.db, ids)).values()].reduce((sum, tags) => sum + tags.length, 0);
}

async function nothingWritten() {
  expect(await store.db.contact.count()).toBe(0);
  expect(await store.db.consentRecord.count()).toBe(0);
  expect(await store.db.auditEntry.count()).toBe(0);
}

describe("a deliberately broken CSV", () => {
  const lines = [
    header,
    "Budi Santoso,0812-3456-7890,,32.73,id,posko-a;saksi,ya,formulir posko,2026-03-01",
    "Siti,abc,,,,,,,",
    "Joko,0812 111,,,,,,,",
    "Rina,081311112222,,99.99,,,,,",
    "Ani,081322223333",
    ",,,,,,,,",
    "Dewi,081344445555,,,fr,,,,",
    "Eko,081355556666,,,,,mungkin,,",
    "Budi S.,+6281234567890,777001,,en,relawan|posko-a,ya,wa,2026-04-01",
    "Fajar,081366667777,,,,,ya,,31/02/2026",
    "Gita,081377778888,12ab,,,,,,",
    "Kosong,,,,,,ya,,",
    'Budi "Bob",081399990000,,,,,,,',
    "Lina,081311114444,,32.73.01,EN,,Yes,,2026-01-15 08:30",
    "Lina,081311114444,,,,,,,",
    '"Hadi,081388889999,,,,,,,',
    "Iwan,081311113333,,,,,,,",
  ];

  it("imports the valid rows, reports each invalid one with its line and reason, and writes them all to <file>.errors.csv", async () => {
    const path = folder.write("kontak.csv", `${lines.join("\n")}\n`);
    const outcome = await importFile(store.db, path);
    if (outcome.status !== "done") throw new Error(`refused: ${JSON.stringify(outcome)}`);
    const { report } = outcome;
    expect(report).toMatchObject({
      file: "kontak.csv",
      rowsRead: 15,
      created: 2,
      merged: 2,
      invalid: 11,
      consentRecorded: 3,
      consentNotApplied: 0,
      skipped: 1,
      ignoredColumns: [],
      noConsentColumn: false,
      errorsPath: `${path}.errors.csv`,
    });
    expect(report.invalidRows.map((row) => [row.line, row.problem.code])).toEqual([
      [3, "phone"],
      [4, "phone"],
      [5, "region"],
      [6, "field_count"],
      [8, "language"],
      [9, "yes_no"],
      [11, "consent_date"],
      [12, "telegram_id"],
      [13, "no_key"],
      [14, "csv"],
      [17, "unclosed_quote"],
    ]);

    const errors = folder.read(`${path}.errors.csv`).replace(/^\uFEFF/, "").split("\n");
    expect(errors[0]).toBe(`line,reason,${header}`);
    expect(errors[1]).toBe('3,"phone ""abc"": not a phone number",Siti,abc,,,,,,,');
    expect(errors[4]).toBe("6,has 2 fields; the header has 9,Ani,081322223333");
    expect(errors[5]).toBe('8,"unknown language ""fr"" (one of: id, en)",Dewi,081344445555,,,fr,,,,');
    expect(errors[11]).toMatch(/^17,"a quote opened here is never closed/);
    expect(errors).toHaveLength(13);

    // The later Budi row (same phone) merged into the first: tags united, consent history appended,
    // the Telegram id added, the name and language of the first row kept.
    const budi = await personByPhone("+6281234567890");
    expect(budi).toMatchObject({ name: "Budi Santoso", language: "id", regionCode: "32.73", updatesConsent: true, optedOut: false, createdAt: importNow });
    expect(budi.tags.map((t) => t.tag)).toEqual(["posko-a", "relawan", "saksi"]);
    expect(budi.identities.map((i) => [i.channel, i.externalId]).sort()).toEqual([
      ["telegram", "777001"],
      ["whatsapp", "6281234567890"],
    ]);
    expect(budi.consents.map((c) => [c.purpose, c.granted, c.source, c.recordedAt.toISOString(), c.textKey, c.channel])).toEqual([
      ["updates", true, "formulir posko", "2026-02-28T17:00:00.000Z", "import.updates", "import"],
      ["updates", true, "wa", "2026-03-31T17:00:00.000Z", "import.updates", "import"],
    ]);
    const lina = await personByPhone("+6281311114444");
    expect(lina).toMatchObject({ language: "en", regionCode: "32.73.01", updatesConsent: true });
    expect(lina.consents.map((c) => [c.source, c.recordedAt.toISOString()])).toEqual([["import", "2026-01-15T01:30:00.000Z"]]);
    expect(await store.db.contact.count()).toBe(2);

    const audit = await store.db.auditEntry.findFirstOrThrow();
    expect(audit).toMatchObject({ actor: "cli", action: "import", target: "kontak.csv", at: importNow });
    expect(JSON.parse(audit.details ?? "{}")).toMatchObject({ rowsRead: 15, created: 2, merged: 2, invalid: 11, consentRecorded: 3, complete: true });
  });

  it("merges duplicates that land in different batches", async () => {
    const path = folder.write("kontak.csv", `${lines.join("\n")}\n`);
    const outcome = await importFile(store.db, path, { batchSize: 1 });
    expect(outcome).toMatchObject({ status: "done", report: { created: 2, merged: 2, invalid: 11, consentRecorded: 3 } });
    expect((await personByPhone("+6281234567890")).tags.map((t) => t.tag)).toEqual(["posko-a", "relawan", "saksi"]);
  });
});

describe("files refused before anything is written", () => {
  it("refuses a file with neither a phone nor a Telegram id column, naming the columns it found", async () => {
    const path = folder.write("tanpa-kunci.csv", "nama,email\nBudi,budi@example.org\n");
    expect(await importFile(store.db, path)).toEqual({ status: "refused", problem: { code: "no_key_column", columns: ["nama", "email"] } });
    await nothingWritten();
    expect(folder.exists(`${path}.errors.csv`)).toBe(false);
  });

  // One import each: every import starts the reading thread, about a second apiece on a busy machine.
  const pdf = Buffer.concat([Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n", "latin1"), Buffer.alloc(200)]);
  it.each([
    ["UTF-16", "utf16.csv", Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(`${header}\nBudi,081234567890,,,,,,,\n`, "utf16le")]), { code: "utf16" }],
    ["UTF-16 without a byte order mark", "utf16b.csv", Buffer.from(`${header}\nBudi,081234567890,,,,,,,\n`, "utf16le"), { code: "utf16" }],
    ["Latin-1 bytes", "latin1.csv", Buffer.from(`${header}\nBudi,081234567890,,,,,,,\nJos\xe9,081234567891,,,,,,,\n`, "latin1"), { code: "invalid_utf8", line: 3 }],
    ["a damaged Excel workbook", "kontak.xlsx", Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(100, 1)]), { code: "xlsx_unreadable" }],
    ["a PDF renamed .xlsx", "kontak.xlsx", pdf, { code: "pdf" }],
    ["a PDF renamed .csv", "kontak.csv", pdf, { code: "pdf" }],
    ["zero bytes", "nul.csv", Buffer.from(`${header}\nBudi,0812\u0000,,,,,,,\n`), { code: "binary" }],
    ["an empty file", "empty.csv", "", { code: "empty" }],
    ["a blank file", "blank.csv", "\n \r\n\n", { code: "empty" }],
    ["a header alone", "header.csv", `${header}\n`, { code: "header_only" }],
    ["a header and blank rows", "header2.csv", `${header}\n\n,,,,,,,,\n`, { code: "header_only" }],
  ])("refuses %s, saying which", async (_what, name, content, problem) => {
    expect(await importFile(store.db, folder.write(name, content))).toEqual({ status: "refused", problem });
    await nothingWritten();
  });

  it("refuses a missing file", async () => {
    expect(await importFile(store.db, `${folder.dir}/nope.csv`)).toEqual({ status: "refused", problem: { code: "not_found" } });
    await nothingWritten();
  });

  it("refuses two columns that mean the same thing", async () => {
    const path = folder.write("dua.csv", "Nama,Telepon,HP\nBudi,081234567890,081234567891\n");
    expect(await importFile(store.db, path)).toEqual({ status: "refused", problem: { code: "duplicate_column", column: "HP" } });
    await nothingWritten();
  });
});

describe("what a file may look like", () => {
  it("reads a UTF-8 BOM, semicolons, English or Indonesian headers in any case, and names the ignored columns", async () => {
    const path = folder.write("excel.csv", `\uFEFFName;PHONE;Telegram ID;Region Code;Language;Tags;Consent;Email\r\nAni;0813-2222-3333;555;32;English;a | b;true;ani@example.org\r\n`);
    const outcome = await importFile(store.db, path);
    expect(outcome).toMatchObject({ status: "done", report: { created: 1, invalid: 0, consentRecorded: 1, ignoredColumns: ["Email"] } });
    const ani = await personByPhone("+6281322223333");
    expect(ani).toMatchObject({ name: "Ani", language: "en", regionCode: "32", updatesConsent: true });
    expect(ani.tags.map((t) => t.tag)).toEqual(["a", "b"]);
    expect(ani.identities.map((i) => i.externalId).sort()).toEqual(["555", "6281322223333"]);
    // The consent is dated when the import ran; its source says where it came from.
    expect(ani.consents.map((c) => [c.source, c.recordedAt])).toEqual([["import", importNow]]);
    expect(folder.exists(`${path}.errors.csv`)).toBe(false);
  });

  it("imports rows without consent as contacts who get no broadcasts, and says when there is no consent column", async () => {
    const path = folder.write("tanpa-izin.csv", "nama,hp\nBudi,081234567890\n");
    const outcome = await importFile(store.db, path);
    expect(outcome).toMatchObject({ status: "done", report: { created: 1, consentRecorded: 0, noConsentColumn: true } });
    expect(await personByPhone("+6281234567890")).toMatchObject({ updatesConsent: null, optedOut: false, consents: [] });
    // An explicit no starts a new contact at "no", still without a record of its own.
    const declined = folder.write("tidak.csv", "nama,hp,persetujuan\nSiti,081311112222,tidak\nAni,081322223333,\n");
    expect(await importFile(store.db, declined)).toMatchObject({ status: "done", report: { created: 2, consentRecorded: 0, noConsentColumn: false } });
    expect(await personByPhone("+6281311112222")).toMatchObject({ updatesConsent: false, consents: [] });
    expect(await personByPhone("+6281322223333")).toMatchObject({ updatesConsent: null, consents: [] });
  });

  it("drops the tags Relawan derives itself, so a file cannot make someone a volunteer", async () => {
    const path = folder.write("tags.csv", "phone,tags\n081234567890,role:volunteer;lang:en;region:32;posko\n");
    await importFile(store.db, path);
    expect((await personByPhone("+6281234567890")).tags.map((t) => t.tag)).toEqual(["posko"]);
  });
});

describe("merging into contacts that already exist", () => {
  async function existingContact(data: { phone?: string; telegram?: string; name?: string; optedOut?: boolean; updatesConsent?: boolean | null; tags?: string[] }) {
    const contact = await store.db.contact.create({
      data: {
        name: data.name ?? null,
        phone: data.phone ?? null,
        optedOut: data.optedOut ?? false,
        updatesConsent: data.updatesConsent ?? null,
        createdAt: new Date("2026-01-01T00:00:00Z"),
        identities: data.telegram ? { create: { channel: "telegram", externalId: data.telegram } } : undefined,
      },
    });
    await addContactTags(store.db, contact.id, data.tags ?? []);
    return contact;
  }
  async function consentRecord(contactId: string, granted: boolean, at: string, source = "conversation") {
    await store.db.consentRecord.create({
      data: { contactId, purpose: "updates", granted, textKey: "consent.updates", textVersion: "1", language: "id", channel: "telegram", source, recordedAt: new Date(at) },
    });
  }

  it("by phone: keeps the existing tags, name and consent history, adds the file's", async () => {
    const siti = await existingContact({ phone: "+6281234567890", telegram: "9001", name: "Siti Aminah", updatesConsent: true, tags: ["lama"] });
    await consentRecord(siti.id, true, "2026-02-01T00:00:00Z");
    const path = folder.write("a.csv", `${header}\nSiti A.,081234567890,,32.73,en,baru,ya,kertas,2026-03-01\n`);
    expect(await importFile(store.db, path)).toMatchObject({ status: "done", report: { created: 0, merged: 1, consentRecorded: 1 } });
    const after = await personByPhone("+6281234567890");
    expect(after).toMatchObject({ id: siti.id, name: "Siti Aminah", language: "id", regionCode: "32.73", updatesConsent: true });
    expect(after.tags.map((t) => t.tag)).toEqual(["baru", "lama"]);
    expect(after.consents.map((c) => [c.source, c.recordedAt.toISOString()])).toEqual([
      ["conversation", "2026-02-01T00:00:00.000Z"],
      ["kertas", "2026-02-28T17:00:00.000Z"],
    ]);
  });

  it("by Telegram id: fills in the missing phone and adds tags and consent", async () => {
    const joko = await existingContact({ telegram: "424242", tags: ["lama"] });
    const path = folder.write("b.csv", "telegram_id,phone,tags,consent\n424242,081298765432,baru,ya\n");
    expect(await importFile(store.db, path)).toMatchObject({ status: "done", report: { created: 0, merged: 1, consentRecorded: 1 } });
    const after = await personByPhone("+6281298765432");
    expect(after.id).toBe(joko.id);
    expect(after.tags.map((t) => t.tag)).toEqual(["baru", "lama"]);
    expect(after.updatesConsent).toBe(true);
    expect(await store.db.contact.count()).toBe(1);
  });

  it("reports a row whose phone and Telegram id belong to two different people, and changes neither", async () => {
    const a = await existingContact({ phone: "+6281234567890", tags: ["a"] });
    const b = await existingContact({ telegram: "31337", tags: ["b"] });
    const path = folder.write("c.csv", "phone,telegram_id,tags,consent\n081234567890,31337,x,ya\n");
    const outcome = await importFile(store.db, path);
    expect(outcome).toMatchObject({ status: "done", report: { merged: 0, created: 0, invalid: 1, invalidRows: [{ line: 2, problem: { code: "conflict" } }] } });
    expect([await readContactTags(store.db, a.id), await readContactTags(store.db, b.id), await tagCount()]).toEqual([["a"], ["b"], 2]);
    expect(await store.db.consentRecord.count()).toBe(0);
  });

  it("never undoes a STOP: the yes is not recorded and the person stays opted out", async () => {
    const stopped = await existingContact({ phone: "+6281234567890", optedOut: true, updatesConsent: false });
    await consentRecord(stopped.id, false, "2026-02-01T00:00:00Z", "keyword");
    const path = folder.write("d.csv", `${header}\nBudi,081234567890,,,,baru,ya,kertas,2026-03-01\n`);
    expect(await importFile(store.db, path)).toMatchObject({ status: "done", report: { merged: 1, consentRecorded: 0, consentNotApplied: 1 } });
    const after = await personByPhone("+6281234567890");
    expect(after).toMatchObject({ optedOut: true, updatesConsent: false, name: "Budi" });
    expect(after.consents.map((c) => [c.granted, c.source])).toEqual([[false, "keyword"]]);
    expect(after.tags.map((t) => t.tag)).toEqual(["baru"]);
  });

  it("marks people the file says said STOP, with a withdrawal on record, and never the other way round", async () => {
    const subscribed = await existingContact({ phone: "+6281234567890", updatesConsent: true });
    const path = folder.write("e.csv", "phone,consent,opted_out\n081234567890,ya,ya\n081311112222,ya,yes\n081322223333,,no\n");
    expect(await importFile(store.db, path)).toMatchObject({ status: "done", report: { merged: 1, created: 2, optedOut: 2, consentRecorded: 0, consentNotApplied: 2 } });
    expect(await personByPhone("+6281234567890")).toMatchObject({ id: subscribed.id, optedOut: true, updatesConsent: false });
    const fresh = await personByPhone("+6281311112222");
    expect(fresh).toMatchObject({ optedOut: true, updatesConsent: false });
    expect(fresh.consents.map((c) => [c.granted, c.textKey])).toEqual([[false, "import.optOut"]]);
    expect(await personByPhone("+6281322223333")).toMatchObject({ optedOut: false, updatesConsent: null });
  });

  it("keeps a later no the person gave the bot, while still recording the older paper yes", async () => {
    const declined = await existingContact({ phone: "+6281234567890", updatesConsent: false });
    await consentRecord(declined.id, false, "2026-05-01T00:00:00Z");
    const path = folder.write("f.csv", `${header}\nBudi,081234567890,,,,,ya,kertas,2026-03-01\n`);
    expect(await importFile(store.db, path)).toMatchObject({ status: "done", report: { consentRecorded: 1 } });
    const after = await personByPhone("+6281234567890");
    expect(after.updatesConsent).toBe(false);
    expect(after.consents.map((c) => [c.granted, c.source])).toEqual([
      [true, "kertas"],
      [false, "conversation"],
    ]);
  });

  it("adds nothing the second time the same file is imported", async () => {
    const path = folder.write("g.csv", `${header}\nBudi,081234567890,111,,,a;b,ya,kertas,2026-03-01\nSiti,081311112222,,,,,ya,,\n`);
    expect(await importFile(store.db, path)).toMatchObject({ status: "done", report: { created: 2, consentRecorded: 2 } });
    const counts = async () => [await store.db.contact.count(), await tagCount(), await store.db.channelIdentity.count(), await store.db.consentRecord.count()];
    const before = await counts();
    expect(await importFile(store.db, path)).toMatchObject({ status: "done", report: { created: 0, merged: 2, consentRecorded: 0 } });
    expect(await counts()).toEqual(before);
  });

  it("adds no consent the second time for a row without a date, however much later, and keeps the first one", async () => {
    const path = folder.write("h.csv", `${header}\nSiti,081311112222,,,,,ya,,\n`);
    expect(await importFile(store.db, path)).toMatchObject({ status: "done", report: { created: 1, consentRecorded: 1 } });
    const later = new Date("2026-12-10T03:00:00Z");
    expect(await importFile(store.db, path, { now: later })).toMatchObject({ status: "done", report: { merged: 1, consentRecorded: 0 } });
    const siti = await personByPhone("+6281311112222");
    expect(siti.consents.map((c) => [c.source, c.recordedAt])).toEqual([["import", importNow]]);
  });

  it("leaves a WhatsApp identity with its owner when the file gives that number to someone else", async () => {
    const owner = await existingContact({ telegram: "5150" });
    await store.db.channelIdentity.create({ data: { contactId: owner.id, channel: "whatsapp", externalId: "6281234567890" } });
    await store.db.channelIdentity.create({ data: { contactId: owner.id, channel: "whatsapp", externalId: "6281311112222" } });
    const path = folder.write("i.csv", "phone,telegram_id,consent\n081234567890,,ya\n081311112222,7070,ya\n");
    expect(await importFile(store.db, path)).toMatchObject({ status: "done", report: { created: 2 } });
    const owners = await store.db.channelIdentity.findMany({ where: { channel: "whatsapp" }, select: { externalId: true, contactId: true }, orderBy: { externalId: "asc" } });
    expect(owners).toEqual([
      { externalId: "6281234567890", contactId: owner.id },
      { externalId: "6281311112222", contactId: owner.id },
    ]);
    // Someone new left without any identity has no account; with their Telegram id they are reachable.
    expect((await personByPhone("+6281234567890")).reach).toBe("no_account");
    const withTelegram = await personByPhone("+6281311112222");
    expect([withTelegram.reach, withTelegram.identities.map((i) => `${i.channel}:${i.externalId}`)]).toEqual(["reachable", ["telegram:7070"]]);
  });
});

describe("after an import on PostgreSQL", () => {
  it.skipIf(testDialect !== "postgresql")("the planner knows the tables' new sizes without waiting for autovacuum", async () => {
    const rows = Array.from({ length: 300 }, (_, i) => `Orang ${i},0813${String(10_000_000 + i)},,,,relawan,ya,formulir,2026-03-01`);
    const outcome = await importFile(store.db, folder.write("banyak.csv", `${[header, ...rows].join("\n")}\n`));
    expect(outcome).toMatchObject({ status: "done", report: { created: 300 } });
    const estimate = async (table: string) => {
      const [row] = await store.db.$queryRawUnsafe<Array<{ reltuples: number }>>(`SELECT reltuples::float8 AS reltuples FROM pg_class WHERE oid = '"${table}"'::regclass`);
      return Number(row?.reltuples);
    };
    // -1 means never analysed; ANALYZE reads every row of tables this small.
    expect(await estimate("Contact")).toBe(300);
    expect(await estimate("ChannelIdentity")).toBe(300);
    expect(await estimate("ConsentRecord")).toBe(300);
  });
});

describe("regions by village code and by name", () => {
  it("knows a village by its code when the file has no village column, even after rows without one", async () => {
    const path = folder.write(
      "kode.csv",
      ["nama,telepon,kode_wilayah", "Ani,081311110001,32.73.02", "Budi,081311110002,3273021004", "Cici,081311110003,32.73.02.9999"].join("\n"),
    );
    const outcome = await importFile(store.db, path);
    if (outcome.status !== "done") throw new Error(JSON.stringify(outcome));
    expect(outcome.report).toMatchObject({ created: 2, invalid: 1 });
    expect(outcome.report.invalidRows).toEqual([{ line: 4, problem: { code: "region", value: "32.73.02.9999" } }]);
    const codes = await store.db.contact.findMany({ orderBy: { phone: "asc" }, select: { regionCode: true } });
    expect(codes).toEqual([{ regionCode: "32.73.02" }, { regionCode: "32.73.02.1004" }]);
  });

  it("keeps a village code whole, resolves names level by level, and reports an ambiguous or unknown name with suggestions", async () => {
    const path = folder.write(
      "desa.csv",
      [
        "nama,telepon,kode_wilayah,provinsi,kabupaten_kota,kecamatan,desa_kelurahan",
        "Ani,081311110001,3273021004,,,,",
        "Budi,081311110002,,Jawa Barat,Kota Bandung,Coblong,Sekeloa",
        "Cici,081311110003,,,Kota Bandung,,",
        "Dedi,081311110004,,,Bandung,,",
        "Euis,081311110005,,,Kota Bandung,Cobong,",
        "Fajar,081311110006,,,,,",
      ].join("\n"),
    );
    const outcome = await importFile(store.db, path);
    if (outcome.status !== "done") throw new Error(JSON.stringify(outcome));
    expect(outcome.report).toMatchObject({ created: 4, invalid: 2 });
    expect(outcome.report.invalidRows).toEqual([
      { line: 5, problem: { code: "region_ambiguous", level: "regency", value: "Bandung", candidates: ["Kabupaten Bandung, Jawa Barat", "Kota Bandung, Jawa Barat"] } },
      { line: 6, problem: { code: "region_unknown", level: "district", value: "Cobong", suggestions: ["Coblong, Kota Bandung"] } },
    ]);
    const codes = await store.db.contact.findMany({ orderBy: { phone: "asc" }, select: { name: true, regionCode: true } });
    expect(codes).toEqual([
      { name: "Ani", regionCode: "32.73.02.1004" },
      { name: "Budi", regionCode: "32.73.02.1005" },
      { name: "Cici", regionCode: "32.73" },
      { name: "Fajar", regionCode: null },
    ]);
    expect(folder.read(`${path}.errors.csv`)).toContain('district ""Cobong"" not found; did you mean: Coblong, Kota Bandung?');
  });
});
