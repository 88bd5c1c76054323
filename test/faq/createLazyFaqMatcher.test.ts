// The terminal chat's FAQ matcher: built on first use or warm(), once, answering as the matcher it wraps.
import { describe, expect, it } from "vitest";
import { createCampaignFaqMatcher } from "../../src/domain/faq/createCampaignFaqMatcher.js";
import { createLazyFaqMatcher } from "../../src/domain/faq/createLazyFaqMatcher.js";
import { loadDemoContent } from "../support/createTestApp.js";

describe("createLazyFaqMatcher", () => {
  it("builds nothing until asked, then once, and answers as the matcher it wraps", async () => {
    const content = await loadDemoContent();
    let builds = 0;
    const lazy = createLazyFaqMatcher(() => {
      builds += 1;
      return createCampaignFaqMatcher(content);
    });
    expect(builds).toBe(0);
    const eager = createCampaignFaqMatcher(content);
    const question = "gimana cara jadi relawan?";
    expect(lazy.decide(question, "id")).toEqual(eager.decide(question, "id"));
    expect(lazy.match(question, "id")).toEqual(eager.match(question, "id"));
    lazy.warm();
    lazy.add({ id: "inbox-1", question: { id: "ada lomba mural?" }, variants: {}, answer: { id: "Ada." } });
    expect(lazy.match("ada lomba mural?", "id")?.faqId).toBe("inbox-1");
    expect(builds).toBe(1);
  });
});
