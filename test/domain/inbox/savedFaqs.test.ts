// An inbox reply saved as an FAQ is matched at once by the running matcher, and again after a
// restart: storing the content files at start-up replaces their entries and keeps the saved ones.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.js";
import { readFaqAnswer } from "../../../src/domain/content/readPage.js";
import { storeCampaignContent } from "../../../src/domain/content/storeCampaignContent.js";
import { createFaqMatcher } from "../../../src/domain/faq/createFaqMatcher.js";
import { readSavedFaqEntries } from "../../../src/domain/inbox/readSavedFaqEntries.js";
import { saveInboxFaq } from "../../../src/domain/inbox/saveInboxFaq.js";
import { loadDemoContent } from "../../support/createTestApp.js";
import { createTestDatabase, type TestDatabase } from "../../support/createTestDatabase.js";

let t: TestDatabase;
let db: Database;
beforeEach(async () => {
  t = await createTestDatabase();
  db = t.db;
});
afterEach(async () => {
  await t.close();
});

const question = "apakah ada lomba mural di Bekasi?";
const answer = "Ada, tanggal 5 Desember di GOR Bekasi.";

describe("FAQ entries saved from the inbox", () => {
  it("are matched by the running matcher once added, and not before", async () => {
    const content = await loadDemoContent();
    const matcher = createFaqMatcher(content.faq);
    expect(matcher.match("ada lomba mural di bekasi gak?", "id")).toBeNull();
    const entry = await saveInboxFaq(db, { itemId: 12, language: "id", question, answer });
    expect(entry).toEqual({ id: "inbox-12", question: { id: question }, variants: {}, answer: { id: answer } });
    matcher.add(entry);
    expect(matcher.match("ada lomba mural di bekasi gak?", "id")?.faqId).toBe("inbox-12");
    // The content FAQ still answers as before.
    expect(matcher.match("gmn caranya jd relawan?", "id")?.faqId).not.toBe("inbox-12");
  });

  it("survive the content being stored again at start-up and are read back for the new matcher", async () => {
    const content = await loadDemoContent();
    await storeCampaignContent(db, content);
    await saveInboxFaq(db, { itemId: 12, language: "id", question, answer });
    await storeCampaignContent(db, content);

    const saved = await readSavedFaqEntries(db);
    expect(saved).toEqual([{ id: "inbox-12", question: { id: question }, variants: { id: [] }, answer: { id: answer } }]);
    expect(await readFaqAnswer(db, "inbox-12", "id", "id")).toEqual({ title: question, body: answer });
    const matcher = createFaqMatcher([...content.faq, ...saved]);
    expect(matcher.match("lomba mural bekasi kapan?", "id")?.faqId).toBe("inbox-12");
    // The content entries were replaced, not doubled.
    expect(await db.faqEntry.count()).toBe(content.faq.length * content.campaign.campaign.languages.length + 1);
  });

  it("give way to a content entry that takes the same id", async () => {
    const content = await loadDemoContent();
    await saveInboxFaq(db, { itemId: 3, language: "id", question, answer });
    const answered = content.faq.find((entry) => entry.answer !== undefined)!;
    await storeCampaignContent(db, { ...content, faq: [...content.faq, { ...answered, id: "inbox-3" }] });
    expect((await readFaqAnswer(db, "inbox-3", "id", "id"))?.body).toBe(answered.answer!.id);
  });
});
