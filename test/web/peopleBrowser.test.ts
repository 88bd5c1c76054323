// The People pages in a real Chromium: an admin signs in through the link, searches a person, opens
// their page, adds a tag and sees it, exports the list as Excel and reads the download back with
// exceljs, opens the deletion confirmation, signs out; a coordinator's refusal page and the 360-pixel
// phone layout of both pages. axe-core on every page. UPDATE_SCREENSHOTS=1 writes the README's pictures.
import ExcelJS from "exceljs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readContactTags } from "../../src/domain/contacts/contactTags.js";
import { contactOf, onboard, person, signUpVolunteer, staffMember, type TestApp } from "../support/createTestApp.js";
import { expectAccessible, expectNoSidewaysScroll, screenshots, signInInChromium, startDashboardInChromium, waitForHeading, type DashboardInChromium } from "../support/dashboardInChromium.js";
import { requireChromium } from "../support/requireChromium.js";

const available = requireChromium();
let dashboard: DashboardInChromium;
let budi: string;

/** Budi, a volunteer who signed up in the chat, and someone whose name reads like a spreadsheet formula. */
async function seedPeople(app: TestApp): Promise<void> {
  const voter = person(app, "whatsapp", "6281234567890", { senderPhone: "+6281234567890" });
  await onboard(voter);
  await signUpVolunteer(voter, { name: "Budi Santoso", phone: "081234567890", region: "kota bandung" });
  budi = (await contactOf(app, "whatsapp", "6281234567890")).id;
  await app.db.contact.create({ data: { name: '=HYPERLINK("http://evil")', phone: "+6281311112222", regionCode: "32.73.01", updatesConsent: true, createdAt: app.clock.now } });
  await app.db.contact.create({ data: { name: "Siti di Jakarta", regionCode: "31.71", createdAt: app.clock.now } });
}

beforeAll(async () => {
  if (available) dashboard = await startDashboardInChromium(seedPeople);
}, 60_000);

afterAll(async () => {
  await dashboard?.close();
});

// A whole journey in a real browser: generous, so a loaded CI machine does not cut it short (it measures nothing).
describe.skipIf(!available)("the People pages in Chromium", { timeout: 90_000 }, () => {
  it("searches a person, opens their page, adds a tag, exports Excel and reads it back, signs out", async () => {
    const { app, base } = dashboard;
    const { context, page } = await signInInChromium(dashboard, await staffMember(app, "admin", "9401"));

    await page.getByRole("link", { name: "Orang", exact: true }).click();
    await waitForHeading(page, "Orang");
    await page.getByLabel("Cari").fill("budi");
    await page.getByLabel("Kabar").selectOption("subscribed");
    await page.getByRole("button", { name: "Saring" }).click();
    await page.waitForURL((url) => url.searchParams.get("cari") === "budi");
    expect(await page.locator("table.people tbody tr").count()).toBe(1);
    await expectAccessible(page);
    await page.screenshot({ path: join(screenshots, "dashboard-people.png"), fullPage: true });

    await page.getByRole("link", { name: "Budi Santoso" }).click();
    await waitForHeading(page, "Budi Santoso");
    expect(page.url()).toBe(`${base}/orang/${budi}`);
    // An admin sees the whole number, as /export gives it.
    expect(await page.locator("dl.facts").first().textContent()).toContain("+6281234567890");
    await expectAccessible(page);

    await page.getByLabel("Tag baru").fill("saksi-tps");
    await page.getByRole("button", { name: "Tambah tag" }).click();
    await page.getByRole("button", { name: "Hapus tag saksi-tps" }).waitFor();
    expect(await page.locator("ul.tags").textContent()).toContain("saksi-tps");
    expect(await readContactTags(app.db, budi)).toContain("saksi-tps");
    await page.screenshot({ path: join(screenshots, "dashboard-person.png"), fullPage: true });

    await page.getByRole("link", { name: "Hapus data orang ini…" }).click();
    await waitForHeading(page, "Hapus data orang ini?");
    await expectAccessible(page);
    await page.getByRole("link", { name: "Batal" }).click();
    await waitForHeading(page, "Budi Santoso");
    expect(await app.db.contact.count({ where: { id: budi } })).toBe(1);

    // The list of one region, as Excel: the file the browser saved, read back.
    await page.goto(`${base}/orang?wilayah=32.73`);
    const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Excel (.xlsx)" }).click()]);
    expect(download.suggestedFilename()).toMatch(/^relawan-orang-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile((await download.path())!);
    const sheet = workbook.worksheets[0]!;
    const rows = sheet.getSheetValues().filter(Boolean).map((row) => (row as unknown[]).slice(1).map((v) => (v === undefined || v === null ? "" : String(v))));
    expect(rows[0]!.slice(0, 3)).toEqual(["id", "name", "phone"]);
    expect(rows.find((r) => r[0] === budi)?.slice(1, 3)).toEqual(["Budi Santoso", "'+6281234567890"]);
    expect(rows.slice(1).map((r) => r[1]).sort()).toEqual(["'=HYPERLINK(\"http://evil\")", "Budi Santoso"]);
    sheet.eachRow((row) => row.eachCell((cell) => expect(cell.type).not.toBe(ExcelJS.ValueType.Formula)));

    await page.getByRole("button", { name: "Keluar" }).click();
    await waitForHeading(page, "Anda sudah keluar");
    await page.goto(`${base}/orang/${budi}`);
    await waitForHeading(page, "Silakan masuk lewat bot");
    await context.close();
  });

  it("shows a coordinator a refusal that names the action, and fits the People pages on a 360-pixel phone", async () => {
    const { app, base } = dashboard;
    const { context, page } = await signInInChromium(dashboard, await staffMember(app, "coordinator", "9402"), {
      viewport: { width: 360, height: 740 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
    });
    await page.goto(`${base}/orang/${budi}/hapus`);
    await waitForHeading(page, "Halaman ini bukan untuk peran Anda");
    expect(await page.locator("main").textContent()).toContain("Hanya admin yang boleh menjalankan permintaan hapus data seseorang");
    await expectAccessible(page);

    await page.goto(`${base}/orang?cari=budi&peran=volunteer`);
    await waitForHeading(page, "Orang");
    expect(await page.getByRole("link", { name: "Budi Santoso" }).count()).toBe(1);
    await expectNoSidewaysScroll(page, 360);
    await expectAccessible(page);

    await page.getByRole("link", { name: "Budi Santoso" }).click();
    await waitForHeading(page, "Budi Santoso");
    // Masked for a coordinator, as in the chat.
    expect(await page.locator("dl.facts").first().textContent()).toContain("+62812****7890");
    await expectNoSidewaysScroll(page, 360);
    await expectAccessible(page);
    await context.close();
  });
});
