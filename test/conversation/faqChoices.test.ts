// Typed questions through the real engine: answers from the campaign's one text, "Maksud Anda…?"
// instead of a guess, a prompt for a fuller question, buttons that act, and the staff's one
// action that teaches the matcher a person's wording.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCampaignFaqMatcher } from "../../src/domain/faq/createCampaignFaqMatcher.js";
import { readSavedFaqEntries } from "../../src/domain/inbox/readSavedFaqEntries.js";
import { readFaqVariants } from "../../src/domain/questions/readFaqVariants.js";
import { choiceIds, createTestApp, onboard, person, staffMember, transcript, type TestApp } from "../support/createTestApp.js";

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.close();
});

async function voter(channel: "telegram" | "whatsapp" | "console" = "telegram", id = "7001", language: "id" | "en" = "id") {
  const someone = person(app, channel, id);
  await onboard(someone, { language });
  return someone;
}

describe("typed questions", () => {
  it("answer from the same page the menu shows, so the two can never disagree", async () => {
    const siti = await voter();
    const menuProfile = await siti.pick("menu:profile");
    const typed = await siti.say("siapa sih calonnya");
    expect(typed[0]?.title).toBe(menuProfile[0]?.title);
    expect(typed[0]?.text).toBe(menuProfile[0]?.text);
    expect(typed[0]?.text).toContain("guru matematika");
    // Age and family are in the profile; the running mate is not who "calon" means.
    expect((await siti.say("umurnya brp"))[0]?.text).toContain("1978");
    expect(transcript(await siti.say("sebutin misi2nya dong"))).toContain("5. Pemerintahan terbuka");
    expect((await siti.say("nasib nelayan gmn"))[0]?.title).toBe("Petani dan Nelayan");
  });

  it("offer a button that acts: 'gmn cara jd relawan' starts the sign-up", async () => {
    const rudi = await voter();
    const answer = await rudi.say("gmn cara jd relawan");
    expect(answer[0]?.text).toContain("Daftar sekarang");
    expect(answer[0]?.choices?.[0]).toEqual({ id: "menu:volunteer", label: "Daftar sekarang" });
    expect(transcript(await rudi.pick("menu:volunteer"))).toContain("Untuk mendaftar");
  });

  it("ask 'Maksud Anda…?' instead of guessing, record the pick, and answer it", async () => {
    const ani = await voter();
    const asked = await ani.say("relawan");
    expect(asked[0]?.text).toBe("Maksud Anda…?");
    expect(choiceIds(asked)).toEqual(["ask:1", "ask:team"]);
    expect(asked[0]?.choices?.[0]?.label).toBe("Bagaimana cara menjadi relawan?");
    expect(asked[0]?.choices?.[1]?.label).toBe("Bukan itu, teruskan ke tim");
    const offer = await app.db.questionChoice.findFirstOrThrow();
    expect(offer).toMatchObject({ text: "relawan", language: "id", channel: "telegram", options: JSON.stringify(["jadi-relawan"]), status: "offered", chosen: null });

    const answer = await ani.pick("ask:1");
    expect(answer[0]?.text).toBe(app.content.faq.find((e) => e.id === "jadi-relawan")?.answer?.id);
    expect(await app.db.questionChoice.findFirstOrThrow()).toMatchObject({ status: "chosen", chosen: "jadi-relawan" });
    // The old buttons are spent.
    expect((await ani.pick("ask:1"))[0]?.text).toBe("Tombol itu dari pesan lama. Ini menu terbaru:");
  });

  it("take the number of a choice in the terminal and on WhatsApp", async () => {
    const budi = await voter("whatsapp", "6281234500001");
    expect(choiceIds(await budi.say("duit"))).toEqual(["ask:1", "ask:2", "ask:team"]);
    const answer = await budi.say("1");
    expect(answer[0]?.text).toContain("Bawaslu");
  });

  it("send 'none of these' to the team's inbox, with the person's own words", async () => {
    const dewi = await voter();
    await dewi.say("jadwal");
    const forwarded = await dewi.pick("ask:team");
    expect(forwarded[0]?.text).toContain("diteruskan ke tim kampanye");
    expect(await app.db.inboxItem.findFirstOrThrow()).toMatchObject({ kind: "question", text: "jadwal" });
    expect(await app.db.questionChoice.findFirstOrThrow()).toMatchObject({ status: "forwarded", chosen: "team" });
  });

  it("ask for a fuller question when there is nothing to go on, and take the next message as the question", async () => {
    const eko = await voter();
    for (const text of ["berapa?", "apa?", "kapan?", "how?", "piye"]) {
      const replies = await eko.say(text);
      expect(replies[0]?.text, text).toContain("Bisa tanya lebih lengkap?");
    }
    expect(await app.db.inboxItem.count()).toBe(0);
    expect((await eko.say("kapan hari pemilihan"))[0]?.text).toContain("KPU");
  });

  it("keep off-topic messages off-topic: the honest fallback, filed for the team", async () => {
    const fajar = await voter();
    for (const text of ["pinjem duit dong", "skor persib tadi brp", "cuaca besok gimana"]) {
      const replies = await fajar.say(text);
      expect(replies[0]?.text, text).toContain("belum punya jawaban yang tepat");
    }
    expect(await app.db.inboxItem.count()).toBe(3);
  });

  it("never answer a personal question about the candidate with a programme", async () => {
    const gita = await voter();
    const replies = await gita.say("pak nusa sehat ga");
    expect(replies[0]?.title).not.toBe("Kesehatan Dekat Rumah");
    expect(transcript(replies)).not.toContain("Puskesmas buka 24 jam");
  });

  it("answer English in English from the same pages", async () => {
    const john = await voter("telegram", "7009", "en");
    const replies = await john.say("what's the vision");
    expect(replies[0]?.title).toBe("Vision");
    expect(replies[0]?.text).toBe(app.content.campaign.vision.body.en);
  });
});

describe("bad input at the question prompt", () => {
  it("gets a clear answer for empty text, emoji only, 4,000 of one letter and a script the bot does not read", async () => {
    const hana = await voter();
    await hana.pick("menu:ask");
    expect((await hana.say(""))[0]?.text).toContain("Pilih salah satu menu");
    expect((await hana.say("😀😀😀"))[0]?.text).toContain("Pilih salah satu menu");
    expect((await hana.say("a".repeat(4000)))[0]?.text).toContain("Bisa tanya lebih lengkap?");
    const chinese = await hana.say("候选人是谁？");
    expect(chinese[0]?.text).toContain("hanya bisa membaca tulisan Latin");
    expect(choiceIds(chinese)).toContain("menu:profile");
    // A person on the team can read it.
    expect(await app.db.inboxItem.findFirstOrThrow()).toMatchObject({ text: "候选人是谁？" });
  });
});

describe("staff and recorded picks", () => {
  it("see the picks and keep a pick's words as a variant in one action; the next person gets the answer outright", async () => {
    const ani = await voter();
    await ani.say("duit");
    await ani.pick("ask:1");
    const choice = await app.db.questionChoice.findFirstOrThrow();

    const coordinator = await staffMember(app, "coordinator", "9001");
    expect(transcript(await coordinator.say("/inbox"))).toContain("1 pilihan \"Maksud Anda\" menunggu ditinjau: /inbox pilihan");
    const list = await coordinator.say("/inbox pilihan");
    expect(list[0]?.title).toBe("Pilihan \"Maksud Anda\": 1 menunggu ditinjau");
    expect(list[0]?.text).toContain(`P${choice.id} · “duit”`);
    expect(list[0]?.text).toContain("✅ politik-uang (Apakah ada uang atau hadiah kalau memilih Nusa Bakti?)");

    const added = await coordinator.say(`/inbox varian P${choice.id}`);
    expect(added[0]?.text).toContain(`Kata-kata P${choice.id} disimpan sebagai varian FAQ politik-uang`);
    expect(await app.db.faqVariant.findFirstOrThrow()).toMatchObject({ faqId: "politik-uang", language: "id", text: "duit", choiceId: choice.id });
    expect(await app.db.auditEntry.findFirstOrThrow({ where: { action: "faq.variant" } })).toMatchObject({ target: String(choice.id) });

    // The running matcher learned it...
    const budi = await voter("telegram", "7002");
    expect((await budi.say("duit"))[0]?.text).toContain("Bawaslu");
    // ...and a restarted process reads it back from the database.
    const restarted = createCampaignFaqMatcher(app.content, { entries: await readSavedFaqEntries(app.db), variants: await readFaqVariants(app.db) });
    expect(restarted.decide("duit", "id")).toMatchObject({ kind: "answer", match: { faqId: "politik-uang" } });

    expect((await coordinator.say(`/inbox varian ${choice.id}`))[0]?.text).toContain("sudah ditinjau");
    expect((await coordinator.say("/inbox pilihan"))[0]?.text).toContain("Tidak ada pilihan");
  });

  it("refuse to keep a pick of none, dismiss a pick, and answer a wrong id", async () => {
    const ani = await voter();
    await ani.say("jadwal");
    await ani.pick("ask:team");
    await ani.say("relawan");
    await ani.pick("ask:1");
    const [forwarded, chosen] = await app.db.questionChoice.findMany({ orderBy: { id: "asc" } });
    const coordinator = await staffMember(app, "coordinator", "9001");
    expect((await coordinator.say(`/inbox varian ${forwarded!.id}`))[0]?.text).toContain("tidak memilih FAQ mana pun");
    expect((await coordinator.say(`/inbox abaikan ${chosen!.id}`))[0]?.text).toContain("diabaikan");
    expect(await app.db.faqVariant.count()).toBe(0);
    expect((await coordinator.say("/inbox varian 999"))[0]?.text).toContain("Tidak ada pilihan P999");
    expect((await coordinator.say("/inbox varian"))[0]?.text).toContain("/inbox varian <id>");
  });

  it("erase the pick and the variant kept from it when the person erases their data", async () => {
    const ani = await voter();
    await ani.say("duit");
    await ani.pick("ask:1");
    const choice = await app.db.questionChoice.findFirstOrThrow();
    const coordinator = await staffMember(app, "coordinator", "9001");
    await coordinator.say(`/inbox varian ${choice.id}`);
    expect(app.deps.faq.entry("politik-uang")?.variants.id).toContain("duit");

    await ani.say("/hapusdata");
    await ani.pick("erase:yes");
    expect(await app.db.questionChoice.count()).toBe(0);
    expect(await app.db.faqVariant.count()).toBe(0);
    expect(app.deps.faq.entry("politik-uang")?.variants.id).not.toContain("duit");
  });

  it("are not for voters", async () => {
    const ani = await voter();
    expect(transcript(await ani.say("/inbox pilihan"))).not.toContain("Pilihan \"Maksud Anda\"");
  });
});
