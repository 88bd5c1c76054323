// /cakupan and /wilayahlemah in the chat, on the real engine and a real database: refused like an
// unknown command without the role; coverage in words; weak regions, then their contacts saved as
// a segment in one more step (audited); bad thresholds and shared names get a clear answer.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseSegmentDefinition } from "../../src/domain/segments/parseSegmentDefinition.js";
import { seedMapFixture } from "../domain/maps/seedMapFixture.js";
import { createTestApp, onboard, person, signUpVolunteer, staffMember, type TestApp } from "../support/createTestApp.js";

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
  await seedMapFixture(app.db, app.clock.now);
});
afterEach(async () => {
  await app.close();
});

describe("/cakupan", () => {
  it("is refused to a volunteer exactly like an unknown command", async () => {
    const volunteer = person(app, "telegram", "7001");
    await onboard(volunteer);
    await signUpVolunteer(volunteer);
    const unknown = (await volunteer.say("/zzzunknown")).map((r) => ({ ...r, text: r.text.replace("/zzzunknown", "/cakupan") }));
    expect(await volunteer.say("/cakupan")).toEqual(unknown);
  });

  it("shows a regency's coverage and its districts with data, and counts the ones without", async () => {
    const coordinator = await staffMember(app, "coordinator", "7002");
    const [reply] = await coordinator.say("/cakupan kota bandung");
    const lines = reply!.text.split("\n");
    expect(lines[0]).toBe("Cakupan: Kota Bandung (kabupaten/kota)");
    expect(lines).toContain("Target: DPT – · TPS – · relawan 4 · pendukung –");
    expect(lines).toContain("• Coblong: 2/2 (100%), aktif 2, kontak 2, pendukung 2/–");
    expect(lines).toContain("• Babakan Ciparay: 0/1 (0%), aktif 0, kontak 0, pendukung 0/–");
    expect(lines).toContain("Belum ada data: 27 kecamatan");
  });

  it("asks which region a shared name means, with buttons, and shows the one picked", async () => {
    const coordinator = await staffMember(app, "coordinator", "7003");
    const [question] = await coordinator.say("/cakupan bandung");
    expect(question!.text).toBe('"bandung" cocok dengan beberapa wilayah. Yang mana?');
    expect(question!.choices?.map((c) => c.label)).toEqual(["Kabupaten Bandung, Jawa Barat (32.04)", "Kota Bandung, Jawa Barat (32.73)"]);
    const [shown] = await coordinator.pick(question!.choices![1]!.id);
    expect(shown!.text.split("\n")[0]).toBe("Cakupan: Kota Bandung (kabupaten/kota)");
  });

  it("answers an unknown region with the nearest names and how to write one", async () => {
    const coordinator = await staffMember(app, "coordinator", "7004");
    const [reply] = await coordinator.say("/cakupan kota bandng");
    expect(reply!.text).toContain('Tidak ada wilayah bernama "kota bandng". Maksudnya: Kota Bandung, Jawa Barat (32.73)');
    expect(reply!.text).toContain("/cakupan Jawa Barat");
  });
});

describe("/wilayahlemah", () => {
  it("lists the provinces below half their volunteer target, weakest first, and saves their contacts as a segment in one more step", async () => {
    const admin = await staffMember(app, "admin", "7005");
    const [list] = await admin.say("/wilayahlemah");
    expect(list!.text.split("\n")).toEqual([
      "Provinsi lemah di Indonesia: di bawah 50% target relawan",
      "• DKI Jakarta: 0/5 (0%), aktif 0, kontak 1, pendukung 1/–",
      "• Jawa Barat: 4/10 (40%), aktif 4, kontak 4, pendukung 4/–",
      "2 dari 2 provinsi yang punya target relawan; 36 tanpa target tidak dinilai.",
    ]);
    expect(list!.choices?.map((c) => c.label)).toEqual(["Simpan 2 wilayah ini sebagai segmen"]);
    const [ask] = await admin.pick(list!.choices![0]!.id);
    expect(ask!.text).toMatch(/^Nama segmen baru \(mis\. wilayah lemah Indonesia \d{4}-\d{2}-\d{2}\):$/);
    const [bad] = await admin.say("x");
    expect(bad!.text).toBe("Nama segmen 2 sampai 60 karakter, dengan huruf atau angka. Kirim nama lain, atau /batal.");
    const [saved] = await admin.say("Rekrut lemah");
    expect(saved!.text).toContain('Segmen "Rekrut lemah" tersimpan: kontak di 2 wilayah ini.');
    const segment = await app.db.segment.findUniqueOrThrow({ where: { name: "Rekrut lemah" } });
    expect(parseSegmentDefinition(segment.definition)).toEqual({ regionCodes: ["31", "32"] });
    const audit = await app.db.auditEntry.findFirstOrThrow({ where: { action: "segment.create", target: "Rekrut lemah" } });
    const identity = await app.db.channelIdentity.findUniqueOrThrow({ where: { channel_externalId: { channel: "telegram", externalId: "7005" } } });
    expect(audit.actor).toBe(identity.contactId);

    // The same name again is refused, and the step asks for another.
    await admin.say("/wilayahlemah");
    await admin.pick("weak:save");
    const [taken] = await admin.say("rekrut lemah");
    expect(taken!.text).toBe('Segmen bernama "rekrut lemah" sudah ada. Kirim nama lain, atau /batal.');
  });

  it("takes a threshold and a region, and says when a threshold is not one", async () => {
    const coordinator = await staffMember(app, "coordinator", "7006");
    const [sixty] = await coordinator.say("/wilayahlemah 60% kota bandung");
    expect(sixty!.text.split("\n").slice(0, 3)).toEqual([
      "Kecamatan lemah di Kota Bandung: di bawah 60% target relawan",
      "• Babakan Ciparay: 0/1 (0%), aktif 0, kontak 0, pendukung 0/–",
      "• Sukasari: 1/2 (50%), aktif 1, kontak 1, pendukung 1/–",
    ]);
    const [none] = await coordinator.say("/wilayahlemah 10 32");
    expect(none!.text).toBe("Tidak ada kabupaten/kota di Jawa Barat yang di bawah 10% target relawannya.\n0 dari 1 kabupaten/kota yang punya target relawan; 26 tanpa target tidak dinilai.");
    expect(none!.choices).toBeUndefined();
    const [bad] = await coordinator.say("/wilayahlemah 150");
    expect(bad!.text).toBe('"150" bukan ambang. Tulis persentase dari target relawan, di atas 0 dan paling tinggi 100, misalnya 50 atau 37,5.');
    const [word] = await coordinator.say("/wilayahlemah setengah");
    expect(word!.text).toContain('Tidak ada wilayah bernama "setengah".');
    expect(word!.text).toContain("/wilayahlemah [ambang %] [wilayah]");
  });
});
