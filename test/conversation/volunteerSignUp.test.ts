import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { choiceIds, createTestApp, onboard, person, signUpVolunteer, transcript, type TestApp } from "../support/createTestApp.js";
import { readContactTags } from "../../src/domain/contacts/contactTags.js";

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.close();
});


describe("volunteer sign-up", () => {
  it("collects name, phone, region, district, village, interests, availability and task consent", async () => {
    const voter = person(app, "console", "siti");
    await onboard(voter);
    const privacy = await voter.pick("menu:volunteer");
    expect(privacy[0]?.text).toContain("tidak disimpan sebelum kamu setuju");

    expect((await voter.say("1"))[0]?.text).toBe("Siapa namamu?");
    const phonePrompt = await voter.say("Siti Aminah");
    expect(phonePrompt[0]?.requestPhone).toBe(true);

    const badPhone = await voter.say("12345");
    expect(badPhone[0]?.text).toContain("tidak bisa saya kenali");
    expect(badPhone[1]?.requestPhone).toBe(true);

    expect((await voter.say("0812-3456-7890"))[0]?.text).toContain("kabupaten/kota");

    const unknownRegion = await voter.say("Atlantis");
    expect(unknownRegion[0]?.text).toContain('tidak menemukan kabupaten/kota "Atlantis"');

    const regions = await voter.say("kota bandung");
    expect(choiceIds(regions)[0]).toBe("region:32.73");
    expect(choiceIds(regions)).toContain("region:retry");

    const district = await voter.say("1");
    expect(district[0]?.text).toContain("Kota Bandung");
    // Two districts fit: the bot asks which. One fits: it is taken, and the next question names it.
    const districts = await voter.say("cibeunying");
    expect(choiceIds(districts)).toEqual(["district:32.73.14", "district:32.73.18", "district:skip"]);
    const village = await voter.say("coblong");
    expect(transcript(village)).toBe(
      ["Desa atau kelurahan kamu di Coblong, Kota Bandung, Jawa Barat? Ketik namanya. (Boleh dilewati.)", "[village:skip] Lewati"].join("\n"),
    );
    const unknownVillage = await voter.say("atlantis");
    expect(unknownVillage[0]?.text).toBe('Desa/kelurahan "atlantis" tidak ditemukan di Coblong, Kota Bandung, Jawa Barat. Coba ketik lagi, atau lewati.');
    const villages = await voter.say("lebak");
    expect(choiceIds(villages)).toEqual(["village:32.73.02.1002", "village:32.73.02.1006", "village:skip"]);

    const interests = await voter.say("dago");
    expect(interests[0]?.text).toBe("📍 Dago, Coblong, Kota Bandung, Jawa Barat");
    expect(choiceIds(interests)).toContain("interest:kesehatan");
    expect(choiceIds(interests).at(-1)).toBe("interests:done");

    const noneYet = await voter.pick("interests:done");
    expect(noneYet[0]?.text).toContain("minimal satu");

    const picked = await voter.say("1 3");
    expect(transcript(picked)).toContain("✅ Kesehatan");
    expect(transcript(picked)).toContain("✅ Ekonomi & UMKM");
    const toggled = await voter.pick("interest:ekonomi");
    expect(transcript(toggled)).not.toContain("✅ Ekonomi");
    await voter.pick("interest:saksi");

    const availability = await voter.pick("interests:done");
    expect(choiceIds(availability)).toEqual(["availability:weekdays", "availability:weekends", "availability:evenings", "availability:anytime"]);
    const consent = await voter.pick("availability:weekends");
    expect(choiceIds(consent)).toEqual(["tasks:yes", "tasks:no"]);

    // Nothing personal is stored before the final consent.
    expect(await app.db.contact.findFirstOrThrow()).toMatchObject({ name: null, phone: null, regionCode: null });

    const welcome = await voter.say("ya");
    expect(welcome[0]?.text).toMatch(/Selamat bergabung, Siti Aminah!.*Kode ajakmu: [2-9A-Z]{7}/s);

    const contact = await app.db.contact.findFirstOrThrow({ include: { volunteer: true, consents: true } });
    expect(contact).toMatchObject({ name: "Siti Aminah", phone: "+6281234567890", regionCode: "32.73.02.1004" });
    expect(JSON.parse(contact.volunteer!.interests)).toEqual(["kesehatan", "saksi"]);
    expect(contact.volunteer!.availability).toBe("weekends");
    expect(await readContactTags(app.db, contact.id)).toEqual(
      ["interest:kesehatan", "interest:saksi", "lang:id", "region:32", "region:32.73", "region:32.73.02", "region:32.73.02.1004", "role:volunteer"].sort(),
    );
    expect(contact.consents.map((c) => [c.purpose, c.granted])).toEqual([
      ["updates", true],
      ["volunteer_tasks", true],
    ]);
  });

  it("accepts a phone shared through Telegram's contact button and gives a t.me referral link", async () => {
    const voter = person(app, "telegram", "2002", { displayName: "Budi" });
    await onboard(voter);
    await voter.pick("menu:volunteer");
    const name = await voter.pick("privacy:yes");
    expect(name.flatMap((r) => r.choices ?? [])).toEqual([{ id: "name:suggested", label: "Budi" }]);
    await voter.pick("name:suggested");
    await voter.sharePhone("6281298765432");
    await voter.say("sleman");
    const regions = await app.db.conversationState.findFirstOrThrow();
    const offered = JSON.parse(regions.data)._offered as { id: string }[];
    await voter.pick(offered[0]!.id);
    await voter.pick("district:skip");
    await voter.pick("interest:digital");
    await voter.pick("interests:done");
    await voter.pick("availability:anytime");
    const welcome = await voter.pick("tasks:yes");
    const volunteer = await app.db.volunteer.findFirstOrThrow({ include: { contact: true } });
    expect(welcome[0]?.text).toContain(`https://t.me/relawan_demo_bot?start=${volunteer.referralCode}`);
    expect(volunteer.contact).toMatchObject({ name: "Budi", phone: "+6281298765432", regionCode: "34.04" });
  });

  it("stores nothing when the person declines the task consent", async () => {
    const voter = person(app);
    await onboard(voter);
    for (const step of ["menu:volunteer", "privacy:yes"]) await voter.pick(step);
    await voter.say("Rina");
    await voter.say("+62 813 1111 2222");
    await voter.say("surabaya");
    await voter.say("1");
    await voter.pick("district:skip");
    await voter.say("2");
    await voter.pick("interests:done");
    await voter.pick("availability:evenings");
    const declined = await voter.say("tidak");
    expect(declined[0]?.text).toContain("tidak disimpan");
    expect(await app.db.volunteer.count()).toBe(0);
    expect(await app.db.contact.findFirstOrThrow()).toMatchObject({ name: null, phone: null });
  });

  it("keeps the district when the village is skipped", async () => {
    const voter = person(app);
    await onboard(voter);
    await voter.pick("menu:volunteer");
    await voter.pick("privacy:yes");
    await voter.say("Rina");
    await voter.say("081311112222");
    await voter.say("kota bandung");
    await voter.say("1");
    await voter.say("coblong");
    const interests = await voter.pick("village:skip");
    expect(choiceIds(interests)).toContain("interests:done");
    await voter.say("1");
    await voter.pick("interests:done");
    await voter.pick("availability:anytime");
    await voter.pick("tasks:yes");
    expect(await app.db.contact.findFirstOrThrow()).toMatchObject({ regionCode: "32.73.02" });
  });

  it("resumes mid sign-up after a restart", async () => {
    const voter = person(app);
    await onboard(voter);
    await voter.pick("menu:volunteer");
    await voter.pick("privacy:yes");
    await voter.say("Dewi Lestari");
    app.restart();
    const resumed = await voter.say("081355556666");
    expect(resumed[0]?.text).toContain("kabupaten/kota");
    const state = await app.db.conversationState.findFirstOrThrow();
    expect(state).toMatchObject({ flow: "volunteer", step: "region" });
    expect(JSON.parse(state.data)).toMatchObject({ name: "Dewi Lestari", phone: "+6281355556666" });
  });

  it("records who referred a person through /start <code> and a WhatsApp-style first message", async () => {
    const recruiter = person(app, "telegram", "3003");
    await onboard(recruiter);
    await signUpVolunteer(recruiter, { name: "Andi", phone: "081211112222" });
    const { referralCode } = await app.db.volunteer.findFirstOrThrow();

    await person(app, "telegram", "3004").say(`/start ${referralCode}`);
    await person(app, "whatsapp", "6281399990000").say(referralCode);
    await person(app, "telegram", "3005").say("/start NOSUCH1");
    const referred = await app.db.contact.findMany({ where: { referredByCode: referralCode } });
    expect(referred).toHaveLength(2);
    expect(await app.db.contact.count({ where: { referredByCode: null } })).toBe(2);
  });
});
