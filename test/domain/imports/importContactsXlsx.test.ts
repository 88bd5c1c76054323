// `importContacts` with an .xlsx: the same rows, checks and report as a CSV; a zip bomb, a sheet
// with too many rows or columns, a renamed PDF and a file over the size limit are refused before
// anything is written.
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { describeFileProblem } from "../../../src/domain/imports/describeFileProblem.js";
import { createTestDatabase, type TestDatabase } from "../../support/createTestDatabase.js";
import { sheetXml, writeWorkbook } from "../../support/writeWorkbook.js";
import { createCsvFolder, en, importFile } from "./support.js";
import { readContactTags } from "../../../src/domain/contacts/contactTags.js";

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

async function nothingWritten() {
  expect(await store.db.contact.count()).toBe(0);
  expect(await store.db.consentRecord.count()).toBe(0);
  expect(await store.db.auditEntry.count()).toBe(0);
}

describe("an Excel workbook of contacts", () => {
  it("imports the first sheet as a CSV would be: numbers as phones, blanks at the end of a row, bad rows by their Excel row number", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Kontak");
    sheet.addRow(["Nama", "Telepon", "Telegram ID", "Kode Wilayah", "Bahasa", "Tag", "Persetujuan", "Tanggal Persetujuan"]);
    sheet.addRow(["Budi", "0812-3456-7890", null, "32.73", "id", "posko-a", "ya", new Date(Date.UTC(2026, 2, 1))]);
    sheet.addRow(["Siti", "abc"]);
    sheet.addRow([]);
    sheet.addRow(["Rina", 6281311112222, 777002, null, "EN"]);
    sheet.addRow(["Budi lagi", "+62 812 3456 7890", null, null, null, "saksi"]);
    sheet.addRow(["Dewi", "081344445555", null, null, "fr"]);
    workbook.addWorksheet("Catatan").addRow(["telepon"]);
    const path = `${folder.dir}/kontak.xlsx`;
    await workbook.xlsx.writeFile(path);

    const progress: { rows: number; total: number }[] = [];
    const outcome = await importFile(store.db, path, { onProgress: (p) => progress.push(p) });
    if (outcome.status !== "done") throw new Error(JSON.stringify(outcome));
    expect(outcome.report).toMatchObject({ file: "kontak.xlsx", rowsRead: 5, created: 2, merged: 1, invalid: 2, consentRecorded: 1 });
    expect(outcome.report.invalidRows.map((row) => [row.line, row.problem.code])).toEqual([
      [3, "phone"],
      [7, "language"],
    ]);
    // exceljs writes no empty row, so the sheet has five rows after the header.
    expect(progress.at(-1)).toEqual({ rows: 5, total: 5 });
    const budi = await store.db.contact.findUniqueOrThrow({ where: { phone: "+6281234567890" }, include: { consents: true } });
    expect(budi).toMatchObject({ name: "Budi", regionCode: "32.73", updatesConsent: true });
    expect(await readContactTags(store.db, budi.id)).toEqual(["posko-a", "saksi"]);
    expect(budi.consents.map((c) => c.recordedAt.toISOString())).toEqual(["2026-02-28T17:00:00.000Z"]);
    const rina = await store.db.contact.findUniqueOrThrow({ where: { phone: "+6281311112222" }, include: { identities: true } });
    expect(rina.language).toBe("en");
    expect(rina.identities.map((i) => [i.channel, i.externalId]).sort()).toEqual([
      ["telegram", "777002"],
      ["whatsapp", "6281311112222"],
    ]);
    const errors = folder.read(`${path}.errors.csv`).replace(/^\uFEFF/, "").split("\n");
    expect(errors[1]).toBe('3,"phone ""abc"": not a phone number",Siti,abc,,,,,,');
  });
});

describe("workbooks refused before anything is written", () => {
  const rows = [
    ["nama", "telepon"],
    ["Budi", "081234567890"],
  ];

  it("refuses a zip bomb: a sheet that unpacks to more than the limit", async () => {
    const path = folder.write("bom.xlsx", "");
    writeWorkbook(path, sheetXml(rows, 24 * 1024 * 1024));
    const outcome = await importFile(store.db, path, { workbookLimits: { maxUncompressedBytes: 8 * 1024 * 1024 } });
    expect(outcome).toEqual({ status: "refused", problem: { code: "xlsx_too_large", limit: "bytes", max: 8 * 1024 * 1024 } });
    if (outcome.status === "refused") expect(describeFileProblem(en, outcome.problem, "bom.xlsx")).toBe(
      '"bom.xlsx" unpacks to more than 8 MB: it is not read (a workbook that large is damaged or made to overload the server). Split it, or save it as "CSV UTF-8".',
    );
    await nothingWritten();
  });

  it("refuses shared strings too large to keep in memory", async () => {
    const path = folder.write("strings.xlsx", "");
    const strings = Buffer.concat([Buffer.from('<?xml version="1.0"?><sst><si><t>'), Buffer.alloc(3 * 1024 * 1024, 0x61), Buffer.from("</t></si></sst>")]);
    writeWorkbook(path, sheetXml(rows), { "xl/sharedStrings.xml": strings });
    expect(await importFile(store.db, path, { workbookLimits: { maxSharedStringsBytes: 1024 * 1024 } })).toMatchObject({ status: "refused", problem: { code: "xlsx_too_large", limit: "bytes" } });
    await nothingWritten();
  });

  it("refuses a sheet with more rows than allowed, counted before the first is imported", async () => {
    const path = folder.write("baris.xlsx", "");
    const many = [rows[0]!, ...Array.from({ length: 120 }, (_, i) => [`Orang ${i}`, `0812${String(10_000_000 + i)}`])];
    writeWorkbook(path, sheetXml(many));
    expect(await importFile(store.db, path, { workbookLimits: { maxRows: 100 } })).toEqual({ status: "refused", problem: { code: "xlsx_too_large", limit: "rows", max: 100 } });
    await nothingWritten();
    const fits = await importFile(store.db, path, { workbookLimits: { maxRows: 121 } });
    expect(fits).toMatchObject({ status: "done", report: { created: 120 } });
  });

  it("refuses a header row wider than Excel's widest sheet (exceljs itself refuses a column past XFD)", async () => {
    const path = folder.write("lebar.xlsx", "");
    const xml = Buffer.from(
      '<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>telepon</t></is></c><c r="ZZZ1" t="inlineStr"><is><t>x</t></is></c></row></sheetData></worksheet>',
    );
    writeWorkbook(path, xml);
    expect(await importFile(store.db, path)).toEqual({ status: "refused", problem: { code: "xlsx_unreadable" } });
    await nothingWritten();
  });

  it("refuses a renamed PDF, a zip that is no workbook, and a file over the size limit", async () => {
    const pdf = folder.write("kontak.xlsx", Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(64)]));
    expect(await importFile(store.db, pdf)).toEqual({ status: "refused", problem: { code: "pdf" } });
    const notWorkbook = folder.write("arsip.xlsx", "");
    writeWorkbook(notWorkbook, Buffer.from("bukan xml"));
    expect(await importFile(store.db, notWorkbook)).toMatchObject({ status: "refused" });
    const big = folder.write("besar.xlsx", "");
    writeWorkbook(big, sheetXml(rows));
    expect(await importFile(store.db, big, { maxBytes: 100 })).toEqual({ status: "refused", problem: { code: "too_large", maxBytes: 100 } });
    await nothingWritten();
  });
});
