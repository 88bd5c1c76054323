// Two bot processes on one database, each with its own engine and matcher: an answer saved as an
// FAQ in one (the chat's /reply <id> faq) is learned by the other at its next check, without a
// restart; an entry dropped in one (the person's /hapusdata) is forgotten by the other.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createConversationEngine } from "../../src/conversation/createConversationEngine.js";
import { createCampaignFaqMatcher } from "../../src/domain/faq/createCampaignFaqMatcher.js";
import { createSavedFaqSync, type SavedFaqSync } from "../../src/domain/faq/createSavedFaqSync.js";
import { readSavedFaqs } from "../../src/domain/faq/readSavedFaqs.js";
import { createTestApp, onboard, person, staffMember, type TestApp } from "../support/createTestApp.js";

let first: TestApp;
let second: TestApp;
let secondSync: SavedFaqSync;
beforeEach(async () => {
  first = await createTestApp();
  // The second process starts on the same database, with the matcher main.ts builds.
  const saved = await readSavedFaqs(first.db);
  const faq = createCampaignFaqMatcher(first.content, saved);
  secondSync = createSavedFaqSync(first.db, faq, saved, new Set(first.content.faq.map((entry) => entry.id)));
  second = { ...first, deps: { ...first.deps, faq }, engine: createConversationEngine({ ...first.deps, faq }) };
});
afterEach(async () => {
  await first.close();
});

const question = "apakah ada lomba mural di Bekasi?";
const answer = "Ada, lomba mural tanggal 5 Desember di GOR Bekasi.";

describe("FAQ entries saved in another process", () => {
  it("are answered by the second process after its next check, and forgotten when the first drops them", async () => {
    const asker = person(first, "telegram", "4105");
    await onboard(asker);
    await asker.say(question);
    const item = await first.db.inboxItem.findFirstOrThrow();
    const coordinator = await staffMember(first, "coordinator", "9001");

    const voter = person(second, "telegram", "4106");
    await onboard(voter);
    expect(await secondSync.check()).toBe(false);
    await coordinator.say(`/reply ${item.id} faq ${answer}`);
    // Saved and learned in the first process; the second has not looked yet.
    const inFirst = person(first, "telegram", "4107");
    await onboard(inFirst);
    expect((await inFirst.say("ada lomba mural di bekasi gak?"))[0]?.text).toBe(answer);
    expect((await voter.say("ada lomba mural di bekasi gak?"))[0]?.text).not.toBe(answer);

    expect(await secondSync.check()).toBe(true);
    expect((await voter.say("ada lomba mural di bekasi gak?"))[0]?.text).toBe(answer);
    expect(await secondSync.check()).toBe(false);

    // The asker erases their data in the first process: the entry saved from their question goes, in both.
    await asker.say("/hapusdata");
    await asker.pick("erase:yes");
    expect(await first.db.faqEntry.count({ where: { id: `inbox-${item.id}` } })).toBe(0);
    expect(await secondSync.check()).toBe(true);
    expect((await voter.say("ada lomba mural di bekasi gak?"))[0]?.text).not.toBe(answer);
  });
});
