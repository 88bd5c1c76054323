import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { choiceIds, createTestApp, onboard, person, signUpVolunteer, type TestApp } from "../support/createTestApp.js";
import { addFailingTrigger } from "../support/addFailingTrigger.js";

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.close();
});

async function onboarded(channel: "telegram" | "whatsapp" | "console" = "console", id = "u1") {
  const voter = person(app, channel, id);
  await onboard(voter);
  return voter;
}

describe("bad input", () => {
  it("answers a sticker where a region is expected with a re-prompt, keeping the sign-up", async () => {
    const voter = await onboarded();
    await voter.pick("menu:volunteer");
    await voter.pick("privacy:yes");
    await voter.say("Rudi");
    await voter.say("081234567890");
    const replies = await voter.sendMedia();
    expect(replies[0]?.text).toBe("Maaf, saya hanya bisa membaca pesan teks.");
    expect(replies[1]?.text).toContain("kabupaten/kota");
    expect(await app.db.conversationState.findFirstOrThrow()).toMatchObject({ flow: "volunteer", step: "region" });
  });

  it("answers media and shared contacts at the menu without storing them", async () => {
    const voter = await onboarded();
    expect((await voter.sendMedia("foto kampanye"))[0]?.text).toContain("hanya bisa membaca pesan teks");
    expect((await voter.sharePhone("+6281234567890"))[0]?.text).toContain("tidak butuh nomor telepon");
    expect((await app.db.contact.findFirstOrThrow()).phone).toBeNull();
  });

  it("refuses text over 4,096 characters without touching the conversation", async () => {
    const voter = await onboarded();
    const before = await app.db.conversationState.findFirstOrThrow();
    const replies = await voter.say("a".repeat(5000));
    expect(replies).toHaveLength(1);
    expect(replies[0]?.text).toContain("terlalu panjang");
    expect(await app.db.inboxItem.count()).toBe(0);
    expect((await app.db.conversationState.findFirstOrThrow()).data).toBe(before.data);
  });

  it("answers empty text and unknown commands with a hint and the menu", async () => {
    const voter = await onboarded();
    const empty = await voter.say("   ");
    expect(empty[0]?.text).toContain("Pilih salah satu menu");
    const unknown = await voter.say("/hack");
    expect(unknown[0]?.text).toContain("Perintah /hack tidak saya kenal");
    expect(choiceIds(unknown)).toContain("menu:profile");
  });

  it("tells a flooding person once to slow down, then ignores them until the window passes", async () => {
    const at = new Date("2026-11-26T04:00:00Z");
    const results = [];
    for (let i = 0; i < 25; i++) {
      results.push(await app.engine.handle({ channel: "whatsapp", externalId: "628111", kind: "text", text: `pesan ${i}`, receivedAt: new Date(at.getTime() + i * 100) }));
    }
    expect(results.slice(0, 20).every((r) => r.replies.length > 0)).toBe(true);
    expect(results[20]?.replies[0]?.text).toContain("Pelan-pelan");
    expect(results.slice(21).every((r) => r.replies.length === 0)).toBe(true);
    const later = await app.engine.handle({ channel: "whatsapp", externalId: "628111", kind: "text", text: "menu", receivedAt: new Date(at.getTime() + 20_000) });
    expect(later.replies.length).toBeGreaterThan(0);
  });

  it("handles two quick messages from one person in order, never racing on the state", async () => {
    const voter = await onboarded();
    await voter.pick("menu:volunteer");
    const now = app.clock.now;
    const [first, second] = await Promise.all([
      app.engine.handle({ channel: "console", externalId: "u1", kind: "text", text: "1", receivedAt: now }),
      app.engine.handle({ channel: "console", externalId: "u1", kind: "text", text: "Maya", receivedAt: now }),
    ]);
    expect(first.replies[0]?.text).toBe("Siapa namamu?");
    expect(second.replies[0]?.requestPhone).toBe(true);
    expect(JSON.parse((await app.db.conversationState.findFirstOrThrow()).data)).toMatchObject({ name: "Maya" });
  });

  it("maps a tapped button from an old message to the menu instead of a wrong step", async () => {
    const voter = await onboarded();
    await voter.pick("menu:volunteer");
    await voter.pick("privacy:yes");
    const stale = await voter.pick("erase:yes");
    expect(stale[0]?.text).toContain("pesan lama");
    expect(await app.db.contact.count()).toBe(1);
  });

  it("rolls the whole turn back when something fails half-way", async () => {
    const voter = await onboarded();
    await signUpVolunteer(voter, { name: "Tono", stopBeforeConsent: true });
    // Break the volunteer table so completing the sign-up throws mid-transaction.
    const repair = await addFailingTrigger(app.db, "fail_volunteer", { table: "Volunteer", event: "INSERT", message: "disk on fire" });
    await expect(voter.pick("tasks:yes")).rejects.toThrow();
    const contact = await app.db.contact.findFirstOrThrow({ include: { consents: true, conversation: true } });
    expect(contact.name).toBeNull();
    expect(contact.consents.filter((c) => c.purpose === "volunteer_tasks")).toHaveLength(0);
    expect(contact.conversation).toMatchObject({ flow: "volunteer", step: "tasksConsent" });
    await repair();
    const welcome = await voter.pick("tasks:yes");
    expect(welcome[0]?.text).toContain("Selamat bergabung, Tono");
  });

  it("answers a number that is not on the list with the list again, never as a question", async () => {
    const voter = await onboarded();
    const answer = await voter.say("siapa wakilnya?");
    expect(choiceIds(answer)).toEqual(["menu:ask", "menu:main"]);
    const outOfRange = await voter.say("3");
    expect(outOfRange[0]?.text).toBe("Balas dengan angka 1 sampai 2, atau pilih salah satu di bawah.");
    expect(choiceIds(outOfRange)).toEqual(["menu:ask", "menu:main"]);
    expect((await voter.say("2"))[0]?.choices?.[0]?.id).toBe("menu:profile");
    expect(await app.db.inboxItem.count()).toBe(0);
  });

  it("takes thanks and one-word acknowledgements kindly without filing them as questions", async () => {
    const voter = await onboarded();
    expect((await voter.say("makasih ya!"))[0]?.text).toContain("Sama-sama");
    expect((await voter.say("terima kasih"))[0]?.text).toContain("Sama-sama");
    expect((await voter.say("ok"))[0]?.text).toContain("ketik pertanyaanmu");
    expect((await voter.say("??"))[0]?.text).toContain("ketik pertanyaanmu");
    expect(await app.db.inboxItem.count()).toBe(0);
  });

  it("handles a redelivered message once, and a turn that failed can be redelivered", async () => {
    await onboarded("whatsapp", "6281200000001");
    const message = { channel: "whatsapp" as const, externalId: "6281200000001", kind: "text" as const, text: "1", receivedAt: app.clock.now, messageId: "wamid.1" };
    const first = await app.engine.handle(message);
    expect(first.replies[0]?.title).toContain("Nusa Bakti");
    expect(first.language).toBe("id");
    expect(await app.engine.handle(message)).toEqual({ replies: [], effects: [{ type: "duplicate" }] });

    const repair = await addFailingTrigger(app.db, "fail_state", { table: "ConversationState", event: "UPDATE", message: "disk full" });
    const failing = { ...message, text: "2", messageId: "wamid.2" };
    await expect(app.engine.handle(failing)).rejects.toThrow();
    await repair();
    const retried = await app.engine.handle(failing);
    expect(retried.replies[0]?.title).toBe("Visi");
  });
});
