// Content files stored at every start: written when they differ from the database, left alone
// (no write at all) when the database already holds them, with FAQs saved from the inbox kept.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.js";
import { storeCampaignContent } from "../../../src/domain/content/storeCampaignContent.js";
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

const stamps = async () => [
  ...(await db.contentPage.findMany({ orderBy: [{ key: "asc" }, { language: "asc" }] })).map((p) => `${p.key}|${p.language}|${p.updatedAt.toISOString()}`),
  ...(await db.faqEntry.findMany({ orderBy: [{ id: "asc" }, { language: "asc" }] })).map((f) => `${f.id}|${f.language}|${f.updatedAt.toISOString()}`),
];

describe("storeCampaignContent", () => {
  it("writes nothing when the database already holds the files, and rewrites what changed", async () => {
    const content = await loadDemoContent();
    const stored = await storeCampaignContent(db, content);
    expect(stored.faqEntries).toBe(content.faq.length * 2);
    await saveInboxFaq(db, { itemId: 7, language: "id", question: "ada lomba mural?", answer: "Ada, 5 Desember." });
    const before = await stamps();
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(await storeCampaignContent(db, content)).toEqual(stored);
    // Not one row rewritten: every updatedAt is as it was.
    expect(await stamps()).toEqual(before);

    const first = content.faq[0]!;
    const edited = { ...content, faq: [{ ...first, question: { ...first.question, id: "Pertanyaan yang diubah?" } }, ...content.faq.slice(1)] };
    await storeCampaignContent(db, edited);
    expect((await db.faqEntry.findFirstOrThrow({ where: { id: first.id, language: "id" } })).question).toBe("Pertanyaan yang diubah?");
    expect(await stamps()).not.toEqual(before);
    // The FAQ staff saved from the inbox stays.
    expect(await db.faqEntry.count({ where: { id: { startsWith: "inbox-" } } })).toBeGreaterThan(0);
    // A page removed from the files goes from the database too.
    const fewer = { ...edited, campaign: { ...edited.campaign, programmes: edited.campaign.programmes.slice(1) } };
    const pagesBefore = await db.contentPage.count();
    await storeCampaignContent(db, { ...fewer, faq: fewer.faq.filter((e) => e.page !== `programme:${edited.campaign.programmes[0]!.id}`) });
    expect(await db.contentPage.count()).toBeLessThan(pagesBefore);
  });
});
