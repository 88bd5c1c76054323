// /stats in the chat: refused like an unknown command without the role; for coordinators and
// admins the numbers as text, then each chart as a real PNG of the fixed size.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Reply } from "../../src/conversation/types.js";
import { pngSize } from "../charts/pngSize.js";
import { seedStats } from "../domain/stats/seedStats.js";
import { contactOf, createTestApp, onboard, person, signUpVolunteer, staffMember, type TestApp, type Voter } from "../support/createTestApp.js";

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.close();
});

async function expectRefused(who: Voter, externalId: string) {
  const unknown = (await who.say("/zzzunknown")).map((r) => ({ ...r, text: r.text.replace("/zzzunknown", "/stats") }));
  const replies = await who.say("/stats");
  expect(replies).toEqual(unknown);
  expect(replies.some((r) => r.image)).toBe(false);
  const entry = await app.db.auditEntry.findFirstOrThrow({ where: { action: "denied" }, orderBy: [{ at: "desc" }, { id: "desc" }] });
  expect(entry).toMatchObject({ actor: (await contactOf(app, "telegram", externalId)).id, target: "/stats" });
}

async function expectCharts(replies: Reply[], titles: string[]) {
  const images = replies.filter((r) => r.image);
  expect(images.map((r) => r.text)).toEqual(titles);
  for (const reply of images) {
    expect(reply.image?.fileName).toMatch(/^[a-z-]+\.png$/);
    expect(pngSize(await reply.image!.png())).toEqual({ width: 800, height: 450 });
  }
}

const indonesianTitles = [
  "Kontak dan relawan dari waktu ke waktu",
  "Relawan per provinsi",
  "Pengiriman pesan siaran",
  "Penyelesaian tugas",
  "Pertanyaan tak terjawab terbanyak",
];

describe("/stats", () => {
  it("is refused to voters and volunteers exactly like an unknown command, and logged", async () => {
    const voter = person(app, "telegram", "5001");
    await onboard(voter);
    await expectRefused(voter, "5001");
    const volunteer = person(app, "telegram", "5002");
    await onboard(volunteer);
    await signUpVolunteer(volunteer);
    await expectRefused(volunteer, "5002");
  });

  it("answers a coordinator with the numbers, then the five charts as pictures", async () => {
    await seedStats(app.db);
    const coordinator = await staffMember(app, "coordinator", "5003");
    const replies = await coordinator.say("/stats");
    expect(replies).toHaveLength(6);
    expect(replies[0]?.title).toBe("Statistik kampanye");
    expect(replies[0]?.image).toBeUndefined();
    expect(replies[0]?.text).toBe(
      [
        "Per 26 Nov 2026, 10.00 WIB",
        "",
        "Kontak: 6 (+5 dalam 7 hari terakhir)",
        "Relawan: 4 (+3 dalam 7 hari terakhir)",
        "Relawan per provinsi: Jawa Barat 2 · DKI Jakarta 1 · Tanpa wilayah 1",
        "Siaran: 3 terkirim · 4 antre · 1 gagal · 2 diblokir · 2 dilewati · 1 tidak pasti",
        "Tugas: 2 (2 terbuka) · 2 selesai · 2 dikerjakan · 1 terlambat · 1 belum dijawab · 1 ditolak",
        "",
        "Pertanyaan tak terjawab terbanyak:",
        "1. gimana cara daftar (4×)",
        "2. Kapan debat kandidat? (2×)",
        "3. Apakah ada kaos gratis (1×)",
        "",
        "Grafik menyusul sebagai gambar (Telegram, WhatsApp Web). Di server: node bin/relawan.js stats --out <folder>",
      ].join("\n"),
    );
    await expectCharts(replies, indonesianTitles);
  });

  it("answers an admin in English with English charts", async () => {
    const admin = await staffMember(app, "admin", "5004");
    await admin.say("/bahasa");
    await admin.pick("lang:en");
    const replies = await admin.say("/stats");
    expect(replies[0]?.title).toBe("Campaign stats");
    await expectCharts(replies, ["Contacts and volunteers over time", "Volunteers by province", "Broadcast delivery", "Task completion", "Most asked unanswered questions"]);
  });

  it("says plainly that there is nothing yet on a fresh campaign, charts included", async () => {
    const coordinator = await staffMember(app, "coordinator", "5005");
    const replies = await coordinator.say("/stats");
    const text = replies[0]?.text ?? "";
    expect(text).toContain("Kontak: 1 (+1 dalam 7 hari terakhir)");
    expect(text).toContain("Relawan: 0 (+0 dalam 7 hari terakhir)");
    expect(text).toContain("Relawan per provinsi: belum ada relawan");
    expect(text).toContain("Siaran: belum ada pesan siaran");
    expect(text).toContain("Tugas: belum ada tugas");
    expect(text).toContain("Pertanyaan tak terjawab: belum ada");
    await expectCharts(replies, indonesianTitles);
  });
});
