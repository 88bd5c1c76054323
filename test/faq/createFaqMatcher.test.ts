import { describe, expect, it } from "vitest";
import type { FaqEntryContent } from "../../src/domain/content/contentSchema.js";
import { createFaqMatcher } from "../../src/domain/faq/createFaqMatcher.js";

const entries: FaqEntryContent[] = [
  {
    id: "jadi-relawan",
    question: { id: "Bagaimana cara menjadi relawan?", en: "How do I become a volunteer?" },
    variants: { id: ["Pendaftaran relawan"], en: ["Sign me up to help the campaign"] },
    answer: { id: "Pilih menu Jadi Relawan.", en: "Choose Become a volunteer." },
  },
  {
    id: "program-kesehatan",
    question: { id: "Apa program kesehatan?", en: "What is the health programme?" },
    variants: { id: ["Berobat gratis di puskesmas"] },
    answer: { id: "Puskesmas 24 jam.", en: "24-hour clinics." },
  },
  {
    id: "jadwal-debat",
    question: { id: "Kapan jadwal debat?", en: "When is the debate?" },
    variants: {},
    answer: { id: "Ditetapkan KPU.", en: "Set by the KPU." },
  },
];

describe("createFaqMatcher", () => {
  const matcher = createFaqMatcher(entries);

  it("finds the FAQ for a paraphrase in chat spelling", () => {
    expect(matcher.match("gmn cara jd relawan?", "id")?.faqId).toBe("jadi-relawan");
  });

  it("forgives typos", () => {
    expect(matcher.match("program kesehtan", "id")?.faqId).toBe("program-kesehatan");
  });

  it("answers English written by someone whose language is Indonesian, and the reverse", () => {
    expect(matcher.match("how to become a volunteer", "id")?.faqId).toBe("jadi-relawan");
    expect(matcher.match("kapan debatnya", "en")?.faqId).toBe("jadwal-debat");
  });

  it("returns null, and ranks nothing, for empty, stopword-only and unknown text", () => {
    for (const text of ["", "   ", "😀", "ya dong", "ok", "asdfgh"]) {
      expect(matcher.match(text, "id"), text).toBeNull();
    }
    expect(matcher.rank("", "id")).toEqual([]);
  });

  it("returns null when only a small part of the message matches", () => {
    expect(matcher.match("kapan jadwal kereta api ke surabaya berangkat", "id")).toBeNull();
    // ...while rank still lists what overlapped, for "did you mean" suggestions.
    expect(matcher.rank("kapan jadwal kereta api ke surabaya berangkat", "id")[0]?.faqId).toBe("jadwal-debat");
  });

  it("ranks best first, respects the limit, and keeps confidence within 0..1", () => {
    const ranked = matcher.rank("program relawan kesehatan debat", "id", 2);
    expect(ranked).toHaveLength(2);
    expect(ranked[0]!.score).toBeGreaterThanOrEqual(ranked[1]!.score);
    for (const found of matcher.rank("relawan kesehatan debat puskesmas gratis", "id", 10)) {
      expect(found.confidence).toBeGreaterThanOrEqual(0);
      expect(found.confidence).toBeLessThanOrEqual(1);
    }
    expect(matcher.match("Bagaimana cara menjadi relawan?", "id")?.confidence).toBe(1);
  });

  it("lets the caller demand more confidence", () => {
    const strict = createFaqMatcher(entries, { minConfidence: 0.99 });
    expect(strict.match("relawan kereta", "id")).toBeNull();
    expect(matcher.match("relawan kereta", "id")?.faqId).toBe("jadi-relawan");
  });

  it("learns an entry added while running and forgets it when removed", () => {
    const running = createFaqMatcher(entries);
    const mural = { id: "inbox-7", question: { id: "apakah ada lomba mural di Bekasi?" }, variants: {}, answer: { id: "Ada, 5 Desember." } };
    expect(running.match("ada lomba mural di bekasi gak?", "id")).toBeNull();
    running.add(mural);
    expect(running.match("ada lomba mural di bekasi gak?", "id")?.faqId).toBe("inbox-7");
    running.remove("inbox-7");
    running.remove("no-such-entry");
    expect(running.match("ada lomba mural di bekasi gak?", "id")).toBeNull();
    expect(running.match("gmn cara jd relawan?", "id")?.faqId).toBe("jadi-relawan");
  });
});
