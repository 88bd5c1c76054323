// One person, one contact: a WhatsApp sender is their phone number, and a phone
// the platform vouched for links Telegram and WhatsApp.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { mergeContacts } from "../../src/domain/contacts/mergeContacts.js";
import { choiceIds, createTestApp, onboard, person, type TestApp } from "../support/createTestApp.js";

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.close();
});

const whatsapp = (number: string) => person(app, "whatsapp", number, { senderPhone: `+${number}` });

describe("Telegram and WhatsApp identities", () => {
  it("recognises a WhatsApp sender whose number was shared on Telegram, and STOP there stops both", async () => {
    const telegram = person(app, "telegram", "111");
    await onboard(telegram, { language: "en" });
    await telegram.pick("menu:volunteer");
    await telegram.pick("privacy:yes");
    await telegram.say("Ayu");
    await telegram.sharePhone("+6281234567890");
    await telegram.say("kota bandung");
    await telegram.say("1");
    await telegram.pick("district:skip");
    await telegram.say("1");
    await telegram.pick("interests:done");
    await telegram.pick("availability:anytime");
    await telegram.pick("tasks:yes");

    const wa = whatsapp("6281234567890");
    const menu = await wa.say("halo");
    expect(menu[0]?.text).toContain("automated assistant");
    expect(choiceIds(menu)).toContain("menu:volunteer"); // the menu, in English, not a new onboarding
    expect(choiceIds(menu)).not.toContain("lang:id");
    const contacts = await app.db.contact.findMany({ include: { identities: true } });
    expect(contacts).toHaveLength(1);
    expect(contacts[0]!.identities.map((i) => i.channel).sort()).toEqual(["telegram", "whatsapp"]);

    await wa.say("STOP");
    expect(await app.db.contact.findFirstOrThrow()).toMatchObject({ optedOut: true, updatesConsent: false });
    const telegramMenu = await telegram.say("menu");
    expect(choiceIds(telegramMenu)).toContain("menu:subscribe");
  });

  it("merges a WhatsApp contact into a Telegram one when the person shares the same number with the contact button", async () => {
    const wa = whatsapp("6281277778888");
    await onboard(wa);
    const waContact = await app.db.contact.findFirstOrThrow();
    expect(waContact.phone).toBe("+6281277778888");
    await app.db.contactTag.create({ data: { contactId: waContact.id, tag: "event:rally-2026" } });
    await wa.say("kapan ada pasar murah di kecamatan saya?");

    const telegram = person(app, "telegram", "222");
    await onboard(telegram, { consent: false });
    await telegram.pick("menu:volunteer");
    await telegram.pick("privacy:yes");
    await telegram.say("Bagus");
    const typed = await telegram.say("0812-7777-8888");
    expect(typed).toHaveLength(1); // accepted for now; ownership is checked at the end
    await telegram.say("surabaya");
    await telegram.say("1");
    await telegram.pick("district:skip");
    await telegram.say("2");
    await telegram.pick("interests:done");
    await telegram.pick("availability:weekends");
    const refused = await telegram.pick("tasks:yes");
    expect(refused[0]?.text).toContain("Bagikan nomor saya");
    expect(await app.db.contact.count()).toBe(2);

    await telegram.sharePhone("+6281277778888");
    const welcome = await telegram.pick("tasks:yes");
    expect(welcome[0]?.text).toContain("Selamat bergabung, Bagus!");

    const contacts = await app.db.contact.findMany({ include: { identities: true, tags: true, consents: true, questions: true, volunteer: true } });
    expect(contacts).toHaveLength(1);
    const [one] = contacts;
    expect(one!.identities.map((i) => i.channel).sort()).toEqual(["telegram", "whatsapp"]);
    expect(one!.phone).toBe("+6281277778888");
    expect(one!.tags.map((t) => t.tag)).toContain("event:rally-2026");
    expect(one!.tags.map((t) => t.tag)).toContain("role:volunteer");
    expect(one!.questions).toHaveLength(1);
    // Both sides' consent history survives: WhatsApp said yes, Telegram said no, then tasks yes.
    expect(one!.consents.map((c) => [c.channel, c.purpose, c.granted]).sort()).toEqual(
      [
        ["telegram", "updates", false],
        ["telegram", "volunteer_tasks", true],
        ["whatsapp", "updates", true],
      ].sort(),
    );
    expect(one!.volunteer).not.toBeNull();
  });

  it("offers the WhatsApp sender's own number at sign-up", async () => {
    const wa = whatsapp("6281355550000");
    await onboard(wa);
    await wa.pick("menu:volunteer");
    await wa.pick("privacy:yes");
    const phonePrompt = await wa.say("Dimas");
    expect(phonePrompt[0]?.choices).toEqual([{ id: "phone:own", label: "Pakai nomor ini (+6281355550000)" }]);
    await wa.say("1");
    await wa.say("sleman");
    await wa.say("1");
    await wa.pick("district:skip");
    await wa.say("1 2");
    await wa.say("9");
    await wa.say("4");
    await wa.say("ya");
    const volunteer = await app.db.volunteer.findFirstOrThrow({ include: { contact: true } });
    expect(volunteer.contact).toMatchObject({ name: "Dimas", phone: "+6281355550000", regionCode: "34.04" });
  });
});

describe("mergeContacts", () => {
  it("keeps the older volunteer profile, re-points its referrals, and a STOP on either side stays", async () => {
    const a = await app.db.contact.create({ data: { phone: "+6281100000001", optedOut: true, updatesConsent: false, role: "coordinator", createdAt: new Date("2026-01-01") } });
    const b = await app.db.contact.create({ data: { name: "Bima", updatesConsent: true, createdAt: new Date("2026-02-01") } });
    await app.db.consentRecord.create({ data: { contactId: b.id, purpose: "updates", granted: true, textKey: "k", textVersion: "v", language: "id", channel: "telegram", source: "conversation", recordedAt: new Date("2026-02-01") } });
    await app.db.consentRecord.create({ data: { contactId: a.id, purpose: "updates", granted: false, textKey: "k", textVersion: "v", language: "id", channel: "whatsapp", source: "keyword", recordedAt: new Date("2026-03-01") } });
    const older = await app.db.volunteer.create({ data: { contactId: a.id, referralCode: "AAAAAA2", interests: "[]", availability: "anytime", createdAt: new Date("2026-01-02") } });
    await app.db.volunteer.create({ data: { contactId: b.id, referralCode: "BBBBBB3", interests: "[]", availability: "weekends", createdAt: new Date("2026-02-02") } });
    const recruit = await app.db.contact.create({ data: { referredByCode: "BBBBBB3" } });

    await app.db.$transaction((tx) => mergeContacts(tx, b.id, a.id));

    const kept = await app.db.contact.findUniqueOrThrow({ where: { id: b.id }, include: { volunteer: true, consents: true } });
    expect(kept).toMatchObject({ name: "Bima", phone: "+6281100000001", optedOut: true, updatesConsent: false, role: "coordinator", createdAt: new Date("2026-01-01") });
    expect(kept.volunteer?.id).toBe(older.id);
    expect(kept.consents).toHaveLength(2);
    expect(await app.db.contact.findUnique({ where: { id: a.id } })).toBeNull();
    expect((await app.db.contact.findUniqueOrThrow({ where: { id: recruit.id } })).referredByCode).toBe("AAAAAA2");
  });
});
