// The staff inbox: questions the FAQ could not answer and "talk to a person" requests, answered by a
// coordinator in the chat and delivered through the outbox on the person's own app, as the campaign team.
import { pino } from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Reply } from "../../src/conversation/types.js";
import { createDispatcher } from "../../src/delivery/createDispatcher.js";
import type { BulkSender, OutboundMessage } from "../../src/delivery/types.js";
import { choiceIds, contactOf, createTestApp, onboard, person, staffMember, transcript, type TestApp } from "../support/createTestApp.js";

let app: TestApp;
let sent: { channel: string; externalId: string; message: OutboundMessage }[];
beforeEach(async () => {
  app = await createTestApp();
  sent = [];
});
afterEach(async () => {
  await app.close();
});

const idReply = (text: string) => `💬 Balasan dari Tim Relawan Nusa Bakti (DEMO):\n\n${text}`;
const unknownQuestion = "kapan posko relawan di Cimahi buka?";

function fakeSender(channel: "telegram" | "whatsapp"): BulkSender {
  return {
    channel,
    send: async (externalId, message) => {
      sent.push({ channel, externalId, message });
      return { status: "sent" };
    },
  };
}

/** The outbox as the running bot empties it: both apps, quiet hours as configured by default. */
async function runDispatcher() {
  const dispatcher = createDispatcher({
    db: app.db,
    senders: { telegram: fakeSender("telegram"), whatsapp: fakeSender("whatsapp") },
    clock: () => app.clock.now,
    workerId: "test",
    renderBroadcast: () => ({ text: "unused" }),
    logger: pino({ level: "silent" }),
    defaultTimeZone: "Asia/Jakarta",
  });
  return dispatcher.runOnce();
}

const text = (replies: Reply[]) => transcript(replies);

describe("questions the FAQ could not answer", () => {
  it("land in the inbox, oldest first, with the person's first name masked and no phone number", async () => {
    const voter = person(app, "telegram", "4001", { displayName: "Siti" });
    await onboard(voter);
    await voter.say(unknownQuestion);
    app.clock.advance(2 * 60 * 60 * 1000);
    const other = person(app, "whatsapp", "6281299990000", { senderPhone: "+6281299990000" });
    await onboard(other);
    await other.say("apakah ada lomba mural di Bekasi?");
    await app.db.contact.update({ where: { id: (await contactOf(app, "telegram", "4001")).id }, data: { name: "Siti Aminah" } });

    const coordinator = await staffMember(app, "coordinator", "9001");
    const inbox = await coordinator.say("/inbox");
    const [first, second] = await app.db.inboxItem.findMany({ orderBy: { id: "asc" } });
    expect(first).toMatchObject({ kind: "question", status: "open", text: unknownQuestion, language: "id", channel: "telegram" });
    expect(inbox[0]?.title).toBe("Kotak masuk: 2 terbuka");
    expect(inbox[0]?.text).toContain(`#${first!.id} · pertanyaan · 2 jam lalu · Telegram · S***\n“${unknownQuestion}”`);
    expect(inbox[0]?.text).toContain(`#${second!.id} · pertanyaan · baru saja · WhatsApp · +62812****0000\n“apakah ada lomba mural di Bekasi?”`);
    expect(inbox[0]?.text.indexOf(`#${first!.id}`)).toBeLessThan(inbox[0]?.text.indexOf(`#${second!.id}`) ?? -1);
    expect(inbox[0]?.text).not.toContain("Aminah");
    expect(inbox[0]?.text).not.toContain("6281299990000");
    // Stored once: the open questions are also what /stats counts.
    expect(await app.db.inboxItem.count()).toBe(2);
    expect((await coordinator.say("/stats"))[0]?.text).toContain("Pertanyaan tak terjawab terbanyak:");
  });

  it("keeps at most five open questions per person in the inbox, however many they send", async () => {
    const voter = person(app, "telegram", "4002");
    await onboard(voter);
    for (let i = 1; i <= 7; i++) await voter.say(`pertanyaan nomor ${i} tentang kebun binatang apung?`);
    expect(await app.db.inboxItem.count()).toBe(5);
  });

  it("shows only ten at a time and says how many more wait", async () => {
    for (let i = 0; i < 12; i++) {
      const voter = person(app, "telegram", `41${i}`);
      await onboard(voter);
      await voter.say(`pertanyaan ${i} tentang kebun binatang apung?`);
    }
    const coordinator = await staffMember(app, "coordinator", "9001");
    const inbox = (await coordinator.say("/inbox"))[0]!.text;
    expect(inbox.match(/^#\d+ · /gm)).toHaveLength(10);
    expect(inbox).toContain("…dan 2 lagi.");
  });
});

describe("a coordinator's reply", () => {
  it("reaches a person who asked on WhatsApp though the coordinator answers on Telegram, signed by the campaign team", async () => {
    // Ayu registered on Telegram and shared her number, then asks on WhatsApp: one contact, two apps.
    const telegram = person(app, "telegram", "4101");
    await onboard(telegram);
    await telegram.pick("menu:volunteer");
    await telegram.pick("privacy:yes");
    await telegram.say("Ayu Lestari");
    await telegram.sharePhone("+6281234567890");
    await telegram.say("kota bandung");
    await telegram.say("1");
    await telegram.pick("district:skip");
    await telegram.say("1");
    await telegram.pick("interests:done");
    await telegram.pick("availability:anytime");
    await telegram.pick("tasks:yes");
    const wa = person(app, "whatsapp", "6281234567890", { senderPhone: "+6281234567890" });
    expect(text(await wa.say(unknownQuestion))).toContain("Pertanyaanmu sudah dicatat untuk tim kampanye");
    const item = await app.db.inboxItem.findFirstOrThrow();
    expect(item.channel).toBe("whatsapp");

    const coordinator = await staffMember(app, "coordinator", "9001");
    const confirmed = await coordinator.say(`/reply ${item.id} Posko Cimahi buka setiap hari pukul 09.00–17.00.`);
    expect(confirmed[0]?.text).toBe(`Balasan untuk #${item.id} masuk antrean kirim, atas nama tim kampanye, ke aplikasi yang ia pakai.`);
    const coordinatorId = (await contactOf(app, "telegram", "9001")).id;
    expect(await app.db.inboxItem.findUniqueOrThrow({ where: { id: item.id } })).toMatchObject({
      status: "answered",
      answeredBy: coordinatorId,
      answer: "Posko Cimahi buka setiap hari pukul 09.00–17.00.",
    });
    const audit = await app.db.auditEntry.findFirstOrThrow({ where: { action: "inbox.reply" } });
    expect(audit).toMatchObject({ actor: coordinatorId, target: String(item.id) });

    // 22:00 WIB: a reply to someone's own question is not bulk traffic and goes at night too.
    app.clock.now = new Date("2026-11-26T15:00:00Z");
    expect(await runDispatcher()).toMatchObject({ sent: 1, skipped: 0 });
    expect(sent).toEqual([{ channel: "whatsapp", externalId: "6281234567890", message: { text: idReply("Posko Cimahi buka setiap hari pukul 09.00–17.00.") } }]);
    expect(await app.db.delivery.findFirstOrThrow()).toMatchObject({ kind: "inbox_reply", purpose: "reply", status: "sent", channel: "whatsapp", externalId: "6281234567890" });
    // Nothing in it names the coordinator.
    expect(sent[0]!.message.text).not.toMatch(/9001|koordinator/i);
  });

  it("is written in the person's language", async () => {
    const voter = person(app, "telegram", "4102");
    await onboard(voter, { language: "en" });
    await voter.say("is there a mural contest in Bekasi?");
    const item = await app.db.inboxItem.findFirstOrThrow();
    const coordinator = await staffMember(app, "coordinator", "9001");
    await coordinator.say(`/reply #${item.id} Yes, on 5 December.`);
    await runDispatcher();
    expect(sent.map((s) => s.message.text)).toEqual(["💬 Reply from Nusa Bakti Volunteer Team (DEMO):\n\nYes, on 5 December."]);
  });

  it("never reaches a person who said STOP after asking", async () => {
    const voter = person(app, "whatsapp", "6281255554444", { senderPhone: "+6281255554444" });
    await onboard(voter);
    await voter.say(unknownQuestion);
    await voter.say("STOP");
    const item = await app.db.inboxItem.findFirstOrThrow();
    const coordinator = await staffMember(app, "coordinator", "9001");
    const confirmed = await coordinator.say(`/reply ${item.id} Posko buka jam 9.`);
    expect(confirmed[0]?.text).toContain("orang ini sudah STOP");

    expect(await runDispatcher()).toMatchObject({ sent: 0, skipped: 1 });
    expect(sent).toEqual([]);
    expect(await app.db.delivery.findFirstOrThrow()).toMatchObject({ kind: "inbox_reply", status: "skipped", reason: "opted_out" });
  });

  it("is sent once when two coordinators answer the same item, and explains bad ids and missing text", async () => {
    const voter = person(app, "telegram", "4103");
    await onboard(voter);
    await voter.say(unknownQuestion);
    const item = await app.db.inboxItem.findFirstOrThrow();
    const first = await staffMember(app, "coordinator", "9001");
    const second = await staffMember(app, "admin", "9002");
    await first.say(`/reply ${item.id} Jam 9 pagi.`);
    expect((await second.say(`/reply ${item.id} Jam 10 pagi.`))[0]?.text).toMatch(new RegExp(`^Pesan #${item.id} sudah dibalas \\(26 Nov 2026.*\\)\\. Tidak ada yang dikirim lagi\\.$`));
    expect(await app.db.delivery.count()).toBe(1);

    expect((await first.say("/reply 999 Halo"))[0]?.text).toContain("Tidak ada pesan #999 di kotak masuk");
    for (const line of ["/reply", "/reply abc halo", `/reply ${item.id}`, `/reply ${item.id} faq`]) {
      expect((await first.say(line))[0]?.text, line).toMatch(/^Cara membalas: \/reply <id> <teks>/);
    }
    expect((await first.say(`/reply ${item.id} ${"x".repeat(3501)}`))[0]?.text).toContain("Balasan terlalu panjang (3501 karakter, maksimal 3500)");
    expect((await first.say("/inbox apa"))[0]?.text).toMatch(/^Perintah kotak masuk:/);
  });

  it("answers clearly when the person erased their data before the reply", async () => {
    const voter = person(app, "telegram", "4104");
    await onboard(voter);
    await voter.say(unknownQuestion);
    const item = await app.db.inboxItem.findFirstOrThrow();
    await voter.say("/hapusdata");
    await voter.pick("erase:yes");
    expect(await app.db.inboxItem.count()).toBe(0);
    const coordinator = await staffMember(app, "coordinator", "9001");
    expect((await coordinator.say(`/reply ${item.id} Jam 9.`))[0]?.text).toBe(
      `Tidak ada pesan #${item.id} di kotak masuk. Mungkin id-nya salah, atau orangnya sudah menghapus datanya (/hapusdata). Lihat /inbox.`,
    );
    expect(await app.db.delivery.count()).toBe(0);
  });

  it("can be saved as an FAQ in the same step, and the bot answers the next person with it", async () => {
    const voter = person(app, "telegram", "4105");
    await onboard(voter);
    await voter.say("apakah ada lomba mural di Bekasi?");
    const item = await app.db.inboxItem.findFirstOrThrow();
    const coordinator = await staffMember(app, "coordinator", "9001");
    const again = person(app, "telegram", "4125");
    await onboard(again);
    await again.say("Apakah ada lomba mural di Bekasi? ");
    expect((await coordinator.say("/stats"))[0]?.text).toContain("1. Apakah ada lomba mural di Bekasi? (2×)");
    const confirmed = await coordinator.say(`/reply ${item.id} faq Ada, lomba mural tanggal 5 Desember di GOR Bekasi.`);
    expect(confirmed[0]?.text).toContain(`Disimpan juga sebagai FAQ "inbox-${item.id}"`);
    // The FAQ answers it now: it and the same words from others leave the unanswered list.
    expect((await coordinator.say("/stats"))[0]?.text).toContain("Pertanyaan tak terjawab: belum ada");
    expect(await app.db.faqEntry.findMany({ where: { id: `inbox-${item.id}` } })).toEqual([
      expect.objectContaining({ language: "id", question: "apakah ada lomba mural di Bekasi?", answer: "Ada, lomba mural tanggal 5 Desember di GOR Bekasi." }),
    ]);

    const next = person(app, "telegram", "4106");
    await onboard(next);
    const answer = await next.say("ada lomba mural di bekasi gak?");
    expect(answer[0]?.text).toBe("Ada, lomba mural tanggal 5 Desember di GOR Bekasi.");
    expect(await app.db.inboxItem.count()).toBe(2);
    // The saved answer is an ordinary FAQ answer, not a message from the team: no "Balasan dari".
    await runDispatcher();
    expect(sent).toHaveLength(1);
  });

  it("answers with an FAQ saved in English someone who chose Indonesian but asks in English", async () => {
    const asker = person(app, "telegram", "4115");
    await onboard(asker, { language: "en" });
    await asker.say("is there a mural contest in Bekasi?");
    const item = await app.db.inboxItem.findFirstOrThrow();
    const coordinator = await staffMember(app, "coordinator", "9001");
    await coordinator.say(`/reply ${item.id} faq Yes, on 5 December at GOR Bekasi.`);

    const next = person(app, "telegram", "4116");
    await onboard(next);
    expect((await next.say("mural contest in bekasi?"))[0]?.text).toBe("Yes, on 5 December at GOR Bekasi.");
    expect(await app.db.inboxItem.count()).toBe(1);
  });

  it("closes an item without a reply, and refuses to reply to it afterwards", async () => {
    const voter = person(app, "telegram", "4107");
    await onboard(voter);
    await voter.say("bisa beliin pulsa?");
    const item = await app.db.inboxItem.findFirstOrThrow();
    const coordinator = await staffMember(app, "coordinator", "9001");
    expect((await coordinator.say(`/inbox close ${item.id}`))[0]?.text).toBe(`Pesan #${item.id} ditutup tanpa balasan.`);
    expect((await coordinator.say(`/reply ${item.id} Tidak bisa.`))[0]?.text).toBe(`Pesan #${item.id} sudah ditutup. Tidak ada yang dikirim.`);
    expect((await coordinator.say("/inbox"))[0]?.text).toBe("Tidak ada pesan yang menunggu balasan. 🎉");
    expect(await app.db.delivery.count()).toBe(0);
    expect(await app.db.auditEntry.count({ where: { action: "inbox.close", target: String(item.id) } })).toBe(1);
  });

  it("is refused to voters and volunteers exactly like an unknown command", async () => {
    const voter = person(app, "telegram", "4108");
    await onboard(voter);
    const unknown = await voter.say("/zzz");
    for (const line of ["/inbox", "/reply 1 halo"]) {
      const replies = await voter.say(line);
      expect(replies, line).toEqual(unknown.map((r) => ({ ...r, text: r.text.replace("/zzz", line.split(" ")[0]!) })));
    }
    expect(await app.db.auditEntry.count({ where: { action: "denied" } })).toBe(2);
  });
});

describe("talk to a person", () => {
  it("asks what to say from the menu, files it, and a second message adds to the same request", async () => {
    const voter = person(app, "telegram", "4201");
    await onboard(voter);
    const prompt = await voter.pick("menu:handoff");
    expect(prompt[0]?.text).toBe("Tulis pesanmu untuk tim kampanye dalam satu pesan. Tim kami akan membalas di sini.");
    expect(choiceIds(prompt)).toEqual(["handoff:cancel"]);
    expect(text(await voter.say("?"))).toContain("Tulis pesanmu untuk tim kampanye");
    const filed = await voter.say("Saya mau jadi saksi TPS, siapa yang harus saya hubungi?");
    expect(filed[0]?.text).toBe("Pesanmu sudah kami teruskan ke Tim Relawan Nusa Bakti (DEMO). Tim kami akan membalas di sini.");
    expect(choiceIds(filed)).toContain("menu:profile");

    const again = await voter.say("hubungi tim");
    expect(again[0]?.text).toContain("Tulis pesanmu");
    expect((await voter.say("Saya di Kecamatan Coblong."))[0]?.text).toContain("kami tambahkan ke pesanmu sebelumnya");
    const items = await app.db.inboxItem.findMany();
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ kind: "handoff", status: "open", text: "Saya mau jadi saksi TPS, siapa yang harus saya hubungi?\n\nSaya di Kecamatan Coblong." });
    // Not a question for the FAQ-gap list of /stats.
    expect(await app.db.inboxItem.count({ where: { kind: "question" } })).toBe(0);

    const coordinator = await staffMember(app, "coordinator", "9001");
    expect((await coordinator.say("/inbox"))[0]?.text).toContain(`#${items[0]!.id} · minta bicara dengan tim · `);
    const detail = await coordinator.say(`/inbox ${items[0]!.id}`);
    expect(detail[0]?.title).toBe(`#${items[0]!.id}`);
    expect(detail[0]?.text).toContain("Saya di Kecamatan Coblong.");
  });

  it("takes the text given with /tim, in English too, and can be cancelled", async () => {
    const voter = person(app, "whatsapp", "6281266667777", { senderPhone: "+6281266667777" });
    await onboard(voter, { language: "en" });
    const filed = await voter.say("/tim I want to host a meeting at my house");
    expect(filed[0]?.text).toBe("Your message has been passed on to Nusa Bakti Volunteer Team (DEMO). Our team will reply here.");
    expect(await app.db.inboxItem.findFirstOrThrow()).toMatchObject({ kind: "handoff", text: "I want to host a meeting at my house", language: "en", channel: "whatsapp" });

    await voter.say("talk to a person");
    expect((await voter.pick("handoff:cancel"))[0]?.text).toBe("OK, nothing was sent to the team.");
    expect(await app.db.inboxItem.count()).toBe(1);
  });

  it("stops adding once the open request is full", async () => {
    const voter = person(app, "telegram", "4202");
    await onboard(voter);
    await voter.say(`/tim ${"a".repeat(3990)}`);
    expect((await voter.say("/tim satu lagi ya"))[0]?.text).toContain("masih menunggu balasan tim");
    expect((await app.db.inboxItem.findFirstOrThrow()).text).toHaveLength(3990);
  });

  it("warns a person who said STOP that the reply cannot reach them", async () => {
    const voter = person(app, "telegram", "4203");
    await onboard(voter);
    await voter.say("STOP");
    expect(text(await voter.say("/tim tolong hubungi saya"))).toContain("kamu sedang berhenti berlangganan (STOP)");
  });

  it("is in /bantuan for everyone, with the inbox commands for coordinators only", async () => {
    const voter = person(app, "telegram", "4204");
    await onboard(voter);
    const help = text(await voter.say("/bantuan"));
    expect(help).toContain("Ketik /tim");
    expect(help).not.toContain("/inbox");
    const coordinator = await staffMember(app, "coordinator", "9001");
    expect(text(await coordinator.say("/bantuan"))).toContain("/reply <id> faq <teks>");
  });
});

describe("/datasaya", () => {
  it("shows the person their messages to the team and the team's answer", async () => {
    const voter = person(app, "telegram", "4301");
    await onboard(voter);
    await voter.say(unknownQuestion);
    const item = await app.db.inboxItem.findFirstOrThrow();
    const coordinator = await staffMember(app, "coordinator", "9001");
    await coordinator.say(`/reply ${item.id} Jam 9 pagi.`);
    const mine = text(await voter.say("/datasaya"));
    expect(mine).toContain("Pesan untuk tim kampanye: 1");
    expect(mine).toMatch(new RegExp(`• #${item.id} .* \\(sudah dibalas\\): "${unknownQuestion.replace("?", "\\?")}"\\n  Balasan tim: "Jam 9 pagi\\."`));
  });
});
