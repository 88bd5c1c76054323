// People a campaign imported from its list exist before their first word to the bot. That first
// word is still a first contact: the bot says it is a bot, asks the language, and asks consent
// unless the list already recorded it (issue 14: "every first contact goes through disclosure and
// consent, whatever it says").
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createCsvFolder, importFile } from "../domain/imports/support.js";
import { choiceIds, contactOf, createTestApp, person, staffMember, transcript, type TestApp } from "../support/createTestApp.js";

let app: TestApp;
let folder: ReturnType<typeof createCsvFolder>;
beforeEach(async () => {
  app = await createTestApp();
  folder = createCsvFolder();
  const csv = ["nama,telepon,persetujuan,tanggal_persetujuan", "Budi,081234567890,,", "Siti,081234567891,ya,2026-03-01"].join("\n");
  const outcome = await importFile(app.db, folder.write("daftar.csv", `${csv}\n`));
  expect(outcome.status).toBe("done");
});
afterEach(async () => {
  folder.remove();
  await app.close();
});

const whatsapp = (number: string) => person(app, "whatsapp", number, { senderPhone: `+${number}` });
const disclosure = "asisten otomatis (bot)";

describe("an imported person's first message", () => {
  it.each(["/stats", "kapan pemilu?", "/relawan"])("answers %j with the disclosure and the language question, then asks consent", async (first) => {
    const budi = whatsapp("6281234567890");
    const greeting = await budi.say(first);
    expect(greeting[0]?.text).toContain(disclosure);
    expect(choiceIds(greeting)).toEqual(["lang:id", "lang:en"]);

    const consent = await budi.pick("lang:en");
    expect(choiceIds(consent)).toEqual(["consent:yes", "consent:no"]);
    await budi.pick("consent:yes");
    const contact = await contactOf(app, "whatsapp", "6281234567890");
    expect(contact).toMatchObject({ name: "Budi", language: "en", updatesConsent: true });
    expect(await app.db.volunteer.count()).toBe(0);
  });

  it("asks only the language of someone whose consent the list recorded, and keeps that consent", async () => {
    const siti = whatsapp("6281234567891");
    const greeting = await siti.say("kapan pemilu?");
    expect(greeting[0]?.text).toContain(disclosure);
    expect(choiceIds(greeting)).toEqual(["lang:id", "lang:en"]);
    const menu = await siti.pick("lang:id");
    expect(choiceIds(menu)).toContain("menu:volunteer");
    expect(choiceIds(menu)).not.toContain("consent:yes");
    const contact = await contactOf(app, "whatsapp", "6281234567891");
    expect(contact.updatesConsent).toBe(true);
    expect(await app.db.consentRecord.count({ where: { contactId: contact.id } })).toBe(1);
  });

  it("honours STOP at once, as for anyone new", async () => {
    const budi = whatsapp("6281234567890");
    expect(transcript(await budi.say("STOP"))).not.toContain(disclosure);
    expect(await contactOf(app, "whatsapp", "6281234567890")).toMatchObject({ optedOut: true, updatesConsent: false });
  });

  it("greets once: the next message is an answer, not a second first contact", async () => {
    const budi = whatsapp("6281234567890");
    await budi.say("halo");
    const again = await budi.say("/stats");
    expect(again[0]?.text).not.toContain(disclosure);
    expect(choiceIds(again)).toEqual(["lang:id", "lang:en"]);
  });

  it("lets staff made at start-up, who have no conversation yet either, go straight to work", async () => {
    const admin = await staffMember(app, "admin", "9001");
    expect(transcript(await admin.say("/stats"))).not.toContain(disclosure);
  });
});
