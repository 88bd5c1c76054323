import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { choiceIds, createTestApp, onboard, person, signUpVolunteer, transcript, type TestApp, type Voter } from "../support/createTestApp.js";

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

  it("/ubahdata corrects the name and the region, keeping tags in step", async () => {
    const voter = person(app);
    await signUp(voter);
    const menu = await voter.say("/ubahdata");
    expect(choiceIds(menu)).toEqual(["edit:name", "edit:phone", "edit:region", "edit:interests", "edit:done"]);
    await voter.pick("edit:name");
    const saved = await voter.say("Siti A. Rahman");
    expect(saved[0]?.text).toContain("Tersimpan");
    await voter.pick("edit:region");
    await voter.say("surabaya");
    await voter.say("1");
    await voter.pick("district:skip");
    await voter.pick("edit:done");
    const contact = await app.db.contact.findFirstOrThrow({ include: { tags: true } });
    expect(contact).toMatchObject({ name: "Siti A. Rahman", regionCode: "35.78" });
    const regionTags = contact.tags.map((t) => t.tag).filter((t) => t.startsWith("region:")).sort();
    expect(regionTags).toEqual(["region:35", "region:35.78"]);
  });

  it("/hapusdata deletes personal data after confirmation and keeps an anonymous withdrawal record", async () => {
    const voter = person(app, "telegram", "555");
    await signUp(voter);
    await voter.say("resep rendang yang enak bagaimana ya"); // an unanswered question, stored for staff
    expect(await app.db.unansweredQuestion.count()).toBe(1);

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
    expect(await app.db.unansweredQuestion.count()).toBe(0);
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
});
