// /peta in the chat: refused like an unknown command without the role; for coordinators and
// admins the strongest and weakest regions in words, then the map or ranked chart as a real PNG.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pngSize } from "../charts/pngSize.js";
import { seedMapFixture } from "../domain/maps/seedMapFixture.js";
import { createTestApp, onboard, person, signUpVolunteer, staffMember, transcript, type TestApp } from "../support/createTestApp.js";

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.close();
});

describe("/peta", () => {
  it("is refused to a volunteer exactly like an unknown command", async () => {
    const volunteer = person(app, "telegram", "6001");
    await onboard(volunteer);
    await signUpVolunteer(volunteer);
    const unknown = (await volunteer.say("/zzzunknown")).map((r) => ({ ...r, text: r.text.replace("/zzzunknown", "/peta") }));
    expect(await volunteer.say("/peta")).toEqual(unknown);
  });

  it("draws the province map of coverage by default, naming the strongest and weakest provinces", async () => {
    await seedMapFixture(app.db, app.clock.now);
    const coordinator = await staffMember(app, "coordinator", "6002");
    const replies = await coordinator.say("/peta");
    expect(replies).toHaveLength(2);
    expect(transcript([replies[0]!])).toBe(
      [
        "# Cakupan target relawan per provinsi",
        "Indonesia secara keseluruhan: 33%",
        "Terkuat: Jawa Barat 40%",
        "Terlemah: DKI Jakarta 0%",
        "Tanpa data: 36 dari 38 provinsi",
      ].join("\n"),
    );
    const image = replies[1]!.image!;
    expect(replies[1]!.text).toBe("Cakupan target relawan per provinsi");
    expect(image.fileName).toBe("peta-coverage-indonesia.png");
    const png = await image.png();
    expect(pngSize(png)).toEqual({ width: image.width, height: image.height });
    expect(image).toMatchObject({ width: 1000, height: 480 });
  });

  it("ranks the districts of a regency by volunteers, in English for an English-speaking admin", async () => {
    await seedMapFixture(app.db, app.clock.now);
    const admin = await staffMember(app, "admin", "6003");
    await admin.say("/language");
    await admin.pick("lang:en");
    const replies = await admin.say("/peta volunteers kota bandung");
    expect(replies[0]!.title).toBe("Volunteers by districts in Kota Bandung");
    expect(replies[0]!.text).toContain("Kota Bandung overall: 3");
    expect(replies[0]!.text).toContain("Strongest: Coblong 2 · Sukasari 1");
    // Every other district has a contact or a target or nothing: the 27 with nothing are "no data".
    expect(replies[0]!.text).toContain("No data: 27 of 30 districts");
    const image = replies[1]!.image!;
    expect(pngSize(await image.png())).toEqual({ width: 800, height: image.height });
  });

  it("asks which region when a name fits several, and draws the one picked", async () => {
    await seedMapFixture(app.db, app.clock.now);
    const coordinator = await staffMember(app, "coordinator", "6004");
    const question = await coordinator.say("/peta relawan bandung");
    expect(question).toHaveLength(1);
    expect(question[0]!.text).toBe('"bandung" cocok dengan beberapa wilayah. Yang mana?');
    expect(question[0]!.choices?.map((c) => c.label)).toEqual(["Kabupaten Bandung, Jawa Barat", "Kota Bandung, Jawa Barat"]);
    expect(question[0]!.image).toBeUndefined();
    const kota = question[0]!.choices!.find((c) => c.label.startsWith("Kota"))!;
    const replies = await coordinator.pick(kota.id);
    expect(replies[0]!.title).toBe("Relawan per kecamatan di Kota Bandung");
    expect(replies[1]!.image).toBeDefined();
  });

  it("draws a village among the villages of its district, named with its district and regency", async () => {
    await seedMapFixture(app.db, app.clock.now);
    const coordinator = await staffMember(app, "coordinator", "6006");
    const replies = await coordinator.say("/peta relawan Dago, Coblong, Kota Bandung");
    expect(replies[0]!.title).toBe("Relawan per desa/kelurahan di Coblong");
    expect(replies[0]!.text).toContain("Dago ada di antara desa/kelurahan Coblong.\nCoblong secara keseluruhan: 2\nTerkuat: Dago 1");
    expect(pngSize(await replies[1]!.image!.png()).width).toBe(800);
  });

  it("answers an unknown figure or region with the valid ones, and says so when a region has no data but still draws", async () => {
    const coordinator = await staffMember(app, "coordinator", "6005");
    const figure = await coordinator.say("/peta xyz jabar");
    expect(figure[0]!.text).toBe('"xyz" bukan angka peta yang dikenal. Pilih salah satu: cakupan, relawan, aktif, pendukung, pertps, kontak, pelanggan, laporan, dukungan.');
    const region = await coordinator.say("/peta relawan bandng");
    expect(region[0]!.text).toContain('Wilayah "bandng" tidak ditemukan.\nMaksud Anda: Kabupaten Bandung, Jawa Barat; Kota Bandung, Jawa Barat');
    const word = await coordinator.say("/peta zzz");
    expect(word[0]!.text).toContain("Angka peta: cakupan, relawan");

    const empty = await coordinator.say("/peta relawan kota bogor");
    expect(empty[0]!.text).toBe('Belum ada data untuk Kota Bogor: belum ada kontak, target, atau laporan di sana. Gambarnya tetap dikirim, semuanya "tanpa data". Target dimuat dengan /target.');
    expect(pngSize(await empty[1]!.image!.png()).width).toBe(800);
  });
});
