// The segments pages over HTTP: the form with every filter a segment has, checked as the chat's
// /segment wizard and `relawan segment create` check them, the count and five masked examples, save
// (once: a form sent twice makes one segment), rename, and delete for admins only.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
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

async function voters(names: string[], regionCode?: string) {
  for (const [i, name] of names.entries()) {
    const voter = person(app, "telegram", `80${i}${name.length}`);
    await onboard(voter);
    const contact = await contactOf(app, "telegram", `80${i}${name.length}`);
    await app.db.contact.update({ where: { id: contact.id }, data: { name, regionCode: regionCode ?? null, phone: `+6281200000${i}${i}` } });
  }
}

const form = (fields: Record<string, string>) => ({ nama: "", tag_semua: "", tag_salah_satu: "", tag_tanpa: "", wilayah: "", daftar_wilayah: "", peran: "", bahasa: "", aplikasi: "", persetujuan: "", aktif_sejak: "", tidak_aktif_sejak: "", diajak_oleh: "", ...fields });

describe("segments pages", () => {
  it("asks a visitor without a session to sign in", async () => {
    expect((await browser.get("/segmen")).statusCode).toBe(401);
    expect((await browser.get("/segmen/baru")).statusCode).toBe(401);
  });

  it("shows a coordinator the form with every filter, the count and five masked examples as the filters change", async () => {
    await voters(["Siti Aminah", "Budi Santoso", "Citra Lestari", "Dewi Sartika", "Eko Prasetyo", "Fajar Nugroho"], "32.73.02.1004");
    const coordinator = await staffMember(app, "coordinator", "7400");
    await browser.signIn(coordinator);
    const list = await browser.get("/segmen");
    expect(list.body).toContain('<a href="/segmen" aria-current="page">Segmen</a>');
    const empty = await browser.get("/segmen/baru");
    expect(empty.statusCode).toBe(200);
    for (const name of ["tag_semua", "tag_salah_satu", "tag_tanpa", "wilayah", "daftar_wilayah", "peran", "bahasa", "aplikasi", "persetujuan", "aktif_sejak", "tidak_aktif_sejak", "diajak_oleh"]) expect(empty.body).toContain(`name="${name}"`);
    expect(empty.body).toContain('data-refresh="segment-result"');

    // A village, as the form's own GET with the fields (what the page fetches as they change).
    const village = await browser.get("/segmen/baru?nama=Dago&wilayah=32.73.02.1004&peran=voter");
    expect(village.body).toContain("Dago, Coblong");
    expect(village.body).toContain("6 kontak: 6 bisa menerima siaran");
    const examples = [...village.body.matchAll(/<li>([^<]*) \(id\)<\/li>/g)].map((m) => m[1]);
    expect(examples).toHaveLength(5);
    // The most recently active first, masked as /segment show masks them.
    expect(examples[0]).toBe("F*** N*** · +62812***0055");
    for (const example of examples) expect(example).toMatch(/^\S\*\*\* \S\*\*\* · \+62812\*\*\*\d{4}$/);
    expect(village.body).not.toContain("Fajar Nugroho");

    const nobody = await browser.get("/segmen/baru?nama=x&peran=admin&wilayah=32.73.02.1004");
    expect(nobody.body).toContain("0 kontak");
    expect(nobody.body).toContain("Tidak ada kontak yang cocok dengan filter ini");
  });

  it("saves a segment once, audited with the staff member; the same form again creates nothing", async () => {
    await voters(["Siti Aminah"], "32.73");
    const coordinator = await staffMember(app, "coordinator", "7401");
    await browser.signIn(coordinator);
    await browser.get("/segmen/baru");
    const fields = form({ nama: "Relawan  Bandung", wilayah: "Kota Bandung", daftar_wilayah: "", tag_tanpa: "donatur", aktif_sejak: "2026-01-01" });
    const saved = await browser.post("/segmen/baru", fields);
    expect(saved.statusCode).toBe(303);
    const segment = await app.db.segment.findFirstOrThrow();
    expect(segment.name).toBe("Relawan Bandung");
    expect(JSON.parse(segment.definition)).toEqual({ tagsNone: ["donatur"], regionPrefix: "32.73", lastActiveAfter: "2025-12-31T17:00:00.000Z" });
    expect(saved.headers.location).toBe(`/segmen/${segment.id}?disimpan=1`);
    const page = await browser.get(saved.headers.location as string);
    expect(page.body).toContain("Segmen &quot;Relawan Bandung&quot; disimpan.");
    expect(page.body).toContain('value="2026-01-01"');
    const audit = await app.db.auditEntry.findFirstOrThrow({ where: { action: "segment.create" } });
    expect(audit.actor).not.toBe("cli");

    await browser.get("/segmen/baru");
    const again = await browser.post("/segmen/baru", fields);
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain("Sudah ada segmen bernama");
    expect(await app.db.segment.count()).toBe(1);
  });

  it("refuses a form without the CSRF token, creating nothing", async () => {
    const coordinator = await staffMember(app, "coordinator", "7402");
    await browser.signIn(coordinator);
    const response = await browser.post("/segmen/baru", form({ nama: "Tanpa token" }), { csrf: null });
    expect(response.statusCode).toBe(403);
    expect(await app.db.segment.count()).toBe(0);
  });

  it("says what to fix for every bad filter, next to nothing saved", async () => {
    const coordinator = await staffMember(app, "coordinator", "7403");
    await browser.signIn(coordinator);
    await browser.get("/segmen/baru");
    const response = await browser.post("/segmen/baru", form({ nama: "Salah", tag_semua: "bukan tag!", wilayah: "99.99", daftar_wilayah: "32.73, 12345", diajak_oleh: "ZZZZZZZ", aktif_sejak: "2026-02-30", peran: "raja" }));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("Punya semua tag: Tag hanya boleh huruf");
    expect(response.body).toContain("tidak ada wilayah &quot;99.99&quot;");
    expect(response.body).toContain("tidak ada wilayah &quot;12345&quot;");
    expect(response.body).toContain("Tidak ada relawan dengan kode &quot;ZZZZZZZ&quot;");
    expect(response.body).toContain("&quot;2026-02-30&quot; bukan tanggal");
    expect(response.body).toContain("Peran: isiannya tidak valid");
    const badName = await browser.post("/segmen/baru", form({ nama: "/x" }));
    expect(badName.statusCode).toBe(400);
    expect(badName.body).toContain("Nama segmen harus 2 sampai 60 karakter");
    expect(await app.db.segment.count()).toBe(0);
  });

  it("renames and changes a saved segment, audited as segment.update", async () => {
    const coordinator = await staffMember(app, "coordinator", "7404");
    await browser.signIn(coordinator);
    await browser.get("/segmen/baru");
    await browser.post("/segmen/baru", form({ nama: "Lama", bahasa: "id" }));
    const segment = await app.db.segment.findFirstOrThrow();
    await browser.get(`/segmen/${segment.id}`);
    const renamed = await browser.post(`/segmen/${segment.id}`, form({ nama: "Baru", bahasa: "en", daftar_wilayah: "32.73.02, 32.73.02.1004" }));
    expect(renamed.statusCode).toBe(303);
    const changed = await app.db.segment.findUniqueOrThrow({ where: { id: segment.id } });
    expect(changed.name).toBe("Baru");
    expect(JSON.parse(changed.definition)).toEqual({ language: "en", regionCodes: ["32.73.02", "32.73.02.1004"] });
    expect(await app.db.auditEntry.count({ where: { action: "segment.update" } })).toBe(1);
  });

  it("lets only admins delete: a coordinator gets the 403 page and the segment stays", async () => {
    const coordinator = await staffMember(app, "coordinator", "7405");
    await browser.signIn(coordinator);
    await browser.get("/segmen/baru");
    await browser.post("/segmen/baru", form({ nama: "Hapus saya" }));
    const segment = await app.db.segment.findFirstOrThrow();
    const page = await browser.get(`/segmen/${segment.id}`);
    expect(page.body).not.toContain("/hapus");
    const refused = await browser.post(`/segmen/${segment.id}/hapus`, {});
    expect(refused.statusCode).toBe(403);
    expect(refused.body).toContain("Halaman ini bukan untuk peran Anda");
    expect(await app.db.segment.count()).toBe(1);
    expect(await app.db.auditEntry.count({ where: { action: "denied", target: "POST /segmen/:id/hapus" } })).toBe(1);

    const admin = await staffMember(app, "admin", "7406");
    await browser.signIn(admin);
    const adminPage = await browser.get(`/segmen/${segment.id}`);
    expect(adminPage.body).toContain(`action="/segmen/${segment.id}/hapus"`);
    const deleted = await browser.post(`/segmen/${segment.id}/hapus`, {});
    expect(deleted.statusCode).toBe(303);
    expect(await app.db.segment.count()).toBe(0);
    expect((await browser.get(deleted.headers.location as string)).body).toContain("Segmen &quot;Hapus saya&quot; dihapus.");
    expect((await browser.get(`/segmen/${segment.id}`)).statusCode).toBe(404);
  });
});
