// One person, one contact: a WhatsApp sender is their phone number, and a phone
// the platform vouched for links Telegram and WhatsApp.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readBroadcastProgress } from "../../src/domain/broadcasts/readBroadcastProgress.js";
import { addContactTags, readContactTags } from "../../src/domain/contacts/contactTags.js";
import { mergeContacts } from "../../src/domain/contacts/mergeContacts.js";
import { readLeaderboard } from "../../src/domain/points/readLeaderboard.js";
import { addBroadcast } from "../delivery/support/seedCampaign.js";
import { bandungHealthSegment, coordinatorOf, createTaskInChat } from "../domain/tasks/support/taskWorld.js";
import { choiceIds, contactOf, createTestApp, onboard, person, signUpVolunteer, transcript, type TestApp } from "../support/createTestApp.js";

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
    await addContactTags(app.db, waContact.id, ["event:rally-2026"]);
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

    const contacts = await app.db.contact.findMany({ include: { identities: true, consents: true, inboxItems: true, volunteer: true } });
    expect(contacts).toHaveLength(1);
    const [one] = contacts;
    expect(one!.identities.map((i) => i.channel).sort()).toEqual(["telegram", "whatsapp"]);
    expect(one!.phone).toBe("+6281277778888");
    expect(await readContactTags(app.db, one!.id)).toEqual(expect.arrayContaining(["event:rally-2026", "role:volunteer"]));
    expect(one!.inboxItems).toHaveLength(1);
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


  it("moves task assignments, inbox items and messages, keeping the furthest-along one where both had the same", async () => {
    const merged = await app.db.contact.create({ data: { phone: "+6281100000002" } });
    const kept = await app.db.contact.create({ data: { name: "Sari" } });
    await app.db.volunteer.create({ data: { contactId: kept.id, referralCode: "KEPT222", interests: "[]", availability: "anytime" } });
    const segment = await app.db.segment.create({ data: { name: "semua", definition: "{}", createdBy: "test" } });
    const task = (title: string) =>
      app.db.task.create({ data: { title, instructions: "-", segmentId: segment.id, deadline: new Date("2026-12-01T10:00:00Z"), createdBy: "test" } });
    const [photoTask, bothTask, remindedTask, onlyMergedTask] = [await task("foto"), await task("dua"), await task("ingat"), await task("satu")];
    const assign = (taskId: number, contactId: string, data: { status: string; proofKind?: string; proof?: string; remindedAt?: Date }) =>
      app.db.taskAssignment.create({ data: { taskId, contactId, ...data } });
    // done with a photo beats offered; accepted beats declined; a reminder sent to either side counts.
    const donePhoto = await assign(photoTask.id, merged.id, { status: "done", proofKind: "photo", proof: "whatsapp:abc" });
    await assign(photoTask.id, kept.id, { status: "offered" });
    await assign(bothTask.id, merged.id, { status: "declined" });
    const acceptedKept = await assign(bothTask.id, kept.id, { status: "accepted" });
    await assign(remindedTask.id, merged.id, { status: "accepted", remindedAt: new Date("2026-11-27T10:00:00Z") });
    const keptReminded = await assign(remindedTask.id, kept.id, { status: "accepted" });
    const doneOnlyMerged = await assign(onlyMergedTask.id, merged.id, { status: "done", proofKind: "link", proof: "https://contoh.id/a" });

    const [sentBroadcast, keptSentBroadcast, onlyMergedBroadcast] = [await addBroadcast(app.db), await addBroadcast(app.db), await addBroadcast(app.db)];
    const delivery = (id: string, contactId: string, data: Record<string, unknown>) => app.db.delivery.create({ data: { id, contactId, ...data } });
    await delivery("b1-merged", merged.id, { broadcastId: sentBroadcast, status: "sent", channel: "whatsapp", externalId: "6281100000002" });
    await delivery("b1-kept", kept.id, { broadcastId: sentBroadcast, status: "queued" });
    await delivery("b2-merged", merged.id, { broadcastId: keptSentBroadcast, status: "skipped", reason: "no_consent" });
    await delivery("b2-kept", kept.id, { broadcastId: keptSentBroadcast, status: "sent", channel: "telegram", externalId: "333" });
    await delivery("b3-merged", merged.id, { broadcastId: onlyMergedBroadcast, status: "queued" });
    // The kept side's offer was skipped because they answered it: a queued copy must not undo that.
    await delivery("offer-merged", merged.id, { kind: "task_offer", taskId: bothTask.id, status: "queued", text: "tawaran" });
    await delivery("offer-kept", kept.id, { kind: "task_offer", taskId: bothTask.id, status: "skipped", reason: "answered", text: "tawaran" });
    await delivery("offer-photo-merged", merged.id, { kind: "task_offer", taskId: photoTask.id, status: "sent", text: "tawaran" });
    // Messages that stay but became pointless: a reminder for a task now done, an offer for one now accepted.
    await delivery("reminder-photo-kept", kept.id, { kind: "task_reminder", taskId: photoTask.id, status: "queued", text: "ingat" });
    await delivery("offer-reminded-merged", merged.id, { kind: "task_offer", taskId: remindedTask.id, status: "queued", text: "tawaran" });
    await delivery("reply-merged", merged.id, { kind: "inbox_reply", purpose: "reply", status: "sent", text: "Balasan tim" });
    await delivery("unsent-merged", merged.id, { status: "skipped", reason: "outside_24h_window", text: "halo", channel: "whatsapp", externalId: "6281100000002" });
    const inbox = (contactId: string, text: string) => app.db.inboxItem.create({ data: { contactId, kind: "question", text, language: "id", channel: "telegram" } });
    await inbox(merged.id, "dari whatsapp");
    await inbox(kept.id, "dari telegram");
    const pick = await app.db.questionChoice.create({ data: { contactId: merged.id, text: "duit", language: "id", channel: "whatsapp", options: '["politik-uang"]', chosen: "politik-uang", status: "chosen" } });

    await app.db.$transaction((tx) => mergeContacts(tx, kept.id, merged.id));

    const assignments = await app.db.taskAssignment.findMany({ orderBy: { taskId: "asc" } });
    expect(assignments.map((a) => [a.id, a.contactId, a.status, a.proof])).toEqual([
      [donePhoto.id, kept.id, "done", "whatsapp:abc"],
      [acceptedKept.id, kept.id, "accepted", null],
      [keptReminded.id, kept.id, "accepted", null],
      [doneOnlyMerged.id, kept.id, "done", "https://contoh.id/a"],
    ]);
    expect(assignments[2]!.remindedAt).toEqual(new Date("2026-11-27T10:00:00Z"));
    // Both done tasks count for the person that remains.
    expect((await readLeaderboard(app.db, { contactId: kept.id })).own).toMatchObject({ tasksDone: 2, points: 20 });

    const deliveries = await app.db.delivery.findMany({ orderBy: { id: "asc" } });
    expect(deliveries.map((d) => [d.id, d.status, d.reason])).toEqual([
      ["b1-merged", "sent", null],
      ["b2-kept", "sent", null],
      ["b3-merged", "queued", null],
      ["offer-kept", "skipped", "answered"],
      ["offer-photo-merged", "sent", null],
      ["offer-reminded-merged", "skipped", "answered"],
      ["reminder-photo-kept", "skipped", "task_done"],
      ["reply-merged", "sent", null],
      ["unsent-merged", "skipped", "outside_24h_window"],
    ]);
    expect(deliveries.every((d) => d.contactId === kept.id)).toBe(true);
    expect(await readBroadcastProgress(app.db, sentBroadcast, app.clock.now)).toMatchObject({ total: 1, sent: 1, remaining: 0 });

    expect((await app.db.inboxItem.findMany({ orderBy: { id: "asc" } })).map((i) => [i.contactId, i.text])).toEqual([
      [kept.id, "dari whatsapp"],
      [kept.id, "dari telegram"],
    ]);
    // A "Maksud Anda…?" pick waiting for staff stays, now the kept person's.
    expect(await app.db.questionChoice.findUniqueOrThrow({ where: { id: pick.id } })).toMatchObject({ contactId: kept.id, status: "chosen" });
    expect(await app.db.contact.findUnique({ where: { id: merged.id } })).toBeNull();
  });
});

describe("merging a volunteer who did tasks on WhatsApp into their Telegram contact", () => {
  it("keeps the done task, its proof and its points, and /datasaya on Telegram shows it", async () => {
    const wa = whatsapp("6281277778888");
    await onboard(wa);
    await signUpVolunteer(wa, { name: "Rina", phone: "081277778888" });
    const waContact = await contactOf(app, "whatsapp", "6281277778888");
    expect(waContact.phone).toBe("+6281277778888");
    const coordinator = await coordinatorOf(app);
    const taskId = await createTaskInChat(coordinator, (await bandungHealthSegment(app)).id);
    await wa.say(`TERIMA ${taskId}`);
    expect((await wa.say(`SELESAI ${taskId} https://contoh.id/laporan-rina`))[0]?.text).toContain("tercatat selesai dengan tautan");
    await wa.say("kapan posko relawan di Cimahi buka?");
    expect(await app.db.inboxItem.count({ where: { contactId: waContact.id } })).toBe(1);

    const telegram = person(app, "telegram", "333");
    await onboard(telegram);
    await telegram.pick("menu:volunteer");
    await telegram.pick("privacy:yes");
    await telegram.say("Rina");
    await telegram.sharePhone("+6281277778888");
    await telegram.say("kota bandung");
    await telegram.say("1");
    await telegram.pick("district:skip");
    await telegram.say("1");
    await telegram.pick("interests:done");
    await telegram.pick("availability:anytime");
    expect((await telegram.pick("tasks:yes"))[0]?.text).toContain("Selamat bergabung, Rina!");
    const one = await contactOf(app, "telegram", "333");
    expect(await app.db.contact.findUnique({ where: { id: waContact.id } })).toBeNull();
    expect(await app.db.taskAssignment.findFirst({ where: { taskId } })).toMatchObject({ contactId: one.id, status: "done", proof: "https://contoh.id/laporan-rina" });
    expect(await app.db.delivery.findFirst({ where: { taskId, kind: "task_offer" } })).toMatchObject({ contactId: one.id });
    expect(await app.db.inboxItem.count({ where: { contactId: one.id } })).toBe(1);
    expect((await readLeaderboard(app.db, { contactId: one.id })).own).toMatchObject({ tasksDone: 1, points: 10 });

    const mine = transcript(await telegram.say("/datasaya"));
    expect(mine).toContain("Tugas relawanmu: 1");
    expect(mine).toContain(`• #${taskId} Bagikan brosur posyandu: selesai ✅`);
    expect(mine).toContain("Bukti: https://contoh.id/laporan-rina");
    expect(mine).toContain("Pesan untuk tim kampanye: 1");
  });
});
