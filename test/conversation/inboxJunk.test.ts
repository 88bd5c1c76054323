// Issue 14.2: the staff inbox takes no junk. Bidi overrides and control characters never reach a
// staff member's screen, a person's repeated question is kept once, and keyboard mash is counted
// (/stats, /metrics) but never listed.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contactOf, createTestApp, onboard, person, staffMember, type TestApp } from "../support/createTestApp.js";

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.close();
});

const bidi = /[\u202A-\u202E\u2066-\u2069]/u;

describe("what staff see of a person's words", () => {
  it("has no bidi overrides or control characters, in the inbox, an item, /stats and the name", async () => {
    const voter = person(app, "telegram", "5001", { displayName: "Siti" });
    await onboard(voter);
    await app.db.contact.update({ where: { id: (await contactOf(app, "telegram", "5001")).id }, data: { name: "\u202ESiti\u202C Aminah" } });
    // The fuzzer's input, and the same trick inside a real question, with a bell and an escape.
    await voter.say("\u202Eevil\u202C");
    await voter.say("kapan posko \u2067relawan\u2069 di Cimahi\u0007 buka?\u001b[31m");

    const items = await app.db.inboxItem.findMany({ orderBy: { id: "asc" } });
    expect(items.map((item) => item.text)).toEqual(["evil", "kapan posko relawan di Cimahi buka?[31m"]);
    const coordinator = await staffMember(app, "coordinator", "9001");
    const inbox = (await coordinator.say("/inbox"))[0]!.text;
    expect(inbox).toContain("“evil”");
    expect(inbox).toContain("· S***\n");
    expect(inbox).not.toMatch(bidi);
    expect(inbox).not.toMatch(/\p{Cc}(?<![\n])/u);
    const item = (await coordinator.say(`/inbox ${items[1]!.id}`))[0]!.text;
    expect(item).toContain("“kapan posko relawan di Cimahi buka?[31m”");
    // Rows written before the inbox cleaned what it files are cleaned where they are shown.
    await app.db.inboxItem.update({ where: { id: items[0]!.id }, data: { text: "\u202Eevil\u202C\u0007" } });
    await app.db.inboxItem.update({ where: { id: items[1]!.id }, data: { text: "\u202Edlrow olleh\u202C" } });
    expect((await coordinator.say(`/inbox ${items[0]!.id}`))[0]!.text).toContain("“evil”");
    const stats = (await coordinator.say("/stats"))[0]!.text;
    expect(stats).toContain("dlrow olleh");
    expect(stats).not.toMatch(bidi);
  });
});

describe("a person's repeated question", () => {
  it("is stored once while it waits, whatever the case and punctuation, and again once it was answered", async () => {
    const voter = person(app, "telegram", "5002");
    await onboard(voter);
    for (const text of ["kapan posko relawan di Cimahi buka?", "kapan posko relawan di Cimahi buka?", "Kapan posko relawan di Cimahi buka??", "kapan posko relawan di cimahi buka", "kapan posko relawan di Cimahi buka?"]) {
      expect((await voter.say(text))[0]?.text).toContain("Pertanyaanmu sudah dicatat");
    }
    expect(await app.db.inboxItem.count()).toBe(1);

    const [item] = await app.db.inboxItem.findMany();
    const coordinator = await staffMember(app, "coordinator", "9001");
    await coordinator.say(`/reply ${item!.id} Mulai Senin pukul 09.00.`);
    await voter.say("kapan posko relawan di Cimahi buka?");
    expect(await app.db.inboxItem.count({ where: { status: "open" } })).toBe(1);
    expect(await app.db.inboxItem.count()).toBe(2);
  });

  it("asked to a person twice in one request is added to it once", async () => {
    const voter = person(app, "telegram", "5003");
    await onboard(voter);
    for (let i = 0; i < 3; i++) await voter.say("/tim Saya mau jadi saksi TPS, siapa yang harus saya hubungi?");
    await voter.say("/tim Saya di Kecamatan Coblong.");
    await voter.say("/tim saya mau jadi saksi tps siapa yang harus saya hubungi");
    const items = await app.db.inboxItem.findMany();
    expect(items.map((item) => item.text)).toEqual(["Saya mau jadi saksi TPS, siapa yang harus saya hubungi?\n\nSaya di Kecamatan Coblong."]);
  });
});

describe("keyboard mash and line noise", () => {
  const junk = ["asdfghjkl", "qwerty uiop", "xkcd zzqp vbnm", "jkjkjkjk", "k#7Q!zp@X", "_G=hM!<{}", "sdfsdf sdfsdf"];

  it("is counted, never listed, and the person is asked to write in words", async () => {
    const voter = person(app, "whatsapp", "6281255550000", { senderPhone: "+6281255550000" });
    await onboard(voter);
    for (const text of junk) {
      const replies = await voter.say(text);
      expect(replies[0]?.text, text).toBe("Maaf, saya tidak bisa membaca pesan itu. Tulis pertanyaanmu dengan kata-kata lengkap, atau pilih dari menu:");
    }
    expect(await app.db.inboxItem.count()).toBe(0);
    expect(await app.db.junkMessage.count({ where: { channel: "whatsapp" } })).toBe(junk.length);

    const coordinator = await staffMember(app, "coordinator", "9001");
    expect((await coordinator.say("/inbox"))[0]?.text).not.toMatch(/asdf|qwerty|xkcd/);
    expect((await coordinator.say("/stats"))[0]?.text).toContain(`Pesan tak terbaca (tidak masuk inbox): ${junk.length}`);
  });

  it("is told apart from questions in words the bot does not know, other scripts and short chat", async () => {
    const voter = person(app, "telegram", "5004");
    await onboard(voter);
    for (const text of ["Robert", "blorp fizzle", "where is the rally", "جدول الحملة الانتخابية", "brp hrg kaos relawan"]) await voter.say(text);
    expect(await app.db.junkMessage.count()).toBe(0);
    expect(await app.db.inboxItem.count()).toBe(5);
  });
});
