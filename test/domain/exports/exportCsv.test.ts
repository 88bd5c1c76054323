// `exportCsv` read back with a CSV parser, and an exported contacts file imported into a fresh database.
import { PassThrough } from "node:stream";
import { parse } from "csv-parse/sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.js";
import { exportCsv } from "../../../src/domain/exports/exportCsv.js";
import type { ExportKind } from "../../../src/domain/exports/exportKinds.js";
import type { SavedSegment } from "../../../src/domain/segments/listSegments.js";
import { createTestDatabase, type TestDatabase } from "../../support/createTestDatabase.js";
import { createCsvFolder, importFile, importNow } from "../imports/support.js";
import { readTagsOfContacts } from "../../../src/domain/contacts/contactTags.js";

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

const seedCsv = [
  "nama,telepon,telegram_id,kode_wilayah,bahasa,tag,persetujuan,sumber_persetujuan,tanggal_persetujuan,berhenti",
  "Budi Santoso,081234567890,111,32.73,id,posko-a;saksi,ya,formulir posko,2026-03-01,",
  '"=HYPERLINK(""http://evil"")",081311112222,,,en,,tidak,,,',
  "Siti,081322223333,222,32.73.01,id,@admin,,,,",
  "Stop Saya,081344445555,,,id,,ya,,,ya",
  "Ani,,333,,en,-minus,ya,wa,2026-01-15 08:30,",
].join("\n");

async function seed(db: Database) {
  const outcome = await importFile(db, folder.write("seed.csv", `${seedCsv}\n`));
  if (outcome.status !== "done" || outcome.report.invalid > 0) throw new Error(JSON.stringify(outcome));
}

async function exportText(db: Database, kind: ExportKind, segment?: SavedSegment) {
  const output = new PassThrough();
  const chunks: Buffer[] = [];
  output.on("data", (chunk: Buffer) => chunks.push(chunk));
  const { rows } = await exportCsv(db, { kind, segment, output, actor: "cli", destination: "file", now: importNow, timeZone: "Asia/Jakarta" });
  return { rows, text: Buffer.concat(chunks).toString("utf8") };
}

function records(text: string): Record<string, string>[] {
  return parse(text, { columns: true, bom: true }) as Record<string, string>[];
}

/** Everything a contact is, independent of ids and of when it was created. */
async function people(db: Database) {
  const contacts = await db.contact.findMany({
    orderBy: { name: "asc" },
    include: { identities: true, consents: { orderBy: { recordedAt: "asc" } } },
  });
  const tags = await readTagsOfContacts(db, contacts.map((c) => c.id));
  return contacts.map((c) => ({
    name: c.name,
    phone: c.phone,
    telegram: c.identities.map((i) => i.externalId),
    regionCode: c.regionCode,
    language: c.language,
    tags: tags.get(c.id) ?? [],
    updatesConsent: c.updatesConsent,
    optedOut: c.optedOut,
    latestYes: c.consents.filter((r) => r.granted).map((r) => [r.source, r.recordedAt.toISOString()]).at(-1) ?? null,
  }));
}

describe("export contacts", () => {
  it("writes every contact with the documented columns, and cells a spreadsheet would run get an apostrophe", async () => {
    await seed(store.db);
    const { rows, text } = await exportText(store.db, "contacts");
    expect(rows).toBe(5);
    expect(text.split("\n")[0]).toBe("id,name,phone,telegram_id,whatsapp,region_code,language,tags,updates_consent,consent_date,consent_source,opted_out,created_at");
    const byName = new Map(records(text).map((r) => [r.name, r]));
    expect(byName.get("Budi Santoso")).toMatchObject({
      phone: "'+6281234567890",
      telegram_id: "111",
      whatsapp: "6281234567890",
      region_code: "32.73",
      language: "id",
      tags: "posko-a; saksi",
      updates_consent: "yes",
      // A date without a time stays a date; instants carry the campaign zone's offset.
      consent_date: "2026-03-01",
      consent_source: "formulir posko",
      opted_out: "no",
      created_at: "2026-11-26T10:00:00+07:00",
    });
    expect(byName.get(`'=HYPERLINK("http://evil")`)).toMatchObject({ updates_consent: "no", language: "en" });
    expect(byName.get("Siti")).toMatchObject({ tags: "'@admin", updates_consent: "", consent_date: "" });
    expect(byName.get("Stop Saya")).toMatchObject({ opted_out: "yes", updates_consent: "no", consent_date: "" });
    expect(byName.get("Ani")).toMatchObject({ phone: "", tags: "'-minus", consent_date: "2026-01-15T08:30:00+07:00" });
    const audit = await store.db.auditEntry.findFirstOrThrow({ where: { action: "export" } });
    expect(audit).toMatchObject({ actor: "cli", target: "contacts", at: importNow });
    expect(JSON.parse(audit.details ?? "{}")).toEqual({ segment: null, rows: 5, destination: "file", complete: true });
  });

  it("imports back into a fresh database as the same people", async () => {
    await seed(store.db);
    const { text } = await exportText(store.db, "contacts");
    const fresh = await createTestDatabase();
    try {
      const outcome = await importFile(fresh.db, folder.write("export.csv", text));
      expect(outcome).toMatchObject({ status: "done", report: { created: 5, invalid: 0, ignoredColumns: ["id", "whatsapp", "created_at"] } });
      expect(await people(fresh.db)).toEqual(await people(store.db));
    } finally {
      await fresh.close();
    }
  });

  it("keeps to a segment, evaluated in the database, and pages through more contacts than one page holds", async () => {
    const lines = ["phone,tags,consent"];
    for (let i = 0; i < 1203; i++) lines.push(`0812${String(30000000 + i)},${i % 3 === 0 ? "posko" : "lain"},${i % 2 === 0 ? "ya" : ""}`);
    await importFile(store.db, folder.write("many.csv", `${lines.join("\n")}\n`));
    const all = await exportText(store.db, "contacts");
    expect(all.rows).toBe(1203);
    const ids = records(all.text).map((r) => r.id);
    expect(new Set(ids).size).toBe(1203);
    expect([...ids].sort()).toEqual(ids);

    const segment: SavedSegment = { id: "s", name: "Posko berlangganan", definition: { tagsAll: ["posko"], consent: "subscribed" }, createdBy: "test", createdAt: importNow, updatedAt: importNow };
    const some = await exportText(store.db, "contacts", segment);
    // i % 3 === 0 and i % 2 === 0: every sixth of 0..1202.
    expect(some.rows).toBe(201);
    expect(records(some.text).every((r) => r.tags === "posko" && r.updates_consent === "yes")).toBe(true);
    const audit = await store.db.auditEntry.findFirstOrThrow({ where: { action: "export", details: { contains: "Posko" } } });
    expect(JSON.parse(audit.details ?? "{}")).toMatchObject({ segment: "Posko berlangganan", rows: 201 });
  });
});

describe("export volunteers and deliveries", () => {
  it("adds the volunteer profile to volunteers, and lists deliveries with their outcome", async () => {
    await seed(store.db);
    const budi = await store.db.contact.findUniqueOrThrow({ where: { phone: "+6281234567890" } });
    await store.db.volunteer.create({ data: { contactId: budi.id, referralCode: "BUDI01", interests: JSON.stringify(["saksi", "medsos"]), availability: "weekend", createdAt: importNow } });
    const volunteers = await exportText(store.db, "volunteers");
    expect(volunteers.rows).toBe(1);
    expect(records(volunteers.text)[0]).toMatchObject({ name: "Budi Santoso", referral_code: "BUDI01", interests: "saksi; medsos", availability: "weekend", volunteer_since: "2026-11-26T10:00:00+07:00" });

    const segment = await store.db.segment.create({ data: { name: "Semua", definition: "{}", createdBy: "test" } });
    const broadcast = await store.db.broadcast.create({ data: { texts: JSON.stringify({ id: "Halo" }), segmentId: segment.id, scheduledAt: importNow, createdBy: "test" } });
    await store.db.delivery.create({ data: { id: "d1", broadcastId: broadcast.id, contactId: budi.id, channel: "telegram", status: "sent", attempts: 1, sentAt: importNow } });
    await store.db.delivery.create({ data: { id: "d2", broadcastId: broadcast.id, contactId: null, status: "failed", reason: "blocked", attempts: 2 } });
    const deliveries = await exportText(store.db, "deliveries");
    expect(deliveries.text.split("\n")[0]).toBe("id,kind,broadcast_id,task_id,contact_id,channel,status,reason,attempts,sent_at");
    expect(records(deliveries.text)).toEqual([
      { id: "d1", kind: "broadcast", broadcast_id: broadcast.id, task_id: "", contact_id: budi.id, channel: "telegram", status: "sent", reason: "", attempts: "1", sent_at: "2026-11-26T10:00:00+07:00" },
      { id: "d2", kind: "broadcast", broadcast_id: broadcast.id, task_id: "", contact_id: "", channel: "", status: "failed", reason: "blocked", attempts: "2", sent_at: "" },
    ]);
    // With a segment, only deliveries to its contacts.
    const bySegment = await exportText(store.db, "deliveries", { id: segment.id, name: "Semua", definition: {}, createdBy: "test", createdAt: importNow, updatedAt: importNow });
    expect(records(bySegment.text).map((r) => r.id)).toEqual(["d1"]);
  });
});
