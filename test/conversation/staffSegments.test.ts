// Segments in the chat: built step by step with a live count, listed, shown masked, deleted.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, onboard, person, signUpVolunteer, staffMember, transcript, type TestApp } from "../support/createTestApp.js";

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.close();
});

const filterChoices = [
  "[seg:region] Wilayah",
  "[seg:interests] Minat",
  "[seg:tags] Tag",
  "[seg:language] Bahasa",
  "[seg:channel] Aplikasi",
  "[seg:role] Peran",
  "[seg:active] Terakhir aktif",
  "[seg:referral] Diajak oleh",
  "[seg:save] Simpan",
  "[seg:cancel] Batal",
].join("\n");

/** The live count, then why the others cannot receive broadcasts ("1 sudah berhenti (STOP)"). */
const count = (total: number, sendable: number, ...reasons: string[]) => [`${total} kontak: ${sendable} bisa menerima siaran`, ...reasons].join("; ");

/** Three volunteers in Bandung with different interests, one voter elsewhere, one who said STOP. */
async function seedPeople() {
  const ayu = person(app, "telegram", "5001");
  await onboard(ayu);
  await signUpVolunteer(ayu, { name: "Siti Aminah", phone: "081234567890", region: "kota bandung" }); // interest 1: kesehatan
  const budi = person(app, "telegram", "5002");
  await onboard(budi, { language: "en" });
  await signUpVolunteer(budi, { name: "Budi Santoso", phone: "081311112222", region: "kota bandung" });
  const cici = person(app, "telegram", "5003");
  await onboard(cici);
  await signUpVolunteer(cici, { name: "Cici Lestari", phone: "081355556666", region: "kota bandung" });
  await cici.say("STOP");
  const dodi = person(app, "telegram", "5004");
  await onboard(dodi);
}

describe("/segment new", () => {
  it("builds a segment filter by filter, showing the definition and live count, then saves it", async () => {
    await seedPeople();
    const admin = await staffMember(app, "admin", "9001");
    expect(transcript(await admin.say("/segment new"))).toBe("Nama segmen baru? Contoh: Relawan Bandung");
    expect(transcript(await admin.say("/"))).toContain("Nama segmen harus 2 sampai 60 karakter");
    // Everyone so far: four people and the admin; Cici said STOP and the admin was never asked.
    expect(transcript(await admin.say("Relawan Bandung"))).toBe(
      ["# Relawan Bandung", "Semua kontak (belum ada filter)", "", count(5, 3, "1 belum setuju menerima kabar", "1 sudah berhenti (STOP)"), "", "Tambah filter, atau simpan:", filterChoices].join("\n"),
    );

    expect(transcript(await admin.pick("seg:region"))).toBe("Ketik nama kabupaten/kota (provinsi dan kecamatan bisa dipilih sesudahnya).");
    const regencies = transcript(await admin.say("kota bandung"));
    expect(regencies).toContain("[segregion:32.73] Kota Bandung, Jawa Barat");
    expect(transcript(await admin.pick("segregion:32.73"))).toBe(
      ["Seberapa luas?", "[seglevel:32] Seluruh Jawa Barat", "[seglevel:32.73] Seluruh Kota Bandung", "[seg:district] Satu kecamatan saja"].join("\n"),
    );
    expect(transcript(await admin.pick("seglevel:32.73"))).toBe(
      ["# Relawan Bandung", "• Wilayah: Kota Bandung, Jawa Barat", "", count(3, 2, "1 sudah berhenti (STOP)"), "", "Tambah filter, atau simpan:", filterChoices].join("\n"),
    );

    await admin.pick("seg:language");
    expect(transcript(await admin.pick("seglang:en"))).toContain(["• Wilayah: Kota Bandung, Jawa Barat", "• Bahasa: English", "", count(1, 1)].join("\n"));
    // Changing a filter replaces it.
    await admin.pick("seg:language");
    expect(transcript(await admin.pick("seglang:id"))).toContain(["• Bahasa: Bahasa Indonesia", "", count(2, 1, "1 sudah berhenti (STOP)")].join("\n"));

    await admin.pick("seg:interests");
    const toggled = transcript(await admin.say("1"));
    expect(toggled).toContain("[seginterest:kesehatan] ✅ Kesehatan");
    expect(transcript(await admin.pick("seginterest:done"))).toContain(["• Minat (salah satu): Kesehatan", "• Bahasa: Bahasa Indonesia", "", count(2, 1, "1 sudah berhenti (STOP)")].join("\n"));

    await admin.pick("seg:tags");
    await admin.pick("segtags:tagsNone");
    expect(transcript(await admin.say("kota bandung!"))).toContain("Tag hanya boleh huruf");
    expect(transcript(await admin.say("event:rapat, donatur"))).toContain("• Tanpa tag: event:rapat, donatur");

    expect(transcript(await admin.pick("seg:save"))).toBe(['Segmen "Relawan Bandung" disimpan.', count(2, 1, "1 sudah berhenti (STOP)")].join("\n"));
    const saved = await app.db.segment.findUniqueOrThrow({ where: { name: "Relawan Bandung" } });
    expect(JSON.parse(saved.definition)).toEqual({ regionPrefix: "32.73", language: "id", interests: ["kesehatan"], tagsNone: ["event:rapat", "donatur"] });
    const audit = await app.db.auditEntry.findFirstOrThrow({ where: { action: "segment.create" } });
    expect(audit).toMatchObject({ target: "Relawan Bandung" });

    // The same name again is refused.
    await admin.say("/segment new");
    expect(transcript(await admin.say("relawan bandung"))).toContain('Sudah ada segmen bernama "relawan bandung"');
  });

  it("narrows to a district, by role, by last activity and by referral code", async () => {
    await seedPeople();
    const referrer = await app.db.volunteer.findFirstOrThrow({ where: { contact: { name: "Siti Aminah" } } });
    const invited = person(app, "telegram", "5005");
    await invited.say(referrer.referralCode);
    await invited.pick("lang:id");
    await invited.pick("consent:yes");
    const coordinator = await staffMember(app, "coordinator", "9002");
    await coordinator.say("/segment new");
    await coordinator.say("Diajak Siti");
    await coordinator.pick("seg:referral");
    expect(transcript(await coordinator.say("ZZZZZZZ"))).toContain('Tidak ada relawan dengan kode "ZZZZZZZ"');
    expect(transcript(await coordinator.say(referrer.referralCode.toLowerCase()))).toContain(`• Diajak dengan kode: ${referrer.referralCode}\n\n${count(1, 1)}`);
    await coordinator.pick("seg:active");
    expect(transcript(await coordinator.pick("segactive:before:30"))).toContain(`• Tidak aktif sejak 27 Okt 2026\n• Diajak dengan kode: ${referrer.referralCode}\n\n${count(0, 0)}`);
    await coordinator.pick("seg:active");
    expect(transcript(await coordinator.pick("segactive:after:7"))).toContain(`• Aktif sejak 19 Nov 2026\n• Diajak dengan kode: ${referrer.referralCode}\n\n${count(1, 1)}`);
    await coordinator.pick("seg:save");

    await coordinator.say("/segment new");
    await coordinator.say("Coblong");
    await coordinator.pick("seg:region");
    await coordinator.say("kota bandung");
    await coordinator.pick("segregion:32.73");
    await coordinator.pick("seg:district");
    const districts = transcript(await coordinator.say("coblong"));
    expect(districts).toContain("[seglevel:32.73.02] Coblong");
    expect(transcript(await coordinator.pick("seglevel:32.73.02"))).toContain(`• Wilayah: Coblong, Kota Bandung, Jawa Barat\n\n${count(0, 0)}`);
    await coordinator.pick("seg:role");
    expect(transcript(await coordinator.pick("segrole:volunteer"))).toContain("• Peran: relawan terdaftar");
    await coordinator.pick("seg:save");
    expect(JSON.parse((await app.db.segment.findUniqueOrThrow({ where: { name: "Coblong" } })).definition)).toEqual({ regionPrefix: "32.73.02", role: "volunteer" });
  });

  it("edits a saved segment and logs the change", async () => {
    const admin = await staffMember(app, "admin", "9001");
    await app.db.segment.create({ data: { name: "Semua", definition: "{}", createdBy: "test" } });
    expect(transcript(await admin.say("/segment edit semua"))).toContain("# Semua\nSemua kontak (belum ada filter)");
    await admin.pick("seg:channel");
    await admin.pick("segchannel:whatsapp");
    expect(transcript(await admin.pick("seg:save"))).toContain('Segmen "Semua" diperbarui.');
    expect(JSON.parse((await app.db.segment.findUniqueOrThrow({ where: { name: "Semua" } })).definition)).toEqual({ channel: "whatsapp" });
    expect(JSON.parse((await app.db.auditEntry.findFirstOrThrow({ where: { action: "segment.update" } })).details ?? "{}")).toMatchObject({ previous: {}, definition: { channel: "whatsapp" } });
  });
});

describe("/segments, /segment show, /segment delete", () => {
  it("lists with live counts, shows five examples with names and phones masked, and deletes (admin)", async () => {
    await seedPeople();
    const admin = await staffMember(app, "admin", "9001");
    await app.db.segment.create({ data: { name: "Relawan", definition: JSON.stringify({ role: "volunteer" }), createdBy: "test" } });
    await app.db.segment.create({ data: { name: "English", definition: JSON.stringify({ language: "en" }), createdBy: "test" } });
    expect(transcript(await admin.say("/segments"))).toBe(
      ["# Segmen", "• English: 1 kontak, 1 bisa dikirimi", "• Relawan: 3 kontak, 2 bisa dikirimi", "Lihat isinya: /segment show <nama>"].join("\n"),
    );
    const shown = transcript(await admin.say("/segment show relawan"));
    expect(shown).toBe(
      [
        "# Relawan",
        "• Peran: relawan terdaftar",
        "",
        count(3, 2, "1 sudah berhenti (STOP)"),
        "",
        "Contoh anggota (data disamarkan):",
        "• C*** L*** · +62813****6666 (id)",
        "• B*** S*** · +62813****2222 (en)",
        "• S*** A*** · +62812****7890 (id)",
      ].join("\n"),
    );
    expect(shown).not.toContain("Siti");
    expect(shown).not.toContain("81234567890");
    expect(transcript(await admin.say("/segment show nope"))).toBe('Segmen "nope" tidak ada. Lihat daftarnya dengan /segments.');

    expect(transcript(await admin.say("/segment delete English"))).toBe('Segmen "English" dihapus.');
    expect(await app.db.segment.count()).toBe(1);
    expect(await app.db.auditEntry.findFirstOrThrow({ where: { action: "segment.delete" } })).toMatchObject({ target: "English" });
  });
});
