// Referral links on both apps, attribution of people who arrive through them, and /ajak.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseConfig } from "../../src/config.js";
import { buildReferralLinks } from "../../src/domain/referrals/buildReferralLinks.js";
import { contactOf, createTestApp, onboard, person, signUpVolunteer, transcript, type TestApp } from "../support/createTestApp.js";

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.close();
});

describe("buildReferralLinks", () => {
  it("makes a t.me link and a wa.me link with the number as bare digits", () => {
    expect(buildReferralLinks("ABCD234", { telegramUsername: "relawan_bot", whatsappNumber: "+62 811-0000-1111" })).toEqual({
      telegram: "https://t.me/relawan_bot?start=ABCD234",
      whatsapp: "https://wa.me/6281100001111?text=ABCD234",
    });
    expect(buildReferralLinks("A B&C", { whatsappNumber: "6281100001111" })).toEqual({ whatsapp: "https://wa.me/6281100001111?text=A%20B%26C" });
    expect(buildReferralLinks("ABCD234", {})).toEqual({});
  });

  it("takes the WhatsApp number from WHATSAPP_BOT_NUMBER in international form only", () => {
    const number = (value: string) => {
      const parsed = parseConfig({ WHATSAPP_BOT_NUMBER: value });
      return parsed.status === "ok" ? parsed.config.WHATSAPP_BOT_NUMBER : parsed.problems;
    };
    expect(number("+6281100001111")).toBe("+6281100001111");
    expect(number("")).toBeUndefined();
    expect(number("0811 0000 1111")).toEqual([expect.stringMatching(/^WHATSAPP_BOT_NUMBER: expected the number people message on WhatsApp in international form/)]);
  });
});

describe("referral links", () => {
  it("shows both links at the end of sign-up, the person's own app first, and again in /ajak", async () => {
    const wa = person(app, "whatsapp", "6281200001111", { senderPhone: "+6281200001111" });
    await onboard(wa);
    const welcome = transcript(await signUpVolunteer(wa, { name: "Rina", phone: "081200001111" }));
    const { referralCode } = await app.db.volunteer.findFirstOrThrow();
    expect(welcome).toContain(
      `Bagikan tautan ini untuk mengajak teman: \n• WhatsApp: https://wa.me/6281100001111?text=${referralCode}\n• Telegram: https://t.me/relawan_demo_bot?start=${referralCode}`,
    );

    const invite = transcript(await wa.say("/ajak"));
    expect(invite).toContain(`Kode ajakmu: ${referralCode}`);
    expect(invite).toContain(`https://wa.me/6281100001111?text=${referralCode}`);
    expect(invite).toContain(`https://t.me/relawan_demo_bot?start=${referralCode}`);
    expect(invite).toContain("Sudah bergabung lewat kodemu: 0 orang, 0 di antaranya sudah jadi relawan (+0 poin).");
  });

  it("attributes people who arrive through either link, and counts who finished sign-up", async () => {
    const recruiter = person(app, "telegram", "6001");
    await onboard(recruiter);
    await signUpVolunteer(recruiter, { name: "Andi", phone: "081211112222" });
    const { referralCode } = await app.db.volunteer.findFirstOrThrow();

    // t.me/<bot>?start=<code> arrives as "/start <code>".
    const viaTelegram = person(app, "telegram", "6002");
    await viaTelegram.say(`/start ${referralCode}`);
    // wa.me/<number>?text=<code> opens the chat with the code typed: the first message is the code.
    const viaWhatsApp = person(app, "whatsapp", "6281233334444", { senderPhone: "+6281233334444" });
    await viaWhatsApp.say(referralCode);
    expect((await contactOf(app, "telegram", "6002")).referredByCode).toBe(referralCode);
    expect((await contactOf(app, "whatsapp", "6281233334444")).referredByCode).toBe(referralCode);

    await viaWhatsApp.pick("lang:id");
    await viaWhatsApp.pick("consent:yes");
    await signUpVolunteer(viaWhatsApp, { name: "Wati", phone: "081233334444" });
    expect(transcript(await recruiter.say("/ajak"))).toContain("Sudah bergabung lewat kodemu: 2 orang, 1 di antaranya sudah jadi relawan (+5 poin).");

    // Nobody refers themselves.
    await recruiter.say(`/start ${referralCode}`);
    expect((await contactOf(app, "telegram", "6001")).referredByCode).toBeNull();
  });

  it("gives only the code where no bot address is known, and tells a non-volunteer how to get one", async () => {
    const bare = await createTestApp({ referralLinks: () => ({}) });
    try {
      const voter = person(bare, "telegram", "6101");
      await onboard(voter);
      expect(transcript(await voter.say("/ajak"))).toContain("Kode ajak kamu dapatkan setelah mendaftar sebagai relawan.");
      const welcome = transcript(await signUpVolunteer(voter));
      expect(welcome).toContain("Minta teman yang kamu ajak mengirim kode ini");
      expect(welcome).not.toContain("https://");
      const invite = transcript(await voter.say("/ajak"));
      expect(invite).toContain("Minta teman yang kamu ajak mengirim kode ini");
      expect(invite).not.toContain("https://");
    } finally {
      await bare.close();
    }
  });

  it("shows one link as it is when only one app is known", async () => {
    const telegramOnly = await createTestApp({ referralLinks: (code) => buildReferralLinks(code, { telegramUsername: "relawan_demo_bot" }) });
    try {
      const voter = person(telegramOnly, "telegram", "6201");
      await onboard(voter);
      const welcome = transcript(await signUpVolunteer(voter));
      const { referralCode } = await telegramOnly.db.volunteer.findFirstOrThrow();
      expect(welcome).toContain(`Bagikan tautan ini untuk mengajak teman: https://t.me/relawan_demo_bot?start=${referralCode}`);
      expect(welcome).not.toContain("wa.me");
    } finally {
      await telegramOnly.close();
    }
  });
});
