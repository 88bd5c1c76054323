// The task pages over HTTP: the list (open first, counts per step), a new task previewed exactly as
// volunteers get it and created once however often the form is sent, what a bad form is told, each
// volunteer's part on the task's page (names masked), closing; without a session, as a voter and
// without the CSRF token nothing happens.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { hashToken } from "../../src/domain/dashboard/hashToken.js";
import { closeTask } from "../../src/domain/tasks/closeTask.js";
import { reportTaskDone } from "../../src/domain/tasks/reportTaskDone.js";
import { respondToTask } from "../../src/domain/tasks/respondToTask.js";
import { readTasksMarker } from "../../src/domain/tasks/readTasksMarker.js";
import { digestTaskForm, readTaskForm } from "../../src/web/readTaskForm.js";
import { bandungHealthSegment, volunteer, voterInBandung } from "../domain/tasks/support/taskWorld.js";
import { contactOf, createTestApp, onboard, person, staffMember, type TestApp } from "../support/createTestApp.js";
import { createDashboardClient, DASHBOARD_URL, type DashboardClient } from "../support/dashboardClient.js";

let app: TestApp;
let browser: DashboardClient;
beforeEach(async () => {
  app = await createTestApp({ dashboardUrl: DASHBOARD_URL });
  browser = await createDashboardClient(app);
});
afterEach(async () => {
  await browser.close();
  await app.close();
});

const decode = (html: string) => html.replaceAll("&#39;", "'").replaceAll("&quot;", '"').replaceAll("&amp;", "&").replaceAll("&lt;", "<").replaceAll("&gt;", ">");
const hidden = (html: string, name: string) => new RegExp(`name="${name}" value="([^"]*)"`).exec(html)?.[1] ?? "";

/** Siti (Bahasa Indonesia) and Budi (English), volunteers in Kota Bandung who agreed to tasks; a voter beside them. */
async function setUp() {
  await volunteer(app, "501", { name: "Siti Aminah" });
  await volunteer(app, "502", { name: "Budi Santoso", language: "en" });
  await voterInBandung(app, "503");
  const segment = await bandungHealthSegment(app);
  const coordinator = await staffMember(app, "coordinator", "9001");
  await browser.signIn(coordinator);
  return { segment, coordinator: await contactOf(app, "telegram", "9001") };
}

function taskFields(segmentId: string, changes: Record<string, string> = {}): Record<string, string> {
  return { judul: "Bagikan brosur posyandu", petunjuk: "Bagikan 50 brosur di posyandu terdekat.", tautan: "contoh.id/brosur", gambar: "", segmen: segmentId, tenggat: "2026-11-28T17:00", zona: "Asia/Jakarta", maks: "", ...changes };
}

/** The new-task page, then its preview: returns the preview's body and the fields that confirm it. */
async function preview(fields: Record<string, string>) {
  const page = await browser.get("/tugas/baru");
  expect(page.statusCode).toBe(200);
  const kunci = hidden(page.body, "kunci");
  expect(kunci.length).toBeGreaterThanOrEqual(16);
  const shown = await browser.post("/tugas/baru/pratinjau", { ...fields, kunci });
  return { shown, confirm: { ...fields, kunci, pratinjau: hidden(shown.body, "pratinjau") } };
}

describe("making a task in the dashboard", () => {
  it("previews the offer exactly as volunteers get it with its count, creates it once, and a replayed form creates nothing", async () => {
    const { segment, coordinator } = await setUp();
    const { shown, confirm } = await preview(taskFields(segment.id));
    expect(shown.statusCode).toBe(200);
    const body = decode(shown.body);
    // Each language's offer, from the function the offers are written with ("N" stands for the number).
    expect(body).toContain("📋 Tugas baru #N: Bagikan brosur posyandu");
    expect(body).toContain("Bisa ikut? Balas TERIMA N. Tidak bisa? Balas TOLAK N.");
    expect(body).toContain("Reply ACCEPT N");
    expect(body).toContain("🔗 https://contoh.id/brosur");
    expect(body).toContain(`Segmen: ${segment.name} — ditawarkan ke 2 relawan.`);
    expect(body).toContain("Batas waktu: 28 Nov 2026, 17.00 WIB");
    expect(body).toContain('formaction="/tugas/baru"');
    expect(await app.db.task.count()).toBe(0);

    const created = await browser.post("/tugas/baru", confirm);
    expect(created.statusCode).toBe(303);
    const task = await app.db.task.findFirstOrThrow();
    expect(created.headers.location).toBe(`/tugas/${task.id}?dibuat=1`);
    expect(task).toMatchObject({ title: "Bagikan brosur posyandu", link: "https://contoh.id/brosur", createdBy: coordinator.id, maxVolunteers: null, operational: false });
    expect(task.deadline.toISOString()).toBe("2026-11-28T10:00:00.000Z");
    const offers = await app.db.delivery.findMany({ where: { kind: "task_offer", taskId: task.id } });
    expect(offers).toHaveLength(2);
    // What was previewed is what is queued, the number filled in.
    expect(offers.map((o) => o.text).join("\n")).toContain(`Bisa ikut? Balas TERIMA ${task.id}. Tidak bisa? Balas TOLAK ${task.id}.`);
    expect(await app.db.auditEntry.findFirstOrThrow({ where: { action: "task.create" } })).toMatchObject({ actor: coordinator.id, target: String(task.id) });

    // The same form again (a double click, a reload): nothing new, and the page says which task it made.
    const again = await browser.post("/tugas/baru", confirm);
    expect(again.statusCode).toBe(409);
    expect(decode(again.body)).toContain(`Formulir ini sudah membuat tugas #${task.id}`);
    expect(await app.db.task.count()).toBe(1);
    expect(await app.db.delivery.count({ where: { kind: "task_offer" } })).toBe(2);
    expect(await app.db.auditEntry.count({ where: { action: "task.create" } })).toBe(1);

    const page = await browser.get(`/tugas/${task.id}?dibuat=1`);
    expect(page.statusCode).toBe(200);
    expect(decode(page.body)).toContain(`Tugas #${task.id} dibuat`);
  });

  it("sends staff to make a segment first when there is none", async () => {
    await browser.signIn(await staffMember(app, "coordinator", "9001"));
    const page = await browser.get("/tugas/baru");
    expect(page.statusCode).toBe(200);
    expect(decode(page.body)).toContain('Belum ada segmen: tugas selalu ditawarkan ke sebuah segmen relawan. Buat segmennya dulu. <a href="/segmen/baru">');
  });

  it("makes one task of a form sent twice at the same moment (a double click)", async () => {
    const { segment } = await setUp();
    const { confirm } = await preview(taskFields(segment.id));
    const answers = await Promise.all([browser.post("/tugas/baru", confirm), browser.post("/tugas/baru", confirm)]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([303, 409]);
    expect(await app.db.task.count()).toBe(1);
    expect(await app.db.delivery.count({ where: { kind: "task_offer" } })).toBe(2);
    expect(await app.db.auditEntry.count({ where: { action: "task.create" } })).toBe(1);
  });

  it("shows the new preview instead of creating when the fields changed after the preview, and refuses a form without its key", async () => {
    const { segment } = await setUp();
    const { confirm } = await preview(taskFields(segment.id));
    const changed = await browser.post("/tugas/baru", { ...confirm, judul: "Judul lain" });
    expect(changed.statusCode).toBe(409);
    expect(decode(changed.body)).toContain("Isian formulir berubah setelah pratinjau");
    expect(decode(changed.body)).toContain("📋 Tugas baru #N: Judul lain");
    const keyless = await browser.post("/tugas/baru", { ...confirm, kunci: "" });
    expect(keyless.statusCode).toBe(400);
    expect(decode(keyless.body)).toContain("Formulir tugas tidak lengkap");
    expect(await app.db.task.count()).toBe(0);
  });

  it("tells what to fix, in the staff member's language, and creates nothing", async () => {
    const { segment } = await setUp();
    const empty = await app.db.segment.create({ data: { name: "Papua", definition: JSON.stringify({ regionPrefix: "94" }), createdBy: "test" } });
    const cases: [Record<string, string>, string][] = [
      [{ judul: "  " }, "Judulnya kosong. Tulis judul tugas."],
      [{ judul: "x".repeat(101) }, "Judul terlalu panjang (maksimal 100 karakter)."],
      [{ petunjuk: "" }, "Petunjuknya kosong."],
      [{ tenggat: "2026-11-25T17:00" }, "Waktu itu (25 Nov 2026, 17.00 WIB) sudah lewat."],
      [{ tenggat: "" }, "Isi batas waktu: tanggal dan jam."],
      [{ tenggat: "2026-02-31T10:00" }, "Isi batas waktu: tanggal dan jam."],
      [{ zona: "Mars/Olympus" }, 'Zona waktu "Mars/Olympus" tidak saya kenal.'],
      [{ segmen: empty.id }, "Tidak ada relawan di segmen ini yang bisa ditawari tugas"],
      [{ segmen: "" }, "Pilih segmen dari daftar."],
      [{ maks: "-3" }, "Jumlah relawan harus angka bulat antara 1 dan 100000"],
      [{ maks: "200000" }, "Jumlah relawan harus angka bulat antara 1 dan 100000"],
      [{ tautan: "javascript:alert(1)" }, "Itu bukan alamat web yang bisa dipakai."],
      [{ gambar: "http://contoh.id/a.jpg" }, "Itu bukan alamat gambar yang bisa dipakai."],
      [{ petunjuk: "x".repeat(950), gambar: "https://contoh.id/a.jpg" }, "lebih dari batas 1024"],
    ];
    for (const [changes, message] of cases) {
      const { shown, confirm } = await preview(taskFields(segment.id, changes));
      expect(shown.statusCode, JSON.stringify(changes)).toBe(400);
      expect(decode(shown.body), JSON.stringify(changes)).toContain(message);
      expect(shown.body, JSON.stringify(changes)).not.toContain('formaction="/tugas/baru"');
      // Sent to the create action anyway (by hand, with the digest a preview would have given): createTask refuses the same.
      const forced = await browser.post("/tugas/baru", { ...confirm, pratinjau: digestTaskForm(readTaskForm(confirm).values) });
      expect(forced.statusCode, JSON.stringify(changes)).toBe(400);
      expect(decode(forced.body), JSON.stringify(changes)).toContain(message);
    }
    expect(await app.db.task.count()).toBe(0);
    expect(await app.db.taskAssignment.count()).toBe(0);
    expect(await app.db.auditEntry.count({ where: { action: "task.create" } })).toBe(0);

    // In English for staff who chose it: the same keys.
    await browser.get("/bahasa/en?kembali=/tugas/baru");
    const english = await preview(taskFields(segment.id, { judul: "" }));
    expect(english.shown.statusCode).toBe(400);
    expect(decode(english.shown.body)).toContain("The title is empty");
  });
});

describe("a task's page", () => {
  it("lists the tasks open first with their counts, and shows each volunteer's part with masked names, live", async () => {
    const { segment } = await setUp();
    const { confirm } = await preview(taskFields(segment.id));
    await browser.post("/tugas/baru", confirm);
    const task = await app.db.task.findFirstOrThrow();
    const siti = await contactOf(app, "telegram", "501");
    const budi = await contactOf(app, "telegram", "502");
    const before = await readTasksMarker(app.db);
    await app.db.$transaction((tx) => respondToTask(tx, { taskId: task.id, contactId: siti.id, response: "accept", now: app.clock.now }));
    expect(await readTasksMarker(app.db)).not.toBe(before);
    await app.db.$transaction((tx) => reportTaskDone(tx, { taskId: task.id, contactId: siti.id, proofKind: "link", proof: "https://contoh.id/foto-posyandu", now: app.clock.now }));
    await app.db.taskAssignment.update({ where: { taskId_contactId: { taskId: task.id, contactId: budi.id } }, data: { status: "accepted", respondedAt: app.clock.now, remindedAt: app.clock.now } });

    const list = await browser.get("/tugas");
    expect(list.statusCode).toBe(200);
    expect(list.body).toContain('href="/tugas" aria-current="page"');
    expect(list.body).toContain('data-live="tasks"');
    expect(decode(list.body)).toMatch(new RegExp(`#${task.id}</a></td><td>Bagikan brosur posyandu</td><td>terbuka</td><td>28 Nov 2026, 17.00 WIB</td><td>2</td><td>0</td><td>2</td><td>1</td><td>0</td>`));

    const page = await browser.get(`/tugas/${task.id}`);
    expect(page.statusCode).toBe(200);
    const body = decode(page.body);
    expect(body).toContain("Selesai: 1");
    expect(body).toContain("Menerima: 1");
    expect(body).toContain("Belum menjawab: 0");
    expect(body).toContain(`<a href="/orang/${siti.id}">S*** A***</a>`);
    expect(body).toContain('tautan: <a href="https://contoh.id/foto-posyandu" rel="noopener noreferrer nofollow" target="_blank">https://contoh.id/foto-posyandu</a>');
    expect(body).toContain(`<a href="/orang/${budi.id}">B*** S***</a>`);
    expect(body).not.toContain("Siti");
    expect(body).not.toContain("Budi");
    expect(body).toContain('data-live="tasks"');
    expect(body).toContain(`action="/tugas/${task.id}/tutup"`);
    expect((await browser.get("/tugas/999999")).statusCode).toBe(404);
    expect((await browser.get("/tugas/abc")).statusCode).toBe(404);
  });

  it("closes a task once, audited as in the chat; a second close is told it is closed", async () => {
    const { segment, coordinator } = await setUp();
    const { confirm } = await preview(taskFields(segment.id));
    await browser.post("/tugas/baru", confirm);
    const task = await app.db.task.findFirstOrThrow();
    await browser.get(`/tugas/${task.id}`);
    const closed = await browser.post(`/tugas/${task.id}/tutup`, {});
    expect(closed.statusCode).toBe(303);
    expect(closed.headers.location).toBe(`/tugas/${task.id}?ditutup=1`);
    expect(await app.db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: "closed" });
    expect(await app.db.auditEntry.findFirstOrThrow({ where: { action: "task.close" } })).toMatchObject({ actor: coordinator.id, target: String(task.id) });
    const again = await browser.post(`/tugas/${task.id}/tutup`, {});
    expect(again.statusCode).toBe(409);
    expect(decode(again.body)).toContain(`Tugas #${task.id} sudah ditutup.`);
    expect(again.body).not.toContain(`action="/tugas/${task.id}/tutup"`);
    expect(await app.db.auditEntry.count({ where: { action: "task.close" } })).toBe(1);
    expect((await browser.post("/tugas/999999/tutup", {})).statusCode).toBe(404);

    // Open tasks come first in the list, whatever their age.
    await browser.post("/tugas/baru", (await preview(taskFields(segment.id, { judul: "Survei air bersih" }))).confirm);
    const newer = await app.db.task.findFirstOrThrow({ where: { title: "Survei air bersih" } });
    await browser.post("/tugas/baru", (await preview(taskFields(segment.id, { judul: "Rapat relawan" }))).confirm);
    await app.db.$transaction((tx) => closeTask(tx, { id: newer.id, actor: "test", now: app.clock.now }));
    const list = decode((await browser.get("/tugas")).body);
    const order = [...list.matchAll(/<td>(Bagikan brosur posyandu|Survei air bersih|Rapat relawan)<\/td><td>(terbuka|ditutup)<\/td>/g)].map((m) => `${m[1]} ${m[2]}`);
    expect(order).toEqual(["Rapat relawan terbuka", "Survei air bersih ditutup", "Bagikan brosur posyandu ditutup"]);
  });
});

describe("the task actions refused", () => {
  it("does nothing without a session, with a voter's session, or without the CSRF token", async () => {
    const { segment } = await setUp();
    const { confirm } = await preview(taskFields(segment.id));
    const outsider = await createDashboardClient(app);
    try {
      // A form token this browser may use, but no session.
      await outsider.get("/masuk?token=anything");
      expect((await outsider.post("/tugas/baru", confirm)).statusCode).toBe(401);
      expect((await outsider.post("/tugas/baru/pratinjau", confirm)).statusCode).toBe(401);
      const voter = person(app, "telegram", "7301");
      await onboard(voter);
      const token = "voter-session".padEnd(43, "v");
      await app.db.dashboardSession.create({ data: { tokenHash: hashToken(token), contactId: (await contactOf(app, "telegram", "7301")).id, createdAt: app.clock.now, expiresAt: new Date(app.clock.now.getTime() + 3_600_000) } });
      outsider.cookies.set("relawan_session", token);
      expect((await outsider.post("/tugas/baru", confirm)).statusCode).toBe(401);
    } finally {
      await outsider.close();
    }
    for (const csrf of [null, "wrong-token"]) expect((await browser.post("/tugas/baru", confirm, { csrf })).statusCode).toBe(403);
    expect(await app.db.task.count()).toBe(0);

    await browser.post("/tugas/baru", confirm);
    const task = await app.db.task.findFirstOrThrow();
    expect((await browser.post(`/tugas/${task.id}/tutup`, {}, { csrf: null })).statusCode).toBe(403);
    expect(await app.db.task.findUniqueOrThrow({ where: { id: task.id } })).toMatchObject({ status: "open" });
  });
});
