// The inbox and import pages in a real Chromium: a voter writes and the open inbox list shows it
// without a reload; an admin answers it, keeps the answer as an FAQ, and the bot answers the same
// question with it; an .xlsx with bad rows is uploaded, its dry run read, imported, and the report
// read. axe-core on every page.
import ExcelJS from "exceljs";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { onboard, person, staffMember } from "../support/createTestApp.js";
import { expectAccessible, signInInChromium, startDashboardInChromium, waitForHeading, type DashboardInChromium } from "../support/dashboardInChromium.js";
import { requireChromium } from "../support/requireChromium.js";

const available = requireChromium();
let dashboard: DashboardInChromium;
const folder = mkdtempSync(join(tmpdir(), "relawan-browser-import-"));

beforeAll(async () => {
  if (available) dashboard = await startDashboardInChromium();
}, 60_000);

afterAll(async () => {
  await dashboard?.close();
  rmSync(folder, { recursive: true, force: true });
});

describe.skipIf(!available)("the inbox and import pages in Chromium", { timeout: 90_000 }, () => {
  it("shows a new question without a reload, answers it and keeps it as an FAQ the bot then answers with", async () => {
    const { app } = dashboard;
    const { context, page } = await signInInChromium(dashboard, await staffMember(app, "admin", "9501"));
    await page.getByRole("link", { name: "Kotak masuk", exact: true }).click();
    await waitForHeading(page, "Kotak masuk");
    await expectAccessible(page);

    const voter = person(app, "telegram", "4501");
    await onboard(voter);
    await voter.say("apakah ada lomba mural di Bekasi?");
    // The list redraws from the live stream: no reload.
    await page.getByRole("cell", { name: "apakah ada lomba mural di Bekasi?" }).waitFor();
    const item = await app.db.inboxItem.findFirstOrThrow();
    await page.getByRole("link", { name: `Buka pertanyaan #${item.id} untuk membalas` }).click();
    await page.getByRole("heading", { level: 1, name: new RegExp(`^#${item.id} `) }).waitFor();
    await expectAccessible(page);
    await page.getByLabel("Balasan Anda").fill("Ada, lomba mural tanggal 5 Desember di GOR Bekasi.");
    await page.getByLabel(/Simpan juga sebagai FAQ/).check();
    await page.getByRole("button", { name: "Kirim balasan" }).click();
    await page.getByRole("heading", { name: "Jawaban" }).waitFor();
    expect(await app.db.delivery.count({ where: { kind: "inbox_reply", contactId: item.contactId } })).toBe(1);

    const next = person(app, "telegram", "4502");
    await onboard(next);
    expect((await next.say("ada lomba mural di bekasi gak?"))[0]?.text).toBe("Ada, lomba mural tanggal 5 Desember di GOR Bekasi.");
    await context.close();
  });

  it("uploads an .xlsx with bad rows, reads the dry run, imports it and reads the report", async () => {
    const { app } = dashboard;
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Kontak");
    sheet.addRow(["nama", "telepon", "persetujuan"]);
    sheet.addRow(["Rina", "081377778888", "ya"]);
    sheet.addRow(["Salah", "abc", ""]);
    const path = join(folder, "kontak.xlsx");
    writeFileSync(path, Buffer.from(await workbook.xlsx.writeBuffer()));

    const { context, page } = await signInInChromium(dashboard, await staffMember(app, "admin", "9502"));
    await page.getByRole("link", { name: "Impor", exact: true }).click();
    await waitForHeading(page, "Impor");
    await expectAccessible(page);
    await page.getByLabel(/File CSV atau Excel/).setInputFiles(path);
    await page.getByRole("button", { name: /Periksa file/ }).click();
    await page.getByRole("heading", { name: /Uji coba/ }).waitFor();
    const dry = await page.locator("pre.report").textContent();
    expect(dry).toContain("Kontak baru: 1");
    expect(dry).toContain('baris 3: nomor "abc"');
    expect(await app.db.contact.count({ where: { phone: "+6281377778888" } })).toBe(0);
    await expectAccessible(page);
    await page.getByRole("button", { name: "Impor sekarang" }).click();
    await page.getByRole("heading", { name: "Selesai diimpor" }).waitFor();
    expect(await page.locator("pre.report").textContent()).toContain("Baris tidak valid: 1");
    expect(await app.db.contact.count({ where: { phone: "+6281377778888" } })).toBe(1);
    await expectAccessible(page);
    await context.close();
  });
});
