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
