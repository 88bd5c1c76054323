// The People page's list as CSV and Excel over HTTP: admins only, the filter applied, formulas
// neutralised as in `relawan export`, the file read back, and the export audited with its filter.
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { saveNameWords } from "../../src/domain/contacts/saveNameWords.js";
import { contactOf, createTestApp, staffMember, type TestApp } from "../support/createTestApp.js";
import { createDashboardClient, DASHBOARD_URL, type DashboardClient } from "../support/dashboardClient.js";

let app: TestApp;
let browser: DashboardClient;
beforeEach(async () => {
  app = await createTestApp({ dashboardUrl: DASHBOARD_URL });
  browser = await createDashboardClient(app);
  await app.db.contact.create({ data: { name: "=HYPERLINK(\"http://evil\")", phone: "+6281311112222", regionCode: "32.73.01", updatesConsent: true } });
  await app.db.contact.create({ data: { name: "Budi Santoso", phone: "+6281234567890", regionCode: "32.73.01", updatesConsent: true } });
  await app.db.contact.create({ data: { name: "Siti di Jakarta", regionCode: "31.71" } });
  // Written straight into the table: the name search's words as every write of a name saves them.
  for (const contact of await app.db.contact.findMany()) await saveNameWords(app.db, contact.id, contact.name);
});
afterEach(async () => {
  await browser.close();
  await app.close();
});

describe("exporting the People list", () => {
  it("gives an admin the filtered list as .xlsx, read back with exceljs, a formula neutralised, audited with the filter", async () => {
    await browser.signIn(await staffMember(app, "admin", "7201"));
    const response = await browser.get("/orang/ekspor.xlsx?wilayah=32.73");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toContain("spreadsheetml");
    expect(response.headers["content-disposition"]).toMatch(/attachment; filename="relawan-orang-\d{4}-\d{2}-\d{2}\.xlsx"/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(response.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const rows = sheet.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1).map((v) => (v === undefined || v === null ? "" : String(v))));
    expect(rows[0]!.slice(0, 3)).toEqual(["id", "name", "phone"]);
    const names = rows.slice(1).map((r) => r[1]).sort();
    expect(names).toEqual(["'=HYPERLINK(\"http://evil\")", "Budi Santoso"]);
    // Whole numbers for an admin, with the apostrophe every export puts before a leading "+".
    expect(rows.slice(1).map((r) => r[2]).sort()).toEqual(["'+6281234567890", "'+6281311112222"]);
    // A string cell, not a formula.
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));

    const entry = await app.db.auditEntry.findFirstOrThrow({ where: { action: "export" } });
    expect(entry.actor).toBe((await contactOf(app, "telegram", "7201")).id);
    expect(JSON.parse(entry.details!)).toMatchObject({ filter: { region: "32.73" }, format: "xlsx", rows: 2, destination: "dashboard", complete: true });
  });

  it("gives the same list as CSV with the same protection, and an empty filter result as a header only", async () => {
    await browser.signIn(await staffMember(app, "admin", "7202"));
    const csv = await browser.get("/orang/ekspor.csv?cari=hyperlink");
    expect(csv.statusCode).toBe(200);
    const records = parse(csv.body, { columns: true, bom: true }) as Record<string, string>[];
    expect(records.map((r) => r.name)).toEqual(["'=HYPERLINK(\"http://evil\")"]);
    const empty = await browser.get("/orang/ekspor.csv?cari=tidak-ada-siapa-pun");
    expect(empty.statusCode).toBe(200);
    expect(parse(empty.body, { columns: true, bom: true })).toEqual([]);
    expect((await browser.get("/orang/ekspor.xlsx?peran=raja")).statusCode).toBe(400);
  });

  it("honours the activity filter, as the People page does", async () => {
    await browser.signIn(await staffMember(app, "admin", "7204"));
    const day = 86_400_000;
    await app.db.contact.updateMany({ where: { role: null }, data: { lastActiveAt: new Date(app.clock.now.getTime() - 60 * day) } });
    await app.db.contact.updateMany({ where: { name: "Budi Santoso" }, data: { lastActiveAt: new Date(app.clock.now.getTime() - 2 * day) } });
    const active = parse((await browser.get("/orang/ekspor.csv?wilayah=32.73&aktivitas=active")).body, { columns: true, bom: true }) as Record<string, string>[];
    expect(active.map((r) => r.name)).toEqual(["Budi Santoso"]);
    const inactive = parse((await browser.get("/orang/ekspor.csv?wilayah=32.73&aktivitas=inactive")).body, { columns: true, bom: true }) as Record<string, string>[];
    expect(inactive.map((r) => r.name)).toEqual(["'=HYPERLINK(\"http://evil\")"]);
    // The audit entry is written once the file has gone out, just after the response ends.
    await vi.waitFor(async () => expect(await app.db.auditEntry.count({ where: { action: "export" } })).toBe(2), { timeout: 30_000 });
    const entries = await app.db.auditEntry.findMany({ where: { action: "export" } });
    expect(entries.map((e) => JSON.parse(e.details!).filter)).toEqual(
      expect.arrayContaining([
        { region: "32.73", activity: "active" },
        { region: "32.73", activity: "inactive" },
      ]),
    );
    expect((await browser.get("/orang/ekspor.csv?aktivitas=kadang")).statusCode).toBe(400);
  });

  it("is refused to a coordinator with 403, as /export in the chat", async () => {
    await browser.signIn(await staffMember(app, "coordinator", "7203"));
    expect((await browser.get("/orang/ekspor.xlsx")).statusCode).toBe(403);
    expect((await browser.get("/orang/ekspor.csv")).statusCode).toBe(403);
    expect(await app.db.auditEntry.count({ where: { action: "export" } })).toBe(0);
  });
});
