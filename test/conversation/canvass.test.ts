// /lapor: a volunteer's canvass report (blusukan) as a transcript on the real engine: the privacy
// notice, numbers checked with a clear re-prompt and nothing stored before "Kirim", issues from the
// programmes and free text, a photo reference, points, correction and withdrawal by the author
// within 24 hours (injected clock), and /isu for staff.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { choiceIds, contactOf, createTestApp, onboard, person, signUpVolunteer, staffMember, transcript, type TestApp, type Voter } from "../support/createTestApp.js";

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.close();
});

const hour = 3_600_000;
const text = (replies: { text: string }[]) => replies.map((r) => r.text).join("\n---\n");

/** A volunteer who lives in Dago (Coblong, Kota Bandung). */
async function volunteerInDago(id = "5001", language: "id" | "en" = "id"): Promise<Voter> {
  const siti = person(app, "telegram", id);
  await onboard(siti, { language });
  await signUpVolunteer(siti, { phone: `08123456${id}` });
  const contact = await contactOf(app, "telegram", id);
  await app.db.contact.update({ where: { id: contact.id }, data: { regionCode: "32.73.02.1004" } });
  return siti;
}

/** A whole report from /lapor to the draft, with the volunteer's own village. */
async function reportUpToDraft(volunteer: Voter, figures: string[], issues: string[] = []): Promise<void> {
  await volunteer.say("/lapor");
  await volunteer.pick("canvass:place:own");
  for (const figure of figures) await volunteer.say(figure);
  for (const issue of issues) await (issue.startsWith("canvass:") ? volunteer.pick(issue) : volunteer.say(issue));
  await volunteer.pick("canvass:issues:done");
  await volunteer.pick("canvass:photo:skip");
}

describe("/lapor", () => {
  it("is for volunteers only", async () => {
    const voter = person(app, "telegram", "5100");
    await onboard(voter);
    expect(text(await voter.say("/lapor"))).toContain("Laporan blusukan hanya untuk relawan terdaftar");
    expect(await app.db.canvassReport.count()).toBe(0);
  });

  it("says counts only, re-prompts every bad number, stores nothing until sent, then awards points", async () => {
    const siti = await volunteerInDago();
    const start = await siti.say("/lapor");
    expect(text(start)).toContain("Jangan tulis nama, nomor HP, atau alamat warga, dan jangan catat siapa mendukung siapa");
    expect(transcript(start)).toContain("[canvass:place:own] Dago, Coblong, Kota Bandung, Jawa Barat");
    expect(text(await siti.pick("canvass:place:own"))).toContain("Berapa rumah yang kamu kunjungi?");

    // Households: negative, words, a fraction, above the ceiling (300 by default), zero.
    expect(text(await siti.say("-3"))).toContain("tidak bisa kurang dari nol");
    expect(text(await siti.say("banyak"))).toContain("Tolong ketik jumlah rumah dengan angka");
    expect(text(await siti.say("2,5"))).toContain("harus bilangan bulat");
    expect(text(await siti.say("100000"))).toContain("Lebih dari 300 rumah dalam satu laporan sepertinya salah ketik");
    expect(text(await siti.say("0"))).toContain("paling sedikit satu rumah");
    expect(text(await siti.say("20 rumah"))).toContain("Dari 20 rumah itu, berapa yang bilang mendukung?");

    // Parts: above the households, then above what is left.
    expect(text(await siti.say("25"))).toContain("Tidak bisa lebih dari 20");
    expect(text(await siti.say("8"))).toContain("masih 12 rumah tersisa");
    expect(text(await siti.say("15"))).toContain("15 terlalu banyak: dari 20 rumah tinggal 12 yang belum dihitung");
    await siti.say("5");
    expect(text(await siti.say("gak ada"))).toContain("masih 7 rumah tersisa");
    const issues = await siti.say("3");
    expect(choiceIds(issues)).toEqual(expect.arrayContaining(["canvass:issue:kesehatan", "canvass:issues:done"]));
    expect(await app.db.canvassReport.count()).toBe(0);

    await siti.pick("canvass:issue:kesehatan");
    expect(text(await siti.say("Jalan  rusak"))).toContain('Isu yang kamu ketik: "Jalan rusak"');
    expect(text(await siti.pick("canvass:issues:done"))).toContain("Kirim satu foto kegiatan");
    expect(text(await siti.say("ini fotonya"))).toContain("Itu bukan foto");
    const draft = await siti.send({ kind: "media", photo: { fileId: "AgACfoto1" } });
    expect(text(draft)).toContain(
      [
        "📋 Laporan blusukan",
        "📍 Dago, Coblong, Kota Bandung, Jawa Barat",
        "🏠 Rumah dikunjungi: 20",
        "👍 Mendukung: 8",
        "🤔 Belum memutuskan: 5",
        "↪️ Condong ke pilihan lain: 0",
        "🚪 Tidak di rumah: 3",
        "… tidak menjawab: 4",
        '🗣️ Isu: Kesehatan Dekat Rumah; "Jalan rusak"',
        "📷 Foto: ada",
      ].join("\n"),
    );
    expect(await app.db.canvassReport.count()).toBe(0);

    const sent = await siti.pick("canvass:send");
    const report = await app.db.canvassReport.findFirstOrThrow({ include: { issues: { orderBy: { id: "asc" } } } });
    expect(text(sent)).toContain(`Laporan #${report.id} tersimpan. +5 poin`);
    expect(choiceIds(sent)).toEqual([`canvass:edit:${report.id}`, `canvass:withdraw:${report.id}`, "menu:main"]);
    expect(report).toMatchObject({ regionCode: "32.73.02.1004", households: 20, supporters: 8, undecided: 5, leaningElsewhere: 0, notHome: 3, photo: "telegram:AgACfoto1", withdrawnAt: null });
    expect(report.issues.map((i) => [i.programmeId, i.text])).toEqual([
      ["kesehatan", null],
      [null, "Jalan rusak"],
    ]);
    expect(text(await siti.say("/peringkat"))).toContain("5 poin");
  });

  it("takes another village, and keeps nothing when the draft is thrown away", async () => {
    const siti = await volunteerInDago();
    await siti.say("/lapor");
    await siti.pick("canvass:place:other");
    await siti.say("kota bandung");
    await siti.say("1");
    await siti.say("coblong");
    await siti.say("sekeloa");
    expect(text(await siti.say("10"))).toContain("Dari 10 rumah itu");
    for (const figure of ["1", "1", "1", "1"]) await siti.say(figure);
    await siti.pick("canvass:issues:done");
    const draft = await siti.pick("canvass:photo:skip");
    expect(text(draft)).toContain("📍 Sekeloa, Coblong, Kota Bandung, Jawa Barat");
    expect(text(await siti.pick("canvass:discard"))).toContain("tidak ada yang disimpan");
    expect(await app.db.canvassReport.count()).toBe(0);
  });

  it("lets the author correct a report within 24 hours, and not after", async () => {
    const siti = await volunteerInDago();
    await reportUpToDraft(siti, ["20", "8", "5", "2", "3"]);
    await siti.pick("canvass:send");
    const { id } = await app.db.canvassReport.findFirstOrThrow();

    app.clock.advance(23 * hour);
    const edit = await siti.pick(`canvass:edit:${id}`);
    expect(text(edit)).toContain(`Mengoreksi laporan #${id}`);
    expect(text(edit)).toContain("🏠 Rumah dikunjungi: 20");
    await siti.pick("canvass:place:own");
    for (const figure of ["25", "10", "5", "2", "3"]) await siti.say(figure);
    await siti.pick("canvass:issue:pendidikan");
    await siti.pick("canvass:issues:done");
    const draft = await siti.pick("canvass:photo:skip");
    expect(transcript(draft)).toContain("[canvass:send] ✅ Simpan perubahan");
    expect(text(await siti.pick("canvass:send"))).toContain(`Laporan #${id} sudah dikoreksi`);
    expect(await app.db.canvassReport.findUniqueOrThrow({ where: { id } })).toMatchObject({ households: 25, supporters: 10 });
    expect(await app.db.canvassReport.count()).toBe(1);

    app.clock.advance(2 * hour);
    expect(text(await siti.say("/lapor ubah"))).toContain("dikirim lebih dari 24 jam lalu, jadi tidak bisa diubah lagi");
    expect(text(await siti.pick(`canvass:withdraw:${id}`))).toContain(`Laporan #${id} dikirim lebih dari 24 jam lalu`);
    expect(await app.db.canvassReport.findUniqueOrThrow({ where: { id } })).toMatchObject({ households: 25, withdrawnAt: null });
  });

  it("lets the author withdraw a report within 24 hours, taking its points away; nobody else can", async () => {
    const siti = await volunteerInDago();
    await reportUpToDraft(siti, ["12", "6", "3", "1", "2"]);
    await siti.pick("canvass:send");
    const { id } = await app.db.canvassReport.findFirstOrThrow();

    const budi = await volunteerInDago("5002");
    expect(text(await budi.say(`/lapor batal ${id}`))).toContain(`Laporan #${id} tidak ditemukan di antara laporanmu`);
    expect(text(await budi.pick(`canvass:edit:${id}`))).toContain(`Laporan #${id} tidak ditemukan`);

    app.clock.advance(20 * hour);
    const ask = await siti.say("/lapor batal");
    expect(text(ask)).toContain(`Tarik laporan #${id}?`);
    expect(text(await siti.pick("canvass:withdraw:yes"))).toContain(`Laporan #${id} ditarik`);
    expect((await app.db.canvassReport.findUniqueOrThrow({ where: { id } })).withdrawnAt).toEqual(app.clock.now);
    expect(text(await siti.say("/peringkat"))).toContain("Poinmu masih 0");
    expect(text(await siti.say("/lapor batal"))).toContain("Laporan terakhirmu sudah ditarik");
  });

  it("speaks English to an English-speaking volunteer", async () => {
    const siti = await volunteerInDago("5003", "en");
    expect(text(await siti.say("/lapor"))).toContain("Do not write down residents' names");
    await siti.pick("canvass:place:own");
    expect(text(await siti.say("twenty"))).toContain("Please type the number of households in digits");
    await siti.say("4");
    expect(text(await siti.say("5"))).toContain("It cannot be more than 4");
    for (const figure of ["1", "none", "0", "3"]) await siti.say(figure);
    await siti.say("no");
    const draft = await siti.pick("canvass:photo:skip");
    expect(text(draft)).toContain("🏠 Households visited: 4");
    expect(text(draft)).toContain("🗣️ Issues: none");
  });
});

describe("/isu", () => {
  async function seedReports(): Promise<void> {
    const siti = await volunteerInDago();
    await reportUpToDraft(siti, ["20", "8", "5", "2", "3"], ["canvass:issue:kesehatan", "jalan rusak"]);
    await siti.pick("canvass:send");
    await reportUpToDraft(siti, ["10", "2", "2", "2", "4"], ["Jalan Rusak"]);
    await siti.pick("canvass:send");
  }

  it("gives staff households reached, the support split and the local issues per region", async () => {
    await seedReports();
    const coordinator = await staffMember(app, "coordinator", "6001");
    const jabar = await coordinator.say("/isu jabar");
    expect(jabar[0]?.title).toBe("🗣️ Blusukan: Jawa Barat");
    expect(jabar[0]?.text).toBe(
      [
        "2 laporan dari 1 relawan. Rumah dikunjungi: 30, ditemui: 23.\nMendukung 10 (43%) · belum memutuskan 7 · condong ke lain 4 · tidak di rumah 7",
        "Per wilayah (rumah dikunjungi · mendukung dari yang ditemui):\nKota Bandung: 30 rumah · 43%",
        'Isu lokal terbanyak:\n1. "jalan rusak" (2 laporan)\n2. Kesehatan Dekat Rumah (1 laporan)',
      ].join("\n\n"),
    );
    expect(text(await coordinator.say("/isu 32.73.02"))).toContain("Dago: 30 rumah · 43%");
    expect(text(await coordinator.say("/isu 31"))).toContain("Belum ada laporan blusukan di DKI Jakarta");
    expect(text(await coordinator.say("/isu bandung"))).toContain('"bandung" cocok dengan beberapa wilayah');
    expect(text(await coordinator.say("/isu xyzzy"))).toContain('Tidak ada wilayah bernama "xyzzy"');
    expect(transcript(await coordinator.say("/isu Dago, Coblong, Kota Bandung"))).toContain("# 🗣️ Blusukan: Dago, Coblong, Kota Bandung, Jawa Barat");
  });

  it("is not there for volunteers and voters", async () => {
    await seedReports();
    const siti = person(app, "telegram", "5001");
    expect(text(await siti.say("/isu"))).toContain("/isu");
    expect(text(await siti.say("/isu"))).not.toContain("Blusukan");
    expect(await app.db.auditEntry.count({ where: { action: "denied", target: "/isu" } })).toBe(2);
  });
});
