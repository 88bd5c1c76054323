// Composing a broadcast in the dashboard over HTTP: the form, the preview of exactly what each
// language's recipients get (footer and STOP hint), the count with who cannot be reached, and one
// confirm that creates it through createBroadcast; a second or replayed confirm creates nothing.
// Every bad input gets the form back as typed with what to fix, in the reader's language.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseBlackout } from "../../src/domain/blackout/parseBlackout.js";
import { contactOf, createTestApp, onboard, person, staffMember, type TestApp } from "../support/createTestApp.js";
import { createDashboardClient, DASHBOARD_URL, type DashboardClient } from "../support/dashboardClient.js";

let app: TestApp;
let browser: DashboardClient;
let everyone: string;
let nobody: string;

async function setUp(blackout?: string) {
  const ranges = blackout ? parseBlackout(blackout, "Asia/Jakarta") : undefined;
  app = await createTestApp({ dashboardUrl: DASHBOARD_URL, ...(ranges?.status === "ok" ? { blackout: ranges.ranges } : {}) });
  browser = await createDashboardClient(app);
  await onboard(person(app, "telegram", "5101"));
  await onboard(person(app, "telegram", "5102"), { language: "en" });
  await onboard(person(app, "telegram", "5103"), { consent: false });
  everyone = (await app.db.segment.create({ data: { name: "Semua pemilih", definition: JSON.stringify({ role: "voter" }), createdBy: "test" } })).id;
  nobody = (await app.db.segment.create({ data: { name: "Donatur", definition: JSON.stringify({ tagsAll: ["donatur"] }), createdBy: "test" } })).id;
}
afterEach(async () => {
  await browser.close();
  await app.close();
});

const form = (fields: Record<string, string> = {}) => ({ teks_id: "Rapat akbar Sabtu pukul 09.00 di GOR.", teks_en: "Rally on Saturday at 09:00 at the stadium.", gambar: "", segmen: everyone, kapan: "sekarang", tanggal: "", jam: "", zona: "WIB", ...fields });
const decoded = (html: string) => html.replaceAll("&quot;", '"').replaceAll("&#39;", "'").replaceAll("&amp;", "&");
const hidden = (html: string) => Object.fromEntries([...html.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)].map((m) => [m[1]!, decoded(m[2]!)]));

describe("composing a broadcast", () => {
  beforeEach(() => setUp());

  it("shows a coordinator the form, the preview each language's recipients get, and creates it once however often it is confirmed", async () => {
    const coordinator = await staffMember(app, "coordinator", "5200");
    await browser.signIn(coordinator);
    const page = await browser.get("/siaran/baru");
    expect(page.statusCode).toBe(200);
    for (const name of ["teks_id", "teks_en", "gambar", "segmen", "kapan", "tanggal", "jam", "zona"]) expect(page.body).toContain(`name="${name}"`);
    for (const zone of ["WIB", "WITA", "WIT"]) expect(page.body).toContain(`<option value="${zone}"`);
    expect(page.body).toContain("Jam tenang: 21:00–07:00 menurut waktu setempat setiap penerima");
    expect(page.body).toContain("Tidak ada masa tenang pemilu yang diatur");

    const preview = await browser.post("/siaran/baru", form({ gambar: "https://contoh.id/poster.jpg" }));
    expect(preview.statusCode).toBe(200);
    const body = decoded(preview.body);
    expect(body).toContain("Pratinjau — penerima Bahasa Indonesia");
    expect(body).toContain("Rapat akbar Sabtu pukul 09.00 di GOR.\n\n— Tim Relawan Nusa Bakti (DEMO)\nBalas STOP untuk berhenti.");
    expect(body).toContain("Rally on Saturday at 09:00 at the stadium.\n\n— Nusa Bakti Volunteer Team (DEMO)\nReply STOP to unsubscribe.");
    expect(body).toContain("Gambar: https://contoh.id/poster.jpg");
    expect(body).toContain("Segmen: Semua pemilih — 2 penerima.");
    expect(body).toContain("3 kontak: 2 bisa menerima siaran; 1 belum setuju menerima kabar");
    // Now is 10:00 WIB: nobody is in their quiet hours.
    expect(body).toContain("<li>WIB (dan kontak tanpa wilayah): langsung diterima, 26 Nov 2026, 10.00 WIB.</li>");
    expect(body).toContain("<li>WIT: langsung diterima, 26 Nov 2026, 12.00 WIT.</li>");
    expect(await app.db.broadcast.count()).toBe(0);

    const fields = hidden(preview.body);
    expect(fields.kunci).toMatch(/^[0-9a-f-]{36}$/);
    const { _csrf, ...confirm } = fields;
    const created = await browser.post("/siaran/baru/kirim", confirm);
    expect(created.statusCode).toBe(303);
    const broadcast = await app.db.broadcast.findFirstOrThrow();
    expect(created.headers.location).toBe(`/siaran/${broadcast.id}`);
    expect(broadcast).toMatchObject({ status: "sending", imageUrl: "https://contoh.id/poster.jpg", segmentId: everyone, operational: false });
    expect(JSON.parse(broadcast.texts)).toEqual({ id: "Rapat akbar Sabtu pukul 09.00 di GOR.", en: "Rally on Saturday at 09:00 at the stadium." });
    expect(await app.db.delivery.count({ where: { broadcastId: broadcast.id } })).toBe(2);
    const audit = await app.db.auditEntry.findFirstOrThrow({ where: { action: "broadcast.create" } });
    expect(audit.actor).toBe((await contactOf(app, "telegram", "5200")).id);

    // Pressed again at once, a second later, or replayed an hour later: the same broadcast, nothing new.
    for (const advance of [0, 1000, 3_600_000]) {
      app.clock.advance(advance);
      const again = await browser.post("/siaran/baru/kirim", confirm);
      expect(again.statusCode).toBe(303);
      expect(again.headers.location).toBe(`/siaran/${broadcast.id}`);
    }
    expect(await app.db.broadcast.count()).toBe(1);
    expect(await app.db.delivery.count()).toBe(2);
    expect(await app.db.auditEntry.count({ where: { action: "broadcast.create" } })).toBe(1);
  });

  it("makes one broadcast of two confirms sent at the same moment", async () => {
    await browser.signIn(await staffMember(app, "coordinator", "5206"));
    const preview = await browser.post("/siaran/baru", form());
    const { _csrf, ...confirm } = hidden(preview.body);
    const [first, second] = await Promise.all([browser.post("/siaran/baru/kirim", confirm), browser.post("/siaran/baru/kirim", confirm)]);
    const broadcast = await app.db.broadcast.findFirstOrThrow();
    expect([first.statusCode, second.statusCode]).toEqual([303, 303]);
    expect([first.headers.location, second.headers.location]).toEqual([`/siaran/${broadcast.id}`, `/siaran/${broadcast.id}`]);
    expect(await app.db.broadcast.count()).toBe(1);
    expect(await app.db.delivery.count()).toBe(2);
    expect(await app.db.auditEntry.count({ where: { action: "broadcast.create" } })).toBe(1);
  });

  it("schedules it at a date and time in the zone chosen, shown in WIB, WITA and WIT", async () => {
    await browser.signIn(await staffMember(app, "admin", "5201"));
    await browser.get("/siaran/baru");
    const preview = await browser.post("/siaran/baru", form({ kapan: "nanti", tanggal: "2026-12-01", jam: "19:00", zona: "WITA" }));
    expect(preview.statusCode).toBe(200);
    expect(preview.body).toContain("Dikirim: 1 Des 2026, 19.00 WITA");
    expect(preview.body).toContain("<li>WIB (dan kontak tanpa wilayah): langsung diterima, 1 Des 2026, 18.00 WIB.</li>");
    expect(preview.body).toContain("<li>WITA: langsung diterima, 1 Des 2026, 19.00 WITA.</li>");
    expect(preview.body).toContain("<li>WIT: langsung diterima, 1 Des 2026, 20.00 WIT.</li>");
    expect(preview.body).toContain("Ya, jadwalkan");
    const { _csrf, ...confirm } = hidden(preview.body);
    expect((await browser.post("/siaran/baru/kirim", confirm)).statusCode).toBe(303);
    const broadcast = await app.db.broadcast.findFirstOrThrow();
    expect(broadcast).toMatchObject({ status: "scheduled", scheduledAt: new Date("2026-12-01T11:00:00Z") });
    // Replayed after its time has come and gone: still that broadcast, not "that time has passed".
    app.clock.now = new Date("2026-12-01T11:30:00Z");
    await browser.signIn(await staffMember(app, "admin", "5201"));
    const replay = await browser.post("/siaran/baru/kirim", confirm);
    expect(replay.headers.location).toBe(`/siaran/${broadcast.id}`);
    expect(await app.db.broadcast.count()).toBe(1);
  });

  it("says per time zone who is in their quiet hours at the time chosen, and when they get it", async () => {
    await browser.signIn(await staffMember(app, "coordinator", "5207"));
    await browser.get("/siaran/baru");
    const preview = await browser.post("/siaran/baru", form({ kapan: "nanti", tanggal: "2026-12-01", jam: "20:30", zona: "WIB" }));
    expect(preview.statusCode).toBe(200);
    const body = decoded(preview.body);
    expect(body).toContain("Kapan sampai, per zona waktu:");
    expect(body).toContain("<li>WIB (dan kontak tanpa wilayah): langsung diterima, 1 Des 2026, 20.30 WIB.</li>");
    expect(body).toContain("<li>WITA: 1 Des 2026, 21.30 WITA masuk jam tenang (21:00–07:00): ditahan, diterima mulai 2 Des 2026, 07.00 WITA.</li>");
    expect(body).toContain("<li>WIT: 1 Des 2026, 22.30 WIT masuk jam tenang (21:00–07:00): ditahan, diterima mulai 2 Des 2026, 07.00 WIT.</li>");
    browser.cookies.set("relawan_lang", "en");
    const english = decoded((await browser.post("/siaran/baru", form({ kapan: "nanti", tanggal: "2026-12-01", jam: "20:30", zona: "WIB" }))).body);
    expect(english).toContain("<li>WIT: 1 Dec 2026, 22:30 WIT is inside quiet hours (21:00–07:00): held, they get it from 2 Dec 2026, 07:00 WIT.</li>");
  });

  it("gives every bad input the form back as typed with what to fix, and creates nothing", async () => {
    await browser.signIn(await staffMember(app, "coordinator", "5202"));
    await browser.get("/siaran/baru");
    const cases: [Record<string, string>, string][] = [
      [{ teks_id: "   " }, "Pesan dalam Bahasa Indonesia masih kosong"],
      [{ gambar: "http://contoh.id/poster.jpg" }, "Itu bukan alamat gambar yang bisa dipakai. Harus dimulai dengan https://"],
      [{ kapan: "nanti", tanggal: "2026-11-20", jam: "10:00" }, "20 Nov 2026, 10.00 WIB sudah lewat"],
      [{ kapan: "nanti", tanggal: "", jam: "" }, "Pilih tanggal dan jam (serta zonanya), atau pilih Sekarang."],
      [{ segmen: "" }, "Pilih segmen."],
      [{ segmen: "bukan-segmen" }, "Segmen itu sudah tidak ada"],
      [{ segmen: nobody }, 'Tidak ada seorang pun di segmen "Donatur" yang bisa menerima siaran'],
      [{ operasional: "1" }, "Pesan operasional hanya untuk segmen relawan"],
    ];
    for (const [fields, message] of cases) {
      const typed = form({ teks_id: "Teks yang saya ketik <b>", ...fields });
      for (const url of ["/siaran/baru", "/siaran/baru/kirim"]) {
        const response = await browser.post(url, { ...typed, kunci: "k".repeat(36) });
        expect(response.statusCode, `${url} ${message}`).toBe(400);
        const body = decoded(response.body);
        expect(body, `${url} ${message}`).toContain(message);
        expect(response.body).toContain(`>${typed.teks_id.replace("<", "&lt;").replace(">", "&gt;")}</textarea>`);
        expect(body).toContain(`value="${typed.gambar}"`);
      }
    }
    // A confirm without its one-time key (not from the preview): the form again, nothing made.
    const keyless = await browser.post("/siaran/baru/kirim", form());
    expect(keyless.statusCode).toBe(400);
    expect(keyless.body).toContain("Konfirmasi ini tidak bisa dibaca");
    expect(await app.db.broadcast.count()).toBe(0);
    expect(await app.db.delivery.count()).toBe(0);
    expect(await app.db.auditEntry.count({ where: { action: { startsWith: "broadcast." } } })).toBe(0);
  });

  it("answers in the staff member's language", async () => {
    await browser.signIn(await staffMember(app, "coordinator", "5203"));
    browser.cookies.set("relawan_lang", "en");
    await browser.get("/siaran/baru");
    const response = await browser.post("/siaran/baru", form({ gambar: "ftp://example.org/a.jpg", segmen: nobody }));
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain("That is not an image address I can use.");
    expect(response.body).toContain("Please fix this first");
    const empty = await browser.post("/siaran/baru", form({ segmen: nobody }));
    expect(decoded(empty.body)).toContain('Nobody in the segment "Donatur" can receive a broadcast now');
  });

  it("refuses a confirm without its CSRF token and the pages without a session or to a voter, creating nothing", async () => {
    expect((await browser.get("/siaran/baru")).statusCode).toBe(401);
    const voter = person(app, "telegram", "5101");
    await expect(browser.signIn(voter)).rejects.toThrow();
    await browser.signIn(await staffMember(app, "coordinator", "5204"));
    await browser.get("/siaran/baru");
    const response = await browser.post("/siaran/baru/kirim", { ...form(), kunci: "k".repeat(36) }, { csrf: null });
    expect(response.statusCode).toBe(403);
    expect(await app.db.broadcast.count()).toBe(0);
  });
});

describe("changing a scheduled broadcast", () => {
  beforeEach(() => setUp());

  async function schedule(): Promise<string> {
    await browser.get("/siaran/baru");
    const preview = await browser.post("/siaran/baru", form({ kapan: "nanti", tanggal: "2026-12-01", jam: "19:00", zona: "WIB" }));
    const { _csrf, ...confirm } = hidden(preview.body);
    await browser.post("/siaran/baru/kirim", confirm);
    return (await app.db.broadcast.findFirstOrThrow()).id;
  }

  it("shows it in the form, previews the change and saves it through editScheduledBroadcast, audited with the staff member", async () => {
    await browser.signIn(await staffMember(app, "coordinator", "5300"));
    const id = await schedule();
    const page = await browser.get(`/siaran/${id}`);
    expect(page.body).toContain(`href="/siaran/${id}/ubah"`);
    const edit = await browser.get(`/siaran/${id}/ubah`);
    expect(edit.statusCode).toBe(200);
    expect(edit.body).toContain('value="2026-12-01"');
    expect(edit.body).toContain('value="19:00"');
    expect(edit.body).toContain(">Rapat akbar Sabtu pukul 09.00 di GOR.</textarea>");
    const changed = form({ teks_id: "Rapat akbar diundur ke Minggu.", teks_en: "", kapan: "nanti", tanggal: "2026-12-02", jam: "08:00", zona: "WIT" });
    const preview = await browser.post(`/siaran/${id}/ubah`, changed);
    expect(preview.statusCode).toBe(200);
    expect(decoded(preview.body)).toContain("Rapat akbar diundur ke Minggu.\n\n— Tim Relawan Nusa Bakti (DEMO)");
    expect(preview.body).toContain("Simpan perubahan");
    // 08:00 WIT is 06:00 WIB: the WIB recipients wait an hour.
    expect(decoded(preview.body)).toContain("<li>WIB (dan kontak tanpa wilayah): 2 Des 2026, 06.00 WIB masuk jam tenang (21:00–07:00): ditahan, diterima mulai 2 Des 2026, 07.00 WIB.</li>");
    expect(decoded(preview.body)).toContain("<li>WITA: langsung diterima, 2 Des 2026, 07.00 WITA.</li>");
    expect(preview.body).not.toContain('name="kunci"');
    const { _csrf, ...save } = hidden(preview.body);
    const saved = await browser.post(`/siaran/${id}/ubah/simpan`, save);
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/siaran/${id}`);
    const broadcast = await app.db.broadcast.findUniqueOrThrow({ where: { id } });
    expect(broadcast).toMatchObject({ status: "scheduled", scheduledAt: new Date("2026-12-01T23:00:00Z") });
    expect(JSON.parse(broadcast.texts)).toEqual({ id: "Rapat akbar diundur ke Minggu." });
    expect((await app.db.delivery.findMany({ where: { broadcastId: id } })).map((d) => d.notBefore.toISOString())).toEqual(["2026-12-01T23:00:00.000Z", "2026-12-01T23:00:00.000Z"]);
    const audit = await app.db.auditEntry.findFirstOrThrow({ where: { action: "broadcast.edit" } });
    expect(audit.actor).toBe((await contactOf(app, "telegram", "5300")).id);
    expect(await app.db.broadcast.count()).toBe(1);
  });

  it("keeps what was typed when a change is refused, and refuses once it has started, changing nothing", async () => {
    await browser.signIn(await staffMember(app, "coordinator", "5301"));
    const id = await schedule();
    await browser.get(`/siaran/${id}/ubah`);
    const bad = await browser.post(`/siaran/${id}/ubah/simpan`, form({ teks_id: "Baru", gambar: "http://contoh.id/a.jpg", kapan: "nanti", tanggal: "2026-12-01", jam: "19:00" }));
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain("Harus dimulai dengan https://");
    expect(bad.body).toContain(">Baru</textarea>");
    const before = await app.db.broadcast.findUniqueOrThrow({ where: { id } });

    app.clock.now = new Date("2026-12-01T12:00:01Z");
    await browser.signIn(await staffMember(app, "coordinator", "5302"));
    const late = await browser.get(`/siaran/${id}/ubah`);
    expect(late.statusCode).toBe(409);
    expect(late.body).toContain(`hanya siaran terjadwal yang belum mulai yang bisa diubah`);
    const saved = await browser.post(`/siaran/${id}/ubah/simpan`, form({ teks_id: "Terlambat", kapan: "nanti", tanggal: "2026-12-05", jam: "19:00" }));
    expect(saved.statusCode).toBe(409);
    expect(await app.db.broadcast.findUniqueOrThrow({ where: { id } })).toEqual(before);
    expect(await app.db.auditEntry.count({ where: { action: "broadcast.edit" } })).toBe(0);
    expect((await browser.get("/siaran/zzzzzzzz/ubah")).statusCode).toBe(404);
  });
});

describe("the election quiet period on the compose page", () => {
  beforeEach(() => setUp("2026-12-09..2026-12-11@Asia/Jakarta"));

  it("says when it is and what it means, and refuses a broadcast planned inside it", async () => {
    await browser.signIn(await staffMember(app, "coordinator", "5205"));
    const page = await browser.get("/siaran/baru");
    expect(page.body).toContain("Masa tenang pemilu (CAMPAIGN_BLACKOUT)");
    expect(page.body).toContain("9 Des 2026, 00.00 WIB sampai 12 Des 2026, 00.00 WIB");
    const inside = await browser.post("/siaran/baru", form({ kapan: "nanti", tanggal: "2026-12-10", jam: "10:00", zona: "WIB" }));
    expect(inside.statusCode).toBe(400);
    expect(inside.body).toContain("Tidak bisa: sekarang atau 10 Des 2026, 10.00 WIB masuk masa tenang pemilu");
    const after = await browser.post("/siaran/baru", form({ kapan: "nanti", tanggal: "2026-12-12", jam: "10:00", zona: "WIB" }));
    expect(after.statusCode).toBe(200);
    // The evening before it: WITA's night ends inside it, so they get it when it is over (and morning comes).
    const eve = decoded((await browser.post("/siaran/baru", form({ kapan: "nanti", tanggal: "2026-12-08", jam: "20:30", zona: "WIB" }))).body);
    expect(eve).toContain("<li>WIB (dan kontak tanpa wilayah): langsung diterima, 8 Des 2026, 20.30 WIB.</li>");
    expect(eve).toContain("<li>WITA: 8 Des 2026, 21.30 WITA masuk jam tenang (21:00–07:00) dan saat jam tenang usai masa tenang pemilu sudah mulai: ditahan, diterima mulai 12 Des 2026, 07.00 WITA.</li>");
    expect(await app.db.broadcast.count()).toBe(0);
  });
});
