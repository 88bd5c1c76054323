import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readBroadcastProgress } from "../../src/domain/broadcasts/readBroadcastProgress.js";
import { addContactTags, readContactTags } from "../../src/domain/contacts/contactTags.js";
import { recordUnsentDelivery } from "../../src/domain/deliveries/recordUnsentDelivery.js";
import { inboxFaqId } from "../../src/domain/inbox/inboxFaqId.js";
import { addBroadcast, queueDeliveries } from "../delivery/support/seedCampaign.js";
import { bandungHealthSegment, coordinatorOf, createTaskInChat, volunteer } from "../domain/tasks/support/taskWorld.js";
import { choiceIds, contactOf, createTestApp, onboard, person, signUpVolunteer, transcript, type TestApp, type Voter } from "../support/createTestApp.js";

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.close();
});

async function signUp(voter: Voter) {
  await onboard(voter);
  await signUpVolunteer(voter);
}

describe("opt-out", () => {
  it.each(["STOP", "berhenti", "Unsubscribe", "/stop", "stop!"])("%s stops updates from any step, even mid sign-up", async (word) => {
    const voter = person(app);
    await voter.say("halo");
    await voter.pick("lang:id");
    await voter.pick("consent:yes");
    await voter.pick("menu:volunteer");
    await voter.pick("privacy:yes");
    const stopped = await voter.say(word);
    expect(stopped[0]?.text).toContain("sudah berhenti berlangganan");
    const contact = await app.db.contact.findFirstOrThrow({ include: { consents: { orderBy: { recordedAt: "asc" } }, conversation: true } });
    expect(contact.optedOut).toBe(true);
    expect(contact.updatesConsent).toBe(false);
    expect(contact.consents.at(-1)).toMatchObject({ purpose: "updates", granted: false, source: "keyword" });
    expect(contact.conversation).toMatchObject({ flow: "idle" });
  });

  it("MULAI gives a volunteer back both updates and tasks", async () => {
    const voter = person(app);
    await signUp(voter);
    await voter.say("STOP");
    await voter.say("MULAI");
    const consents = await app.db.consentRecord.findMany({ orderBy: { recordedAt: "asc" } });
    expect(consents.slice(-4).map((c) => [c.purpose, c.granted, c.source])).toEqual([
      ["updates", false, "keyword"],
      ["volunteer_tasks", false, "keyword"],
      ["updates", true, "keyword"],
      ["volunteer_tasks", true, "keyword"],
    ]);
  });

  it("covers every channel of the person and MULAI subscribes again", async () => {
    const voter = person(app, "telegram", "42");
    await voter.say("halo");
    await voter.pick("lang:id");
    await voter.pick("consent:yes");
    const contact = await app.db.contact.findFirstOrThrow();
    // A second identity of the same person (the WhatsApp issue links them by phone).
    await app.db.channelIdentity.create({ data: { contactId: contact.id, channel: "whatsapp", externalId: "6281234567890" } });
    await person(app, "whatsapp", "6281234567890").say("BERHENTI");
    expect(await app.db.contact.findUniqueOrThrow({ where: { id: contact.id } })).toMatchObject({ optedOut: true });

    const menuWhileStopped = await voter.say("menu");
    expect(choiceIds(menuWhileStopped)).toContain("menu:subscribe");

    const back = await voter.say("MULAI");
    expect(back[0]?.text).toContain("Selamat datang kembali");
    const after = await app.db.contact.findUniqueOrThrow({ where: { id: contact.id }, include: { consents: { orderBy: { recordedAt: "asc" } } } });
    expect(after).toMatchObject({ optedOut: false, updatesConsent: true });
    expect(after.consents.map((c) => [c.purpose, c.granted, c.channel])).toEqual([
      ["updates", true, "telegram"],
      ["updates", false, "whatsapp"],
      ["updates", true, "telegram"],
    ]);
  });

  it("marks a Telegram identity unreachable when the person blocks the bot, and reachable when they write again", async () => {
    const voter = person(app, "telegram", "77");
    await voter.say("halo");
    await app.engine.markUnreachable("telegram", "77", new Date("2026-11-26T05:00:00Z"));
    expect((await app.db.channelIdentity.findFirstOrThrow()).unreachableAt).toEqual(new Date("2026-11-26T05:00:00Z"));
    await voter.say("/start");
    expect((await app.db.channelIdentity.findFirstOrThrow()).unreachableAt).toBeNull();
  });
});

describe("my data", () => {
  it("/datasaya shows everything stored", async () => {
    const voter = person(app);
    await signUp(voter);
    await voter.say("kapan ada pasar murah di kecamatan saya?");
    const shown = transcript(await voter.say("/datasaya"));
    for (const expected of ["Nama: Siti Aminah", "Nomor HP: +6281234567890", "Wilayah: Kota Bandung", "Relawan sejak", "Minat: Kesehatan", "Kabar kampanye: berlangganan", "Riwayat persetujuan:", "Tugas relawan: setuju", "Akun chat: console u1", 'kapan ada pasar murah di kecamatan saya?"']) {
      expect(shown).toContain(expected);
    }
  });

  it("/datasaya says the labels in words and lists a question asked twice once", async () => {
    const voter = person(app);
    await signUp(voter);
    await voter.say("kapan ada pasar murah di kecamatan saya?");
    await voter.say("Kapan ada pasar murah di kecamatan saya??");
    const contact = await app.db.contact.findFirstOrThrow();
    await addContactTags(app.db, contact.id, ["posko-a"]);
    const shown = transcript(await voter.say("/datasaya"));
    const labels = shown.split("\n").find((line) => line.startsWith("Label: "));
    expect(labels).toBe("Label: minat Kesehatan; bahasa Bahasa Indonesia; posko-a; wilayah Kota Bandung, Jawa Barat; relawan");
    expect(shown).not.toMatch(/interest:|region:|lang:|role:/);
    expect(shown.match(/pasar murah/gi)).toHaveLength(1);
    // Once, as the message to the team it is, with its status: there is no second list of questions.
    expect(shown).toContain("Pesan untuk tim kampanye: 1");

    await voter.say("/bahasa");
    await voter.pick("lang:en");
    const english = transcript(await voter.say("/datasaya"));
    expect(english).toContain("Labels: interest Health; language English; posko-a; region Kota Bandung, Jawa Barat; volunteer");
  });

  it("/ubahdata corrects the name and the region, keeping tags in step", async () => {
    const voter = person(app);
    await signUp(voter);
    const menu = await voter.say("/ubahdata");
    expect(choiceIds(menu)).toEqual(["edit:name", "edit:phone", "edit:region", "edit:interests", "edit:availability", "edit:done"]);
    await voter.pick("edit:name");
    const saved = await voter.say("Siti A. Rahman");
    expect(saved[0]?.text).toContain("Tersimpan");
    await voter.pick("edit:region");
    await voter.say("surabaya");
    await voter.say("1");
    await voter.pick("district:skip");
    await voter.pick("edit:done");
    const contact = await app.db.contact.findFirstOrThrow();
    expect(contact).toMatchObject({ name: "Siti A. Rahman", regionCode: "35.78" });
    const regionTags = (await readContactTags(app.db, contact.id)).filter((t) => t.startsWith("region:"));
    expect(regionTags).toEqual(["region:35", "region:35.78"]);

    // The village can be changed too: region, district (one match is taken), then the village.
    await voter.say("/ubahdata");
    await voter.pick("edit:region");
    await voter.say("kota bandung");
    await voter.say("1");
    await voter.say("coblong");
    const saved2 = await voter.say("sekeloa");
    expect(transcript(saved2)).toContain("📍 Sekeloa, Coblong, Kota Bandung, Jawa Barat");
    expect(transcript(saved2)).toContain("Tersimpan");
    expect(await app.db.contact.findFirstOrThrow()).toMatchObject({ regionCode: "32.73.02.1005" });
    const mine = await voter.say("/datasaya");
    expect(transcript(mine)).toContain("Sekeloa, Coblong, Kota Bandung, Jawa Barat");
  });

  it("/ubahdata changes a volunteer's availability, with the sign-up's choices and check", async () => {
    const voter = person(app);
    await signUp(voter);
    const before = await app.db.volunteer.findFirstOrThrow();
    await voter.say("/ubahdata");
    const asked = await voter.pick("edit:availability");
    expect(transcript(asked)).toBe(
      ["Kapan kamu biasanya punya waktu?", "[availability:weekdays] Hari kerja", "[availability:weekends] Akhir pekan", "[availability:evenings] Malam hari", "[availability:anytime] Kapan saja"].join("\n"),
    );
    expect(transcript(await voter.say("kapan-kapan"))).toContain("Mohon pilih salah satu");
    expect((await app.db.volunteer.findFirstOrThrow()).availability).toBe(before.availability);
    const saved = await voter.say(before.availability === "evenings" ? "4" : "3");
    expect(transcript(saved)).toContain("Tersimpan ✅");
    const expected = before.availability === "evenings" ? "anytime" : "evenings";
    expect((await app.db.volunteer.findFirstOrThrow()).availability).toBe(expected);
    await voter.pick("edit:done");
    expect(transcript(await voter.say("/datasaya"))).toContain(`Waktu luang: ${expected === "anytime" ? "Kapan saja" : "Malam hari"}`);
  });

  it("/hapusdata deletes personal data after confirmation and keeps an anonymous withdrawal record", async () => {
    const voter = person(app, "telegram", "555");
    await signUp(voter);
    await voter.say("resep rendang yang enak bagaimana ya"); // an unanswered question, stored for staff
    expect(await app.db.inboxItem.count()).toBe(1);

    const confirm = await voter.say("/hapusdata");
    expect(choiceIds(confirm)).toEqual(["erase:yes", "erase:no"]);
    const kept = await voter.pick("erase:no");
    expect(kept[0]?.text).toContain("tidak dihapus");
    expect(await app.db.contact.count()).toBe(1);

    await voter.say("/hapusdata");
    const done = await voter.pick("erase:yes");
    expect(done[0]?.text).toContain("sudah dihapus");

    expect(await app.db.contact.count()).toBe(0);
    expect(await app.db.channelIdentity.count()).toBe(0);
    expect(await app.db.volunteer.count()).toBe(0);
    expect(await app.db.contactTag.count()).toBe(0);
    expect(await app.db.conversationState.count()).toBe(0);
    expect(await app.db.inboxItem.count()).toBe(0);
    const consents = await app.db.consentRecord.findMany({ orderBy: { recordedAt: "asc" } });
    expect(consents.every((c) => c.contactId === null)).toBe(true);
    expect(consents.at(-1)).toMatchObject({ purpose: "all", granted: false, source: "data_deletion", channel: "telegram" });
    const raw = JSON.stringify(consents);
    expect(raw).not.toContain("Siti");
    expect(raw).not.toContain("6281234567890");

    // Writing again starts from scratch.
    const again = await voter.say("halo");
    expect(choiceIds(again)).toEqual(["lang:id", "lang:en"]);
  });

  it("/datasaya lists the volunteer's tasks with status, dates and proof (a photo only named), and counts the messages on record", async () => {
    const siti = await volunteer(app, "5001", { name: "Siti Aminah" });
    const budi = await volunteer(app, "5002", { name: "Budi Santoso", language: "en" });
    const segment = await bandungHealthSegment(app);
    const coordinator = await coordinatorOf(app);
    const photoTask = await createTaskInChat(coordinator, segment.id, { title: "Bagikan brosur posyandu" });
    const textTask = await createTaskInChat(coordinator, segment.id, { title: "Ajak tetangga ke posyandu" });
    const declinedTask = await createTaskInChat(coordinator, segment.id, { title: "Pasang spanduk" });
    const openTask = await createTaskInChat(coordinator, segment.id, { title: "Kawal TPS" });
    await siti.say(`TERIMA ${photoTask}`);
    await siti.say(`SELESAI ${photoTask}`);
    await siti.send({ kind: "media", photo: { fileId: "AgAC-brosur" } });
    await siti.say(`TERIMA ${textTask}`);
    await siti.say(`SELESAI ${textTask} sudah ajak 5 tetangga ke posyandu Melati`);
    await siti.say(`TOLAK ${declinedTask}`);
    await siti.say("kapan posko relawan di Cimahi buka?");

    const shown = transcript(await siti.say("/datasaya"));
    expect(shown).toContain("Tugas relawanmu: 4");
    const time = "26 Nov 2026, 10\\.0\\d WIB";
    expect(shown).toMatch(new RegExp(`• #${photoTask} Bagikan brosur posyandu: selesai ✅\\n  ditawarkan ${time} · diterima ${time} · dilaporkan selesai ${time}\\n  Bukti: sebuah foto\\n`));
    expect(shown).toMatch(new RegExp(`• #${textTask} Ajak tetangga ke posyandu: selesai ✅\\n.*\\n  Bukti: "sudah ajak 5 tetangga ke posyandu Melati"\\n`));
    expect(shown).toMatch(new RegExp(`• #${declinedTask} Pasang spanduk: kamu tolak\\n  ditawarkan ${time} · ditolak ${time}\\n`));
    expect(shown).toMatch(new RegExp(`• #${openTask} Kawal TPS: belum kamu jawab\\n  ditawarkan ${time}\\n`));
    expect(shown).not.toContain("AgAC-brosur"); // the platform's file reference means nothing to the person
    expect(shown).toContain("Pesan dari kami yang tercatat: 4 (tawaran tugas 4)");
    expect(shown).toContain("Pesan untuk tim kampanye: 1"); // the inbox's own section
    expect(shown).toContain('"kapan posko relawan di Cimahi buka?"');

    await budi.say(`ACCEPT ${photoTask}`);
    await budi.say(`DONE ${photoTask} https://instagram.com/p/brosur-posyandu`);
    // A message recorded as not sent (a broadcast row of no broadcast: WhatsApp's 24-hour window) is counted apart.
    const budiId = (await contactOf(app, "telegram", "5002")).id;
    await app.db.delivery.createMany({
      data: [
        { kind: "broadcast", contactId: budiId, text: "Kabar kampanye", purpose: "updates", status: "skipped" },
        { kind: "broadcast", contactId: budiId, text: "Kabar kampanye lagi", purpose: "updates", status: "skipped" },
      ],
    });
    const english = transcript(await budi.say("/mydata"));
    expect(english).toContain("Your volunteer tasks: 4");
    expect(english).toMatch(new RegExp(`• #${photoTask} Bagikan brosur posyandu: done ✅\\n  offered .* · accepted .* · reported done .*\\n  Proof: https://instagram\\.com/p/brosur-posyandu\\n`));
    expect(english).toContain("Messages from us on record: 6 (task offers 4, not sent 2)");
  });

  it("/hapusdata leaves no message text about the person, keeps broadcast counts right, and their tasks and inbox items go", async () => {
    const siti = await volunteer(app, "5001", { name: "Siti Aminah" });
    await volunteer(app, "5002", { name: "Rudi Hartono" });
    const sitiId = (await contactOf(app, "telegram", "5001")).id;
    const rudiId = (await contactOf(app, "telegram", "5002")).id;
    const coordinator = await coordinatorOf(app);
    const taskId = await createTaskInChat(coordinator, (await bandungHealthSegment(app)).id);
    await siti.say(`TERIMA ${taskId}`);
    await siti.say(`SELESAI ${taskId} sudah bagikan 50 brosur di posyandu Melati`);
    const question = "kapan posko relawan di Cimahi buka? rumah saya di Jl. Melati 7";
    await siti.say(question);
    const item = await app.db.inboxItem.findFirstOrThrow({ where: { contactId: sitiId } });
    await coordinator.say(`/reply ${item.id} faq Posko Cimahi buka setiap hari pukul 09.00, dekat Jl. Melati.`);
    // A reply the bot could not send, recorded against the chat before or after it had a contact.
    await recordUnsentDelivery(app.db, { channel: "telegram", externalId: "5001", text: "Halo Siti, ini balasanmu", reason: "outside_24h_window", at: app.clock.now });
    await app.db.delivery.create({ data: { channel: "telegram", externalId: "5001", text: "Halo Siti (tanpa kontak)", status: "skipped", reason: "outside_24h_window" } });
    // One broadcast already sent to both; one paused with both still waiting (Siti's held for quiet hours).
    const sent = await addBroadcast(app.db, { status: "completed" });
    await queueDeliveries(app.db, sent, [sitiId, rudiId]);
    await app.db.delivery.updateMany({ where: { broadcastId: sent }, data: { status: "sent", channel: "telegram", platformMessageId: "42", sentAt: app.clock.now } });
    await app.db.delivery.updateMany({ where: { broadcastId: sent, contactId: sitiId }, data: { externalId: "5001" } });
    const paused = await addBroadcast(app.db, { status: "paused" });
    await queueDeliveries(app.db, paused, [sitiId, rudiId]);
    await app.db.delivery.updateMany({ where: { broadcastId: paused, contactId: sitiId }, data: { reason: "quiet_hours" } });
    expect(await app.db.delivery.count({ where: { kind: { not: "broadcast" }, contactId: sitiId } })).toBe(3); // offer, reply, the notice that could not be sent
    const rudiBefore = await app.db.delivery.findMany({ where: { contactId: rudiId }, orderBy: { id: "asc" } });

    await siti.say("/hapusdata");
    expect(transcript(await siti.pick("erase:yes"))).toContain("sudah dihapus");

    // Task assignments and inbox items went with the contact (cascade).
    expect(await app.db.taskAssignment.findMany({ select: { contactId: true } })).toEqual([{ contactId: rudiId }]);
    expect(await app.db.inboxItem.count()).toBe(0);
    // What is left of Siti's messages: her two broadcast rows, linked to nobody, with no text.
    const left = await app.db.delivery.findMany({ where: { OR: [{ contactId: null }, { contactId: { not: rudiId } }] } });
    expect(left.map((d) => [d.broadcastId, d.contactId, d.channel, d.externalId, d.platformMessageId, d.text, d.status, d.reason]).sort()).toEqual(
      [
        [sent, null, null, null, null, null, "sent", null],
        [paused, null, null, null, null, null, "skipped", "no_contact"],
      ].sort(),
    );
    const everything = JSON.stringify(await app.db.delivery.findMany({ select: { contactId: true, channel: true, externalId: true, text: true } }));
    for (const trace of [sitiId, "5001", "Siti", "Melati", "Posko Cimahi"]) expect(everything).not.toContain(trace);
    // Rudi's rows are untouched, and both broadcasts still add up.
    expect(await app.db.delivery.findMany({ where: { contactId: rudiId }, orderBy: { id: "asc" } })).toEqual(rudiBefore);
    expect(await readBroadcastProgress(app.db, sent, app.clock.now)).toMatchObject({ total: 2, sent: 2, remaining: 0 });
    expect(await readBroadcastProgress(app.db, paused, app.clock.now)).toMatchObject({ total: 2, skipped: 1, skippedByReason: { no_contact: 1 }, remaining: 1, held: 0 });
    // The FAQ entry staff made of her question goes too: its question was her words, address and all.
    expect(await app.db.faqEntry.findFirst({ where: { id: inboxFaqId(item.id) } })).toBeNull();
  });

  it("/hapusdata makes the running bot forget an FAQ saved from the person's question", async () => {
    const siti = person(app, "telegram", "5101");
    await onboard(siti);
    await siti.say("kapan posko relawan di Cimahi buka? rumah saya di Jl. Melati 7");
    const item = await app.db.inboxItem.findFirstOrThrow();
    const coordinator = await coordinatorOf(app);
    await coordinator.say(`/reply ${item.id} faq Posko Cimahi buka setiap hari pukul 09.00.`);
    const rudi = person(app, "telegram", "5102");
    await onboard(rudi);
    expect(transcript(await rudi.say("posko relawan cimahi buka kapan?"))).toContain("Posko Cimahi buka setiap hari pukul 09.00.");

    await siti.say("/hapusdata");
    await siti.pick("erase:yes");

    // The running matcher forgot it too, so a stale entry cannot shadow the campaign's own FAQs.
    expect(app.deps.faq.entry(`inbox-${item.id}`)).toBeUndefined();
    expect(app.deps.faq.decide("posko relawan cimahi buka kapan?", "id")).toEqual({ kind: "none" });
    const after = transcript(await rudi.say("posko relawan cimahi buka kapan?"));
    expect(after).not.toContain("Posko Cimahi buka");
    // Not answered: it is kept for staff as Rudi's own question.
    expect(await app.db.inboxItem.findMany({ select: { text: true } })).toEqual([{ text: "posko relawan cimahi buka kapan?" }]);
  });
});
