// The task pages in a real Chromium: a coordinator makes a task, reads its preview (the offer as
// volunteers get it and how many get it), creates it and sees it offered; a volunteer accepts in the
// chat and the open page shows it without a reload; the coordinator closes it. axe-core on each page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bumpSourceRevisions } from "../../src/domain/deliveries/bumpSourceRevisions.js";
import { bandungHealthSegment, volunteer } from "../domain/tasks/support/taskWorld.js";
import { staffMember, type Voter } from "../support/createTestApp.js";
import { expectAccessible, expectNoSidewaysScroll, signInInChromium, startDashboardInChromium, waitForHeading, type DashboardInChromium } from "../support/dashboardInChromium.js";
import { requireChromium } from "../support/requireChromium.js";

const available = requireChromium();
let dashboard: DashboardInChromium;
let siti: Voter;
let budi: Voter;
let segmentName: string;

beforeAll(async () => {
  if (!available) return;
  dashboard = await startDashboardInChromium(async (app) => {
    siti = await volunteer(app, "601", { name: "Siti Aminah" });
    budi = await volunteer(app, "602", { name: "Budi Santoso", language: "en" });
    segmentName = (await bandungHealthSegment(app)).name;
  });
}, 120_000);

afterAll(async () => {
  await dashboard?.close();
});

/** A deadline three days ahead of the real clock, as a datetime-local field takes it (in WIB). */
function deadlineField(): string {
  const wib = new Date(Date.now() + 3 * 86_400_000 + 7 * 3_600_000);
  return `${wib.toISOString().slice(0, 10)}T17:00`;
}

describe.skipIf(!available)("the task pages in Chromium", { timeout: 120_000 }, () => {
  it("creates a task from its preview, shows it offered, follows a volunteer's acceptance live, and closes it", async () => {
    const { app } = dashboard;
    const { context, page } = await signInInChromium(dashboard, await staffMember(app, "coordinator", "9601"));
    await page.getByRole("link", { name: "Tugas", exact: true }).click();
    await waitForHeading(page, "Tugas");
    await expectAccessible(page);

    await page.getByRole("link", { name: "Buat tugas baru" }).click();
    await waitForHeading(page, "Tugas baru");
    await expectAccessible(page);
    await page.getByLabel(/^Judul/).fill("Bagikan brosur posyandu");
    await page.getByLabel(/^Petunjuk/).fill("Bagikan 50 brosur di posyandu terdekat.");
    await page.getByLabel(/^Segmen/).selectOption({ label: `${segmentName} (2)` });
    await page.getByLabel("Batas waktu").fill(deadlineField());
    await page.getByRole("button", { name: "Lihat pratinjau" }).click();
    await page.getByRole("button", { name: "Ya, buat tugas" }).waitFor();
    const offers = await page.locator("pre.report").allTextContents();
    expect(offers[0]).toContain("📋 Tugas baru #N: Bagikan brosur posyandu");
    expect(offers[1]).toContain("📋 New task #N: Bagikan brosur posyandu");
    await page.getByText(`Segmen: ${segmentName} — ditawarkan ke 2 relawan.`).waitFor();
    expect(await app.db.task.count()).toBe(0);
    await expectAccessible(page);

    await page.getByRole("button", { name: "Ya, buat tugas" }).click();
    const task = await app.db.task.findFirstOrThrow();
    await waitForHeading(page, `#${task.id} Bagikan brosur posyandu`);
    await page.getByRole("heading", { level: 2, name: "Belum menjawab: 2" }).waitFor();
    expect(await app.db.delivery.count({ where: { kind: "task_offer", taskId: task.id } })).toBe(2);
    await expectAccessible(page);

    // Siti accepts in the chat; the open page shows it from the live stream, with no reload.
    const answer = await siti.say(`TERIMA ${task.id}`);
    expect(answer[0]?.text).toContain(`Kamu ikut tugas #${task.id}`);
    await page.getByRole("heading", { level: 2, name: "Menerima: 1" }).waitFor();
    await page.getByRole("link", { name: "S*** A***" }).waitFor();
    await page.getByRole("heading", { level: 2, name: "Belum menjawab: 1" }).waitFor();

    // A dispatcher (here: its writes, straight to the database: the row and the task's revision) sends Budi's offer (Siti's
    // was skipped: she answered first): the page's offer counts move from the live stream too.
    await page.getByText("Pesan tawaran: terkirim 0 · menunggu 1 · ditahan 0 · dilewati 1").waitFor();
    await app.db.delivery.updateMany({ where: { taskId: task.id, kind: "task_offer", status: "queued" }, data: { status: "sent", sentAt: new Date() } });
    await bumpSourceRevisions(app.db, { taskIds: [task.id] });
    await page.getByText("Pesan tawaran: terkirim 1 · menunggu 0 · ditahan 0 · dilewati 1").waitFor();

    // The list redraws its counts live as well: Budi declines while it is open.
    await page.getByRole("link", { name: "Tugas", exact: true }).first().click();
    await waitForHeading(page, "Tugas");
    const row = page.locator("#task-list tbody tr").filter({ hasText: "Bagikan brosur posyandu" });
    expect(await row.locator("td").allTextContents()).toEqual([`#${task.id}`, "Bagikan brosur posyandu", "terbuka", expect.any(String), "2", "1", "1", "0", "0"]);
    expect((await budi.say(`TOLAK ${task.id}`))[0]?.text).toBeTruthy();
    // Its "declined" cell (the last) goes from 0 to 1 without a reload.
    await row.locator("td").last().filter({ hasText: /^1$/ }).waitFor();
    expect(await row.locator("td").allTextContents()).toEqual([`#${task.id}`, "Bagikan brosur posyandu", "terbuka", expect.any(String), "2", "0", "1", "0", "1"]);
    await row.locator("a").click();
    await waitForHeading(page, `#${task.id} Bagikan brosur posyandu`);

    page.once("dialog", (dialog) => void dialog.accept());
    await page.getByRole("button", { name: "Tutup tugas" }).click();
    await page.getByText(`Tugas #${task.id} ditutup.`).waitFor();
    expect(await app.db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: "closed" });
    expect(await page.getByRole("button", { name: "Tutup tugas" }).count()).toBe(0);
    await expectAccessible(page);

    await page.getByRole("link", { name: "Tugas", exact: true }).first().click();
    await waitForHeading(page, "Tugas");
    await page.getByRole("cell", { name: "ditutup" }).waitFor();
    await context.close();

    // On a 360-pixel phone: the form with its preview and the task's page fit the screen.
    const phone = await signInInChromium(dashboard, await staffMember(app, "coordinator", "9602"), { viewport: { width: 360, height: 740 }, isMobile: true });
    await phone.page.goto(`${dashboard.base}/tugas/baru`);
    await waitForHeading(phone.page, "Tugas baru");
    await phone.page.getByLabel(/^Judul/).fill("Survei air bersih di RW 05");
    await phone.page.getByLabel(/^Petunjuk/).fill("Tanya 10 rumah tangga soal air bersih, lalu isi formulirnya.");
    await phone.page.getByLabel(/^Segmen/).selectOption({ label: `${segmentName} (2)` });
    await phone.page.getByLabel("Batas waktu").fill(deadlineField());
    await phone.page.getByRole("button", { name: "Lihat pratinjau" }).click();
    await phone.page.getByRole("button", { name: "Ya, buat tugas" }).waitFor();
    await expectNoSidewaysScroll(phone.page, 360);
    await phone.page.goto(`${dashboard.base}/tugas/${task.id}`);
    await waitForHeading(phone.page, `#${task.id} Bagikan brosur posyandu`);
    await expectNoSidewaysScroll(phone.page, 360);
    await phone.context.close();
  });
});
