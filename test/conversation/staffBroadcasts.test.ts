// The broadcast wizard: what staff confirm is exactly what recipients get, nobody gets it twice,
// and the election quiet period holds.
import { afterEach, describe, expect, it } from "vitest";
import type { EngineDeps } from "../../src/conversation/engineDeps.js";
import { parseBlackout } from "../../src/domain/blackout/parseBlackout.js";
import { createTestApp, onboard, person, signUpVolunteer, staffMember, transcript, type TestApp, type Voter } from "../support/createTestApp.js";

let app: TestApp;
afterEach(async () => {
  await app.close();
});

/** Six people: two reachable subscribers (id, en), a volunteer, and three who must not get it; the coordinator also subscribed. */
async function setUp(overrides: Partial<EngineDeps> = {}): Promise<Voter> {
  app = await createTestApp(overrides);
  await onboard(person(app, "telegram", "6001"));
  await onboard(person(app, "telegram", "6002"), { language: "en" });
  const volunteer = person(app, "telegram", "6003");
  await onboard(volunteer);
  await signUpVolunteer(volunteer, { name: "Rina", phone: "081377778888" });
  await onboard(person(app, "telegram", "6004"), { consent: false });
  const stopped = person(app, "whatsapp", "6281300000005", { senderPhone: "+6281300000005" });
  await onboard(stopped);
  await stopped.say("STOP");
  await onboard(person(app, "telegram", "6006"));
  await app.engine.markUnreachable("telegram", "6006", app.clock.now);
  await app.db.segment.create({ data: { name: "Semua", definition: "{}", createdBy: "test" } });
  await app.db.segment.create({ data: { name: "Relawan", definition: JSON.stringify({ role: "volunteer" }), createdBy: "test" } });
  return staffMember(app, "coordinator", "9002");
}

async function segmentChoice(name: string): Promise<string> {
  return `broadcast:segment:${(await app.db.segment.findUniqueOrThrow({ where: { name } })).id}`;
}

async function recipientsOf(broadcastId: string): Promise<string[]> {
  const deliveries = await app.db.delivery.findMany({ where: { broadcastId } });
  const identities = await app.db.channelIdentity.findMany({ where: { contactId: { in: deliveries.map((d) => d.contactId!) } } });
  return identities.map((i) => i.externalId).sort();
}

describe("/broadcast", () => {
  it("previews exactly what each language gets, counts only sendable people, and creates deliveries once", async () => {
    const staff = await setUp();
    expect(transcript(await staff.say("/broadcast"))).toBe(
      "Tulis pesan siaran dalam Bahasa Indonesia. Nama tim dan cara berhenti (STOP) ditambahkan otomatis di bawahnya. Ketik BATAL untuk membatalkan.",
    );
    expect(transcript(await staff.say("Rapat akbar Sabtu 09.00 di alun-alun."))).toBe(
      "Tulis versi English, atau lewati (penerima berbahasa itu akan mendapat versi utama).\n[broadcast:skip] Lewati",
    );
    await staff.say("Big rally Saturday 9am at the town square.");
    expect(transcript(await staff.say("http://example.org/poster.jpg"))).toContain("Harus dimulai dengan https://");
    const segments = transcript(await staff.say("https://example.org/poster.jpg"));
    expect(segments).toContain("Kirim ke segmen mana?");
    expect(segments).toContain("] Semua (4)");
    expect(segments).toContain("] Relawan (1)");
    expect(transcript(await staff.pick(await segmentChoice("Semua")))).toContain("Kapan dikirim?");

    const preview = await staff.say("sekarang");
    expect(preview.map((r) => [r.title, r.text])).toEqual([
      ["Pratinjau — penerima Bahasa Indonesia", "Rapat akbar Sabtu 09.00 di alun-alun.\n\n— Tim Relawan Nusa Bakti (DEMO)\nBalas STOP untuk berhenti."],
      ["Pratinjau — penerima English", "Big rally Saturday 9am at the town square.\n\n— Nusa Bakti Volunteer Team (DEMO)\nReply STOP to unsubscribe."],
      [
        undefined,
        [
          "Segmen: Semua — 4 penerima.",
          "3 dari 7 kontak di segmen tidak dikirimi (berhenti berlangganan, belum setuju menerima kabar, atau tidak bisa dihubungi).",
          "Dikirim: sekarang",
          "Kapan sampai, per zona waktu:",
          "• WIB (dan kontak tanpa wilayah): langsung diterima, 26 Nov 2026, 10.00 WIB.",
          "• WITA: langsung diterima, 26 Nov 2026, 11.00 WITA.",
          "• WIT: langsung diterima, 26 Nov 2026, 12.00 WIT.",
          "Gambar: https://example.org/poster.jpg",
          "",
          "Pesan di atas persis seperti yang akan diterima. Lanjutkan?",
        ].join("\n"),
      ],
    ]);
    expect(preview[2]?.choices?.map((c) => c.id)).toEqual(["confirm:yes", "confirm:no"]);
    expect(await app.db.broadcast.count()).toBe(0);

    const sent = await staff.pick("confirm:yes");
    const broadcast = await app.db.broadcast.findFirstOrThrow();
    expect(transcript(sent)).toBe(`Siaran #${broadcast.id.slice(-6)} sedang dikirim ke 4 penerima. Pantau dengan /broadcast status.`);
    expect(broadcast).toMatchObject({ status: "sending", startedAt: app.clock.now, scheduledAt: app.clock.now, imageUrl: "https://example.org/poster.jpg", progressChat: "telegram:9002", operational: false });
    expect(JSON.parse(broadcast.texts)).toEqual({ id: "Rapat akbar Sabtu 09.00 di alun-alun.", en: "Big rally Saturday 9am at the town square." });
    expect(await recipientsOf(broadcast.id)).toEqual(["6001", "6002", "6003", "9002"]);

    // The confirm button tapped again is a stale button: no second broadcast, no second delivery.
    expect(transcript(await staff.pick("confirm:yes"))).toContain("Tombol itu dari pesan lama");
    expect(await app.db.broadcast.count()).toBe(1);
    expect(await app.db.delivery.count()).toBe(4);
    const audit = await app.db.auditEntry.findFirstOrThrow({ where: { action: "broadcast.create" } });
    expect(audit).toMatchObject({ actor: broadcast.createdBy, target: broadcast.id });
    expect(JSON.parse(audit.details ?? "{}")).toMatchObject({ segment: "Semua", status: "sending", recipients: 4 });
  });

  /** Through the wizard to its "when?" question, with one text and the segment Semua. */
  async function askWhen() {
    const staff = await setUp();
    await staff.say("/broadcast");
    await staff.say("Debat kandidat malam ini!");
    await staff.pick("broadcast:skip");
    await staff.pick("broadcast:skip");
    await staff.pick(await segmentChoice("Semua"));
    return staff;
  }

  it("says per time zone who a broadcast at 20:30 WIB finds in their quiet hours, and when they get it", async () => {
    const staff = await askWhen();
    const preview = await staff.say("2026-12-01 20:30");
    expect(preview[2]?.text).toContain(
      [
        "Dikirim: 1 Des 2026, 20.30 WIB",
        "Kapan sampai, per zona waktu:",
        "• WIB (dan kontak tanpa wilayah): langsung diterima, 1 Des 2026, 20.30 WIB.",
        "• WITA: 1 Des 2026, 21.30 WITA masuk jam tenang (21:00–07:00): ditahan, diterima mulai 2 Des 2026, 07.00 WITA.",
        "• WIT: 1 Des 2026, 22.30 WIT masuk jam tenang (21:00–07:00): ditahan, diterima mulai 2 Des 2026, 07.00 WIT.",
      ].join("\n"),
    );
  });

  it("schedules for a later time in the campaign's zone, refuses the past, and cancels without creating anything", async () => {
    const staff = await askWhen();
    expect(transcript(await staff.say("2026-11-25 19:00"))).toContain("Waktu itu (25 Nov 2026, 19.00 WIB) sudah lewat.");
    expect(transcript(await staff.say("besok"))).toContain("Waktunya tidak saya pahami.");
    const preview = await staff.say("2026-12-01 19:00 WITA");
    expect(preview[1]?.text).toBe("Debat kandidat malam ini!\n\n— Nusa Bakti Volunteer Team (DEMO)\nReply STOP to unsubscribe.");
    expect(preview[2]?.text).toContain("Dikirim: 1 Des 2026, 19.00 WITA");
    expect(preview[2]?.choices?.[0]?.label).toBe("Ya, jadwalkan");
    const scheduled = await staff.pick("confirm:yes");
    const broadcast = await app.db.broadcast.findFirstOrThrow();
    expect(transcript(scheduled)).toBe(`Siaran #${broadcast.id.slice(-6)} dijadwalkan 1 Des 2026, 19.00 WITA untuk 4 penerima. Batalkan dengan /broadcast cancel ${broadcast.id.slice(-6)}.`);
    expect(broadcast).toMatchObject({ status: "scheduled", startedAt: null, scheduledAt: new Date("2026-12-01T11:00:00Z") });
    expect((await app.db.delivery.findMany()).map((d) => d.notBefore)).toEqual(Array(4).fill(new Date("2026-12-01T11:00:00Z")));

    await staff.say("/broadcast");
    await staff.say("Lupakan");
    await staff.pick("broadcast:skip");
    await staff.pick("broadcast:skip");
    await staff.pick(await segmentChoice("Semua"));
    await staff.pick("broadcast:now");
    expect(transcript(await staff.pick("confirm:no"))).toBe("Siaran dibatalkan. Tidak ada yang dibuat atau dikirim.");
    expect(await app.db.broadcast.count()).toBe(1);
  });

  it("refuses voter broadcasts in the election quiet period but allows operational messages to volunteers", async () => {
    const quiet = parseBlackout("2026-11-25..2026-11-27@Asia/Jakarta", "Asia/Jakarta");
    if (quiet.status !== "ok") throw new Error(quiet.problem);
    const staff = await setUp({ blackout: quiet.ranges });
    const start = async () => {
      await staff.say("/broadcast");
      await staff.say("Tugas saksi TPS: kumpul jam 6 pagi.");
      await staff.pick("broadcast:skip");
      await staff.pick("broadcast:skip");
    };
    await start();
    expect(transcript(await staff.pick(await segmentChoice("Semua")))).toBe(
      "Tidak bisa: sekarang masa tenang pemilu. Siaran kampanye ke pemilih tidak boleh dibuat atau dikirim sampai masa tenang berakhir. Hanya pesan operasional ke segmen relawan yang diizinkan.",
    );
    await start();
    expect(transcript(await staff.pick(await segmentChoice("Relawan")))).toContain("Apakah ini pesan operasional untuk relawan");
    expect(transcript(await staff.pick("operational:no"))).toContain("Tidak bisa: sekarang masa tenang pemilu.");
    await start();
    await staff.pick(await segmentChoice("Relawan"));
    await staff.pick("operational:yes");
    const preview = await staff.pick("broadcast:now");
    expect(preview[2]?.text).toContain("Segmen: Relawan — 1 penerima.\n");
    expect(preview[2]?.text).toContain("Pesan operasional relawan.");
    await staff.pick("confirm:yes");
    const broadcast = await app.db.broadcast.findFirstOrThrow();
    expect(broadcast).toMatchObject({ operational: true, status: "sending" });
    expect(await recipientsOf(broadcast.id)).toEqual(["6003"]);
  });

  it("refuses a send time inside a later quiet period", async () => {
    const quiet = parseBlackout("2026-12-10..2026-12-12@Asia/Jakarta", "Asia/Jakarta");
    if (quiet.status !== "ok") throw new Error(quiet.problem);
    const staff = await setUp({ blackout: quiet.ranges });
    await staff.say("/broadcast");
    await staff.say("Kampanye terakhir!");
    await staff.pick("broadcast:skip");
    await staff.pick("broadcast:skip");
    await staff.pick(await segmentChoice("Semua"));
    expect(transcript(await staff.say("2026-12-11 10:00"))).toContain("Waktu itu jatuh di masa tenang pemilu");
    expect((await staff.say("2026-12-09 10:00"))[0]?.title).toBe("Pratinjau — penerima Bahasa Indonesia");
  });

  it("pauses, resumes and cancels the latest broadcast or one by id, each in the audit log", async () => {
    const staff = await setUp();
    expect(transcript(await staff.say("/broadcast pause"))).toBe("Tidak ada siaran yang sedang dikirim atau dijadwalkan.");
    await staff.say("/broadcast");
    await staff.say("Halo warga, ayo datang ke pasar murah!");
    await staff.pick("broadcast:skip");
    await staff.pick("broadcast:skip");
    await staff.pick(await segmentChoice("Semua"));
    await staff.pick("broadcast:now");
    await staff.pick("confirm:yes");
    const { id } = await app.db.broadcast.findFirstOrThrow();
    const ref = id.slice(-6);
    const status = () => app.db.broadcast.findUniqueOrThrow({ where: { id } }).then((b) => b.status);

    expect(transcript(await staff.say("/broadcast status"))).toBe(
      ["# Siaran terbaru", `#${ref} · sedang dikirim · Semua`, "Waktu kirim: 26 Nov 2026, 10.00 WIB", "antre 4", "“Halo warga, ayo datang ke pasar murah!”"].join("\n"),
    );
    expect(transcript(await staff.say("/broadcast pause"))).toBe(`Siaran #${ref} dijeda. Lanjutkan dengan /broadcast resume ${ref}.`);
    expect(await status()).toBe("paused");
    expect(transcript(await staff.say("/broadcast pause"))).toBe("Tidak ada siaran yang sedang dikirim atau dijadwalkan.");
    expect(transcript(await staff.say(`/broadcast resume ${ref}`))).toBe(`Siaran #${ref} dilanjutkan (sedang dikirim).`);
    expect(await status()).toBe("sending");
    expect(transcript(await staff.say("/broadcast resume nosuch"))).toBe('Tidak ada siaran dengan id "nosuch". Lihat /broadcast status.');
    expect(transcript(await staff.say(`/broadcast cancel ${id}`))).toBe(`Siaran #${ref} dibatalkan. Pesan yang belum terkirim tidak akan dikirim.`);
    expect(await status()).toBe("cancelled");
    expect(transcript(await staff.say(`/broadcast resume ${ref}`))).toBe(`Siaran #${ref} sedang dibatalkan; itu tidak bisa diubah dengan perintah ini.`);

    const actions = await app.db.auditEntry.findMany({ where: { action: { startsWith: "broadcast." } }, orderBy: { at: "asc" } });
    expect(actions.map((a) => [a.action, a.target, JSON.parse(a.details ?? "{}").to])).toEqual([
      ["broadcast.create", id, undefined],
      ["broadcast.pause", id, "paused"],
      ["broadcast.resume", id, "sending"],
      ["broadcast.cancel", id, "cancelled"],
    ]);
  });
});
