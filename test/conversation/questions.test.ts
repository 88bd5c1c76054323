import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, person, type TestApp } from "../support/createTestApp.js";

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.close();
});

describe("free-text questions", () => {
  it("answers from the FAQ in the person's language, slang and all", async () => {
    const voter = person(app);
    await voter.say("halo");
    await voter.pick("lang:id");
    await voter.pick("consent:no");
    const answer = await voter.say("gmn caranya jd relawan?");
    const volunteerEntry = app.content.faq.find((f) => /relawan/i.test(f.question.id ?? "") && /daftar|gabung|jadi|menjadi/i.test(f.question.id ?? ""));
    expect(volunteerEntry, "demo FAQ has a 'how to volunteer' entry").toBeDefined();
    expect(answer[0]?.text).toBe(volunteerEntry!.answer!.id);
    expect(await app.db.inboxItem.count()).toBe(0);
  });

  it("says honestly when it has no answer, offers the menu and keeps the question for staff", async () => {
    const voter = person(app, "telegram", "9");
    await voter.say("halo");
    await voter.pick("lang:en");
    await voter.pick("consent:yes");
    await voter.pick("menu:ask");
    const replies = await voter.say("what is the best recipe for nasi goreng?");
    expect(replies[0]?.text).toContain("don't have a good answer");
    expect(replies[0]?.choices?.[0]?.id).toBe("menu:profile");
    const stored = await app.db.inboxItem.findFirstOrThrow();
    expect(stored).toMatchObject({ kind: "question", text: "what is the best recipe for nasi goreng?", language: "en", channel: "telegram", status: "open" });
  });
});
