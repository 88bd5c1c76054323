// The import pages over HTTP: an .xlsx of contacts with bad rows uploaded, its dry run (nothing
// written), then imported with the final report; region targets; a zip bomb, a renamed PDF and a
// file over the size limit refused with nothing created; a coordinator, no CSRF, a replayed confirm.
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, staffMember, type TestApp } from "../support/createTestApp.js";
import { createDashboardClient, DASHBOARD_URL, type DashboardClient } from "../support/dashboardClient.js";
import { sheetXml, writeWorkbook } from "../support/writeWorkbook.js";
import { createCsvFolder } from "../domain/imports/support.js";

let app: TestApp;
let browser: DashboardClient;
let folder: ReturnType<typeof createCsvFolder>;
beforeEach(async () => {
  app = await createTestApp({ dashboardUrl: DASHBOARD_URL });
  browser = await createDashboardClient(app);
  folder = createCsvFolder();
});
afterEach(async () => {
  await browser.close();
  await app.close();
  folder.remove();
});

async function contactsWorkbook(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet("Kontak");
  sheet.addRow(["nama", "telepon", "persetujuan"]);
  sheet.addRow(["Budi", "081234567890", "ya"]);
  sheet.addRow(["Siti", "abc", ""]);
  sheet.addRow(["Budi lagi", "+62 812 3456 7890", ""]);
  sheet.addRow(["Ani", "081311112222", "mungkin"]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The job's page once its dry run or import has finished (the job runs beside the request). */
async function settled(url: string) {
  for (let i = 0; i < 600; i++) {
    const page = await browser.get(url);
    // Running (checking or importing) pages label their progress bar; a bar at 100% can still be
    // running while the report is written, so only the label's absence means finished.
    if (!page.body.includes('<label for="import-progress">')) return page;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${url} never finished`);
}

describe("the import page", () => {
  it("shows a dry run of an .xlsx with bad rows, writes nothing until confirmed, then imports once", async () => {
    const admin = await staffMember(app, "admin", "9001");
    await browser.signIn(admin);
    const contactsBefore = await app.db.contact.count();
    const form = await browser.get("/impor");
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('enctype="multipart/form-data"');
    const uploaded = await browser.upload("/impor", { jenis: "contacts" }, { field: "berkas", name: "kontak.xlsx", content: await contactsWorkbook() });
    expect(uploaded.statusCode).toBe(303);
    const jobUrl = uploaded.headers.location as string;
    expect(jobUrl).toMatch(/^\/impor\/[A-Za-z0-9_-]+$/);

    const dry = await settled(jobUrl);
    expect(dry.body).toContain("Uji coba");
    expect(dry.body).toContain("Kontak baru: 1");
    expect(dry.body).toContain("Digabung ke kontak yang sudah ada atau baris sebelumnya: 1");
    expect(dry.body).toContain("Baris tidak valid: 2");
    expect(dry.body).toContain("baris 3:");
    expect(dry.body).toContain("baris 5:");
    expect(await app.db.contact.count()).toBe(contactsBefore);
    expect(await app.db.auditEntry.count({ where: { action: "import" } })).toBe(0);

    expect((await browser.post(`${jobUrl}/mulai`, {}, { csrf: null })).statusCode).toBe(403);
    const confirmed = await browser.post(`${jobUrl}/mulai`, {});
    expect(confirmed.statusCode).toBe(303);
    const done = await settled(jobUrl);
    expect(done.body).toContain("Selesai diimpor");
    expect(done.body).toContain("Kontak baru: 1");
    expect(await app.db.contact.count()).toBe(contactsBefore + 1);
    expect(await app.db.auditEntry.findFirstOrThrow({ where: { action: "import" } })).toMatchObject({ target: "kontak.xlsx" });

    const replayed = await browser.post(`${jobUrl}/mulai`, {});
    expect(replayed.statusCode).toBe(409);
    expect(await app.db.auditEntry.count({ where: { action: "import" } })).toBe(1);
  });

  it("loads region targets the same way", async () => {
    const admin = await staffMember(app, "admin", "9001");
    await browser.signIn(admin);
    await browser.get("/impor");
    const uploaded = await browser.upload("/impor", { jenis: "targets" }, { field: "berkas", name: "target.csv", content: Buffer.from("kode_wilayah,dpt\n32.73,1000\n99.99,5\n") });
    const jobUrl = uploaded.headers.location as string;
    expect((await settled(jobUrl)).body).toContain("Baris tidak valid: 1");
    await browser.post(`${jobUrl}/mulai`, {});
    await settled(jobUrl);
    expect(await app.db.regionTarget.findUniqueOrThrow({ where: { regionCode: "32.73" } })).toMatchObject({ registeredVoters: 1000 });
  });

  // One file each: every import starts its reading thread, about a second apiece on a busy machine.
  async function signedInAdmin() {
    await browser.signIn(await staffMember(app, "admin", "9001"));
    await browser.get("/impor");
    return { contactsBefore: await app.db.contact.count() };
  }

  async function nothingImported(contactsBefore: number) {
    expect(await app.db.contact.count()).toBe(contactsBefore);
    expect(await app.db.auditEntry.count({ where: { action: "import" } })).toBe(0);
  }

  it("refuses a workbook bomb with a clear message, creating nothing", async () => {
    const { contactsBefore } = await signedInAdmin();
    const bomb = `${folder.dir}/bom.xlsx`;
    // More rows than Excel allows, packed into a few kilobytes (the byte limit is tested on the importer itself).
    const head = sheetXml([["telepon"]]).toString().replace("</sheetData></worksheet>", "");
    writeWorkbook(bomb, Buffer.from(`${head}${"<row/>".repeat(1_100_000)}</sheetData></worksheet>`));
    const bombed = await browser.upload("/impor", { jenis: "contacts" }, { field: "berkas", name: "bom.xlsx", content: folder.readBytes(bomb) });
    expect((await settled(bombed.headers.location as string)).body).toContain("punya lebih dari 1048576 baris dalam satu sheet");
    await nothingImported(contactsBefore);
  });

  it("refuses a renamed PDF with a clear message, creating nothing", async () => {
    const { contactsBefore } = await signedInAdmin();
    const pdf = await browser.upload("/impor", { jenis: "contacts" }, { field: "berkas", name: "kontak.xlsx", content: Buffer.from("%PDF-1.7\n\u0000\u0000") });
    expect((await settled(pdf.headers.location as string)).body).toContain("adalah dokumen PDF, bukan spreadsheet");
    await nothingImported(contactsBefore);
  });

  it("refuses a file over 20 MB with a clear message, creating nothing", async () => {
    const { contactsBefore } = await signedInAdmin();
    const big = await browser.upload("/impor", { jenis: "contacts" }, { field: "berkas", name: "besar.csv", content: Buffer.alloc(21 * 1024 * 1024, 0x61) });
    expect(big.statusCode).toBe(413);
    expect(big.body).toContain("lebih besar dari 20 MB");
    await nothingImported(contactsBefore);
  });

  it("is for admins: a coordinator gets 403 and the attempt is audited; no CSRF gets 403", async () => {
    const coordinator = await staffMember(app, "coordinator", "9002");
    await browser.signIn(coordinator);
    expect((await browser.get("/impor")).statusCode).toBe(403);
    const refused = await browser.upload("/impor", { jenis: "contacts" }, { field: "berkas", name: "kontak.csv", content: Buffer.from("telepon\n081234567890\n") });
    expect(refused.statusCode).toBe(403);
    expect(await app.db.auditEntry.count({ where: { action: "denied" } })).toBeGreaterThanOrEqual(2);

    const admin = await staffMember(app, "admin", "9001");
    const adminBrowser = await createDashboardClient(app);
    await adminBrowser.signIn(admin);
    await adminBrowser.get("/impor");
    const noToken = await adminBrowser.upload("/impor", { jenis: "contacts" }, { field: "berkas", name: "kontak.csv", content: Buffer.from("telepon\n081234567890\n") }, { csrf: null });
    expect(noToken.statusCode).toBe(403);
    await adminBrowser.close();
  });
});
