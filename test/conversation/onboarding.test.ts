import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { choiceIds, createTestApp, person, transcript, type TestApp } from "../support/createTestApp.js";

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.close();
});

describe("first contact", () => {
  it("says it is the campaign's bot, asks the language, then asks consent before the menu", async () => {
    const voter = person(app, "telegram", "1001");
    const greeting = await voter.say("halo");
    expect(greeting[0]?.text).toContain("asisten otomatis (bot) dari Tim Relawan Nusa Bakti (DEMO)");
    expect(choiceIds(greeting)).toEqual(["lang:id", "lang:en"]);

    const consent = await voter.pick("lang:en");
    expect(transcript(consent)).toContain("May Nusa Bakti Volunteer Team (DEMO) send you campaign updates");
    expect(choiceIds(consent)).toEqual(["consent:yes", "consent:no"]);

    const menu = await voter.pick("consent:yes");
    expect(menu[0]?.text).toContain("You will receive campaign updates");
    expect(choiceIds(menu)).toEqual(["menu:profile", "menu:vision", "menu:programmes", "menu:ask", "menu:volunteer", "menu:mydata", "menu:stop", "menu:handoff"]);

    const contact = await app.db.contact.findFirstOrThrow({ include: { consents: true, identities: true } });
    expect(contact.language).toBe("en");
    expect(contact.updatesConsent).toBe(true);
    expect(contact.name).toBeNull();
    expect(contact.phone).toBeNull();
    expect(contact.identities).toMatchObject([{ channel: "telegram", externalId: "1001" }]);
    expect(contact.consents).toMatchObject([
      { purpose: "updates", granted: true, textKey: "consent.updates.question", textVersion: "2026-11-v1", channel: "telegram", language: "en", source: "conversation" },
    ]);
  });

  // Issue 14: a brand-new person whose first message was a command got the menu without the
  // disclosure, the language choice or the consent question.
  it.each(["/stats", "/foo", "/datasaya", "/relawan", "/help", "/bahasa", "/tanya", "/tim tolong", "/inbox", "/hapusdata", "MULAI", "menu"])(
    "takes a first contact that says %s through disclosure, language and consent",
    async (first) => {
      const voter = person(app, "telegram", "1002");
      const greeting = await voter.say(first);
      expect(greeting[0]?.text).toContain("asisten otomatis (bot) dari Tim Relawan Nusa Bakti (DEMO)");
      expect(choiceIds(greeting)).toEqual(["lang:id", "lang:en"]);
      expect(choiceIds(await voter.pick("lang:id"))).toEqual(["consent:yes", "consent:no"]);
      expect(choiceIds(await voter.pick("consent:yes"))).toContain("menu:volunteer");
      expect(await app.db.inboxItem.count()).toBe(0);
    },
  );

  it("honours STOP as a first message at once, without asking anything", async () => {
    const voter = person(app, "whatsapp", "6281234567890");
    const stopped = await voter.say("STOP");
    expect(transcript(stopped)).toContain("berhenti berlangganan");
    expect(choiceIds(stopped)).toEqual([]);
    expect(await app.db.contact.findFirstOrThrow()).toMatchObject({ optedOut: true, updatesConsent: false });
  });

  it("lets a person who declines still read content and ask questions", async () => {
    const voter = person(app);
    await voter.say("/start");
    await voter.say("1"); // Bahasa Indonesia, by number as on WhatsApp or the console
    const declined = await voter.say("tidak");
    expect(declined[0]?.text).toContain("tidak akan mengirimimu kabar kampanye");
    expect(choiceIds(declined)).toContain("menu:subscribe");

    const profile = await voter.pick("menu:profile");
    expect(profile[0]?.title).toContain("Nusa Bakti");
    expect(profile[0]?.text).toContain("fiktif");

    const contact = await app.db.contact.findFirstOrThrow({ include: { consents: true } });
    expect(contact.updatesConsent).toBe(false);
    expect(contact.consents).toMatchObject([{ purpose: "updates", granted: false }]);
  });

  it("re-asks instead of guessing when the answer is not one of the choices", async () => {
    const voter = person(app);
    await voter.say("hi");
    const replies = await voter.say("siapa kandidatnya?");
    expect(replies[0]?.text).toContain("pilih salah satu");
    expect(choiceIds(replies)).toEqual(["lang:id", "lang:en"]);
  });

  it("shows content in the chosen language, with the programmes as a submenu", async () => {
    const voter = person(app);
    await voter.say("halo");
    await voter.pick("lang:en");
    await voter.pick("consent:yes");
    const vision = await voter.pick("menu:vision");
    expect(vision.map((r) => r.title)).toEqual(["Vision", "Mission", undefined]);
    const programmes = await voter.pick("menu:programmes");
    expect(choiceIds(programmes)).toEqual([...app.content.campaign.programmes.map((p) => `programme:${p.id}`), "menu:main"]);
    expect(choiceIds(programmes)).toHaveLength(8);
    const health = await voter.say("1");
    expect(health[0]?.title).toBe("Health Care Close to Home");
    expect(choiceIds(health)).toEqual(["menu:programmes", "menu:main"]);
  });
});

// Issue 14, found again: the first message was handled right, but while the language and consent
// questions were unanswered a second message was acted on (/relawan started the sign-up, /stats
// showed the menu), so a person could give personal data without having answered consent.
describe("until language and consent are answered", () => {
  const answerFirstBoth =
    "Jawab dulu pertanyaan ini, ya; sesudah itu menu dan perintah lain bisa dipakai.\nPlease answer this question first; the menu and other commands work after that.";
  const languageQuestion = "Pilih bahasa / Choose your language\n[lang:id] Bahasa Indonesia\n[lang:en] English";
  const consentQuestion =
    "May Nusa Bakti Volunteer Team (DEMO) send you campaign updates (events, programmes, calls for volunteers) in this chat? We only keep your chat ID and this answer. You can stop at any time by typing STOP.\n[consent:yes] Yes, I agree\n[consent:no] No";
  const answerFirst = "Please answer this question first; the menu and other commands work after that.";
  const pickOne = "Please pick one of the options below (or reply with its number).";

  /** Nothing beyond what onboarding keeps: the contact, its chat identity, its language. */
  async function expectNothingStoredBeyondOnboarding(): Promise<void> {
    const contact = await app.db.contact.findFirstOrThrow({ include: { consents: true, volunteer: true } });
    expect(contact).toMatchObject({ name: null, phone: null, regionCode: null, updatesConsent: null, optedOut: false, volunteer: null, consents: [] });
    expect(await app.db.volunteer.count()).toBe(0);
    expect(await app.db.inboxItem.count()).toBe(0);
  }

  it.each([
    ["/relawan", (v: ReturnType<typeof person>) => v.say("/relawan")],
    ["/stats", (v: ReturnType<typeof person>) => v.say("/stats")],
    ["/ubahdata", (v: ReturnType<typeof person>) => v.say("/ubahdata")],
    ["MULAI", (v: ReturnType<typeof person>) => v.say("MULAI")],
    ["a menu button from elsewhere", (v: ReturnType<typeof person>) => v.pick("menu:volunteer")],
  ])("answers %s as a second message with the language question again", async (_, send) => {
    const voter = person(app, "telegram", "2001");
    await voter.say("/stats");
    expect(transcript(await send(voter))).toBe(`${answerFirstBoth}\n---\n${languageQuestion}`);
    await expectNothingStoredBeyondOnboarding();
    expect(choiceIds(await voter.pick("lang:en"))).toEqual(["consent:yes", "consent:no"]);
  });

  it.each([
    ["/relawan", (v: ReturnType<typeof person>) => v.say("/relawan"), answerFirst],
    ["/stats", (v: ReturnType<typeof person>) => v.say("/stats"), answerFirst],
    ["/tanya", (v: ReturnType<typeof person>) => v.say("/tanya"), answerFirst],
    ["/tim tolong", (v: ReturnType<typeof person>) => v.say("/tim tolong"), answerFirst],
    ["batal", (v: ReturnType<typeof person>) => v.say("batal"), answerFirst],
    ["the sign-up's own button", (v: ReturnType<typeof person>) => v.pick("privacy:yes"), answerFirst],
    ["free text", (v: ReturnType<typeof person>) => v.say("saya mau ikut"), pickOne],
    ["a question", (v: ReturnType<typeof person>) => v.say("kapan hari pemilihan?"), pickOne],
    ["a photo", (v: ReturnType<typeof person>) => v.send({ kind: "media", photo: { fileId: "AgAC-foto" } }), pickOne],
    ["a sticker without text", (v: ReturnType<typeof person>) => v.sendMedia(), pickOne],
  ])("answers %s before consent with the consent question again, in the person's language", async (_, send, lead) => {
    const voter = person(app, "telegram", "2002");
    await voter.say("halo");
    await voter.pick("lang:en");
    expect(transcript(await send(voter))).toBe(`${lead}\n---\n${consentQuestion}`);
    // Held twice in a row: the question stays pending, nothing leaks through on the next try either.
    expect(transcript(await voter.say("/relawan"))).toBe(`${answerFirst}\n---\n${consentQuestion}`);
    await expectNothingStoredBeyondOnboarding();
    expect(await app.db.contact.findFirstOrThrow()).toMatchObject({ language: "en" });

    const menu = await voter.say("yes");
    expect(menu[0]?.text).toContain("You will receive campaign updates");
    const signUp = await voter.say("/relawan");
    expect(choiceIds(signUp)).toEqual(["privacy:yes", "privacy:no"]);
  });

  it("takes typed answers that match a choice, informal ones included", async () => {
    const voter = person(app, "whatsapp", "6281200000001");
    await voter.say("/relawan");
    await voter.say("/relawan");
    expect(choiceIds(await voter.say("english"))).toEqual(["consent:yes", "consent:no"]);
    expect(transcript(await voter.say("gak"))).toContain("we won't send you campaign updates");
    expect(await app.db.contact.findFirstOrThrow()).toMatchObject({ updatesConsent: false, language: "en" });
  });

  it("takes one typed word that names one language alone, and asks again for a word that names none", async () => {
    const voter = person(app, "whatsapp", "6281200000009");
    await voter.say("halo");
    expect(choiceIds(await voter.say("jawa"))).toEqual(["lang:id", "lang:en"]);
    expect(choiceIds(await voter.say("Indonesia"))).toEqual(["consent:yes", "consent:no"]);
    expect(await app.db.contact.findFirstOrThrow()).toMatchObject({ language: "id" });
  });

  it("opts out at once on STOP during onboarding, without asking again", async () => {
    const voter = person(app, "whatsapp", "6281200000002");
    await voter.say("halo");
    await voter.say("1");
    const stopped = await voter.say("berhenti");
    expect(transcript(stopped)).toBe(
      "Kamu sudah berhenti berlangganan. Kami tidak akan mengirim pesan kampanye apa pun ke kamu, di aplikasi mana pun. Kamu tetap bisa bertanya kapan saja. Ketik MULAI jika ingin berlangganan lagi.",
    );
    expect(await app.db.contact.findFirstOrThrow({ include: { consents: true } })).toMatchObject({
      optedOut: true,
      updatesConsent: false,
      consents: [{ purpose: "updates", granted: false }],
    });
  });

  it("always shows help and the person's data, then the pending question", async () => {
    const voter = person(app, "telegram", "2003");
    await voter.say("halo");
    await voter.pick("lang:en");
    const help = await voter.say("/help");
    expect(help.map((r) => r.text)).toEqual([expect.stringContaining("I can: explain the candidate's profile"), answerFirst, expect.stringContaining("May Nusa Bakti")]);
    expect(choiceIds(help)).toEqual(["consent:yes", "consent:no"]);

    const data = await voter.say("/datasaya");
    expect(data[0]?.title).toBe("The data we keep about you");
    expect(data[0]?.text).toContain("Campaign updates: not asked yet");
    expect(transcript(data.slice(1))).toBe(`${answerFirst}\n---\n${consentQuestion}`);
    await expectNothingStoredBeyondOnboarding();
  });

  it("lets a person erase their data before answering, or keep it and be asked again", async () => {
    const voter = person(app, "telegram", "2004");
    await voter.say("halo");
    await voter.pick("lang:en");
    expect(choiceIds(await voter.say("/hapusdata"))).toEqual(["erase:yes", "erase:no"]);
    // Held while the erase question is open too: no way around onboarding through it.
    expect(transcript(await voter.say("/relawan"))).toBe(`${answerFirst}\n---\n${consentQuestion}`);
    await voter.say("/hapusdata");
    expect(transcript(await voter.pick("erase:no"))).toBe(`Okay, your data was not deleted.\n---\n${consentQuestion}`);
    expect(transcript(await voter.say("/stats"))).toBe(`${answerFirst}\n---\n${consentQuestion}`);
    await expectNothingStoredBeyondOnboarding();

    await voter.say("/hapusdata");
    await voter.pick("erase:yes");
    expect(await app.db.contact.count()).toBe(0);
    // Whoever writes next is a first contact again.
    expect(choiceIds(await voter.say("/relawan"))).toEqual(["lang:id", "lang:en"]);
  });
});

describe("/bahasa", () => {
  it("chooses the language again inside onboarding, then still asks consent", async () => {
    const voter = person(app, "telegram", "2005");
    await voter.say("halo");
    await voter.pick("lang:en");
    expect(choiceIds(await voter.say("/bahasa"))).toEqual(["lang:id", "lang:en"]);
    expect(choiceIds(await voter.pick("lang:id"))).toEqual(["consent:yes", "consent:no"]);
  });

  it("goes back to the menu for someone past onboarding", async () => {
    const voter = person(app, "telegram", "2006");
    await voter.say("halo");
    await voter.pick("lang:en");
    await voter.pick("consent:no");
    await voter.say("/bahasa");
    expect(choiceIds(await voter.pick("lang:id"))).toContain("menu:volunteer");
  });
});
