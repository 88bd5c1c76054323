// The People pages over HTTP: search and filters, keyset pages, a person (phone masked for a
// coordinator), tags added and removed with an audit entry, and an admin's deletion = /hapusdata.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readContactTags } from "../../src/domain/contacts/contactTags.js";
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

/** A subscribed voter on WhatsApp with a name, a phone and a region. */
async function seedVoter(name: string, phone: string, externalId: string) {
  const voter = person(app, "whatsapp", externalId, { senderPhone: phone });
  await onboard(voter);
  const contact = await contactOf(app, "whatsapp", externalId);
  await app.db.contact.update({ where: { id: contact.id }, data: { name, phone, regionCode: "32.73.01" } });
  return contact.id;
}

describe("the People page", () => {
  it("lists, searches and filters people, masking the phone for a coordinator and not for an admin", async () => {
    const budi = await seedVoter("Budi Santoso", "+6281234567890", "6281234567890");
    await seedVoter("Siti Aminah", "+6281311112222", "6281311112222");
    const coordinator = await staffMember(app, "coordinator", "7101");
    await browser.signIn(coordinator);
    const all = await browser.get("/orang");
    expect(all.statusCode).toBe(200);
    expect(all.body).toContain('href="/orang"');
    expect(all.body).toContain("Budi Santoso");
    expect(all.body).toContain("Siti Aminah");
    expect(all.body).toContain("+62812****7890");
    expect(all.body).not.toContain("+6281234567890");
    // A coordinator may not export, as in the chat: no export links.
    expect(all.body).not.toContain("ekspor.xlsx");

    const found = await browser.get("/orang?cari=0812-3456-7890");
    expect(found.body).toContain(`href="/orang/${budi}"`);
    expect(found.body).not.toContain("Siti Aminah");
    const staffOnly = await browser.get("/orang?peran=staff");
    expect(staffOnly.body).not.toContain("Budi Santoso");
    const inRegion = await browser.get("/orang?wilayah=32.73&persetujuan=subscribed");
    expect(inRegion.body).toContain("Budi Santoso");

    const profile = await browser.get(`/orang/${budi}`);
    expect(profile.statusCode).toBe(200);
    expect(profile.body).toContain("+62812****7890");
    expect(profile.body).toContain("628123***7890");
    expect(profile.body).not.toContain("6281234567890");

    const admin = await staffMember(app, "admin", "7102");
    const adminBrowser = await createDashboardClient(app);
    await adminBrowser.signIn(admin);
    const whole = await adminBrowser.get(`/orang/${budi}`);
    expect(whole.body).toContain("+6281234567890");
    expect(whole.body).toContain(`/orang/${budi}/hapus`);
    expect((await adminBrowser.get("/orang")).body).toContain("ekspor.xlsx");
    await adminBrowser.close();
  });

  it("pages with a cursor and answers a tampered cursor, an unknown filter and a huge search with a page, not a stack trace", async () => {
    for (let i = 0; i < 3; i++) await app.db.contact.create({ data: { name: `Warga ${i}` } });
    const coordinator = await staffMember(app, "coordinator", "7103");
    await browser.signIn(coordinator);
    const first = await browser.get("/orang");
    const next = /href="(\/orang\?setelah=[A-Za-z0-9_-]+)"/.exec(first.body);
    // 4 people (3 + the coordinator) fit one page of 50: no link to a next page.
    expect(next).toBeNull();
    for (let i = 0; i < 60; i++) await app.db.contact.create({ data: { name: `Orang ${i}` } });
    const full = await browser.get("/orang");
    const link = /href="(\/orang\?setelah=[A-Za-z0-9_-]+)"/.exec(full.body)?.[1];
    expect(link).toBeDefined();
    const second = await browser.get(link!);
    expect(second.statusCode).toBe(200);
    expect(second.body).toContain("Warga 0");

    for (const url of ["/orang?setelah=bm90LWEtY3Vyc29y", `/orang?setelah=AAAA${link!.split("=")[1]!}`, "/orang?setelah=%27%20OR%201%3D1"]) {
      const tampered = await browser.get(url);
      expect(tampered.statusCode, url).toBe(400);
      expect(tampered.body).toContain("Halaman daftar ini tidak ada lagi");
    }
    const badSearches = [`/orang?cari=${"a".repeat(100_000)}`, "/orang?cari=budi%00", "/orang?cari=%1B%5B31m", "/orang?tag=a%07b", "/orang?aktivitas=kadang", "/orang?aktivitas=active&aktivitas=inactive"];
    for (const url of ["/orang?urut=nama", "/orang?peran=superuser", "/orang?wilayah=abc", `/orang?cari=${"a".repeat(5000)}`, "/orang?cari=a&cari=b", ...badSearches]) {
      const bad = await browser.get(url);
      expect(bad.statusCode, url.slice(0, 40)).toBe(400);
      expect(bad.body).toContain("Saringan tidak dikenali");
      expect(bad.body).not.toMatch(/at \w+ \(/);
    }
    expect((await browser.get("/orang/tidak-ada")).statusCode).toBe(404);
    // A tampered cursor on the export, and an unknown filter there: the same clear page.
    expect((await browser.get("/orang?cari=%25%25%25")).statusCode).toBe(200);
    expect((await browser.get("/orang/%00")).statusCode).toBe(404);
  });

  it("filters by activity in the window of ACTIVE_VOLUNTEER_DAYS and keeps the filter in the next page and export links", async () => {
    const budi = await seedVoter("Budi Santoso", "+6281234567890", "6281234567890");
    const siti = await seedVoter("Siti Aminah", "+6281311112222", "6281311112222");
    const day = 86_400_000;
    await app.db.contact.update({ where: { id: budi }, data: { lastActiveAt: new Date(app.clock.now.getTime() - 2 * day) } });
    await app.db.contact.update({ where: { id: siti }, data: { lastActiveAt: new Date(app.clock.now.getTime() - 45 * day) } });
    const admin = await staffMember(app, "admin", "7108");
    await browser.signIn(admin);
    const page = await browser.get("/orang?aktivitas=active&wilayah=32.73");
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("Budi Santoso");
    expect(page.body).not.toContain("Siti Aminah");
    expect(page.body).toContain('<option value="active" selected>Aktif dalam 30 hari terakhir</option>');
    expect(page.body).toContain("/orang/ekspor.csv?wilayah=32.73&amp;aktivitas=active");
    const inactive = await browser.get("/orang?aktivitas=inactive&wilayah=32.73");
    expect(inactive.body).toContain("Siti Aminah");
    expect(inactive.body).not.toContain("Budi Santoso");
  });

  it("refuses a voter's session", async () => {
    const voter = person(app, "telegram", "7104");
    await onboard(voter);
    await app.db.contact.update({ where: { id: (await contactOf(app, "telegram", "7104")).id }, data: { role: "volunteer" } });
    // A volunteer gets no link at all.
    const replies = await voter.say("/dasbor");
    expect(replies.map((r) => r.text).join(" ")).not.toContain("/masuk?token=");
    expect((await browser.get("/orang")).statusCode).toBe(401);
  });
});

describe("tags on a person", () => {
  it("adds and removes a tag through a form with the CSRF token, audited with the coordinator", async () => {
    const budi = await seedVoter("Budi Santoso", "+6281234567890", "6281234567890");
    const coordinator = await staffMember(app, "coordinator", "7105");
    await browser.signIn(coordinator);
    await browser.get(`/orang/${budi}`);
    expect((await browser.post(`/orang/${budi}/tag`, { tag: "saksi-tps", ubah: "tambah" }, { csrf: null })).statusCode).toBe(403);
    expect((await browser.post(`/orang/${budi}/tag`, { tag: "saksi-tps", ubah: "tambah" }, { csrf: "wrong" })).statusCode).toBe(403);
    expect(await readContactTags(app.db, budi)).not.toContain("saksi-tps");

    const added = await browser.post(`/orang/${budi}/tag`, { tag: "saksi-tps", ubah: "tambah" });
    expect(added.statusCode).toBe(303);
    expect(added.headers.location).toBe(`/orang/${budi}`);
    const page = await browser.get(`/orang/${budi}`);
    expect(page.body).toContain("saksi-tps");
    expect((await browser.get("/orang?tag=saksi-tps")).body).toContain("Budi Santoso");
    expect((await browser.post(`/orang/${budi}/tag`, { tag: "region:32", ubah: "tambah" })).statusCode).toBe(400);
    expect((await browser.post(`/orang/${budi}/tag`, { tag: "saksi-tps", ubah: "hapus" })).statusCode).toBe(303);
    expect(await readContactTags(app.db, budi)).not.toContain("saksi-tps");

    const actor = (await contactOf(app, "telegram", "7105")).id;
    const audit = await app.db.auditEntry.findMany({ where: { action: { startsWith: "tag." } }, orderBy: { action: "asc" } });
    expect(audit.map((a) => [a.actor, a.action, a.target])).toEqual([
      [actor, "tag.add", budi],
      [actor, "tag.remove", budi],
    ]);
  });
});

describe("a deletion request carried out by an admin", () => {
  it("is refused to a coordinator (403) and does what /hapusdata does after the admin confirms", async () => {
    const budi = await seedVoter("Budi Santoso", "+6281234567890", "6281234567890");
    const coordinator = await staffMember(app, "coordinator", "7106");
    await browser.signIn(coordinator);
    expect((await browser.get(`/orang/${budi}/hapus`)).statusCode).toBe(403);
    expect((await browser.post(`/orang/${budi}/hapus`, { yakin: "ya" })).statusCode).toBe(403);
    expect(await app.db.contact.count({ where: { id: budi } })).toBe(1);

    const admin = await staffMember(app, "admin", "7107");
    const adminBrowser = await createDashboardClient(app);
    await adminBrowser.signIn(admin);
    const confirm = await adminBrowser.get(`/orang/${budi}/hapus`);
    expect(confirm.statusCode).toBe(200);
    expect(confirm.body).toContain("Ya, hapus datanya");
    // Without the confirmation field, the form only leads back to the question.
    expect((await adminBrowser.post(`/orang/${budi}/hapus`, {})).statusCode).toBe(303);
    expect(await app.db.contact.count({ where: { id: budi } })).toBe(1);
    const done = await adminBrowser.post(`/orang/${budi}/hapus`, { yakin: "ya" });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain("Data sudah dihapus");
    expect(await app.db.contact.count({ where: { id: budi } })).toBe(0);
    expect(await app.db.channelIdentity.count({ where: { externalId: "6281234567890" } })).toBe(0);
    const record = await app.db.consentRecord.findFirstOrThrow({ where: { source: "data_deletion" } });
    expect(record).toMatchObject({ contactId: null, granted: false, channel: "dashboard", textVersion: app.deps.campaign.campaign.consentTextVersion });
    const entry = await app.db.auditEntry.findFirstOrThrow({ where: { action: "person.erase" } });
    expect(entry).toMatchObject({ actor: (await contactOf(app, "telegram", "7107")).id, target: budi });
    expect((await adminBrowser.get(`/orang/${budi}`)).statusCode).toBe(404);
    await adminBrowser.close();
  });

  it("makes the running bot forget the FAQ saved from the person's question and the wording kept from their pick, as /hapusdata does", async () => {
    const ani = person(app, "telegram", "7120");
    await onboard(ani);
    await ani.say("apakah ada lomba mural di Bekasi?");
    const item = await app.db.inboxItem.findFirstOrThrow();
    await ani.say("duit");
    await ani.pick("ask:1");
    const choice = await app.db.questionChoice.findFirstOrThrow();
    const coordinator = await staffMember(app, "coordinator", "7121");
    await coordinator.say(`/reply ${item.id} faq Ada, tanggal 5 Desember di GOR Bekasi.`);
    await coordinator.say(`/inbox varian ${choice.id}`);
    expect(app.deps.faq.entry(`inbox-${item.id}`)).toBeDefined();
    expect(app.deps.faq.entry("politik-uang")?.variants.id).toContain("duit");

    const admin = await staffMember(app, "admin", "7122");
    await browser.signIn(admin);
    const aniId = (await contactOf(app, "telegram", "7120")).id;
    await browser.get(`/orang/${aniId}/hapus`);
    expect((await browser.post(`/orang/${aniId}/hapus`, { yakin: "ya" })).statusCode).toBe(200);
    expect(await app.db.faqEntry.count({ where: { id: `inbox-${item.id}` } })).toBe(0);
    expect(app.deps.faq.entry(`inbox-${item.id}`)).toBeUndefined();
    expect(app.deps.faq.entry("politik-uang")?.variants.id ?? []).not.toContain("duit");
    // The next person asking the same is not answered with the erased person's saved words.
    const next = person(app, "telegram", "7123");
    await onboard(next);
    expect((await next.say("ada lomba mural di bekasi gak?"))[0]?.text).not.toBe("Ada, tanggal 5 Desember di GOR Bekasi.");
  });
});
