// `importContacts` with dryRun: every row read and checked, the same counts as the import that
// follows, and nothing written (no contact, no consent, no audit entry).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestDatabase, type TestDatabase } from "../../support/createTestDatabase.js";
import { createCsvFolder, importFile } from "./support.js";

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

const lines = [
  "nama,telepon,telegram_id,persetujuan,sumber_persetujuan",
  "Budi,081234567890,,ya,posko",
  "Siti,abc,,,",
  "Budi lagi,+62 812 3456 7890,777001,,",
  "Ani,081322223333,,tidak,",
  "Ani lagi,,777001,,",
  "Lama,081399990000,,ya,posko",
  "Konflik,081399990000,777001,,",
];

describe("a dry run", () => {
  it("counts what the import would create, merge and reject, across batches, and writes nothing", async () => {
    await store.db.contact.create({ data: { name: "Lama", phone: "+6281399990000", language: "id" } });
    const path = folder.write("kontak.csv", `${lines.join("\n")}\n`);
    const counts = (report: { rowsRead: number; created: number; merged: number; invalid: number; invalidRows: { line: number; problem: { code: string } }[] }) => ({
      rowsRead: report.rowsRead,
      created: report.created,
      merged: report.merged,
      invalid: report.invalid,
      rejected: report.invalidRows.map((row) => [row.line, row.problem.code]),
    });

    const dry = await importFile(store.db, path, { dryRun: true, batchSize: 1, errorsPath: null });
    if (dry.status !== "done") throw new Error(JSON.stringify(dry));
    expect(counts(dry.report)).toEqual({
      rowsRead: 7,
      created: 2,
      merged: 3,
      invalid: 2,
      rejected: [
        [3, "phone"],
        [8, "conflict"],
      ],
    });
    expect(await store.db.contact.count()).toBe(1);
    expect(await store.db.channelIdentity.count()).toBe(0);
    expect(await store.db.consentRecord.count()).toBe(0);
    expect(await store.db.auditEntry.count()).toBe(0);

    const real = await importFile(store.db, path, { batchSize: 1, errorsPath: null });
    if (real.status !== "done") throw new Error(JSON.stringify(real));
    expect(counts(real.report)).toEqual(counts(dry.report));
    expect(await store.db.contact.count()).toBe(3);
    expect(await store.db.auditEntry.count()).toBe(1);
  });

  it("refuses a bad file exactly as the import would", async () => {
    const path = folder.write("kosong.csv", "nama,telepon\n");
    expect(await importFile(store.db, path, { dryRun: true })).toEqual({ status: "refused", problem: { code: "header_only" } });
  });
});
