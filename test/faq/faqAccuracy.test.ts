// How well the FAQ matcher answers questions as voters really type them.
// The labelled questions were written apart from campaign/faq.yaml (slang,
// typos, English, mixed) and must never be copies of its questions or variants.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { faqFileSchema, type FaqEntryContent } from "../../src/domain/content/contentSchema.js";
import { createFaqMatcher, type FaqMatcher } from "../../src/domain/faq/createFaqMatcher.js";
import { normalizeText } from "../../src/domain/faq/normalizeText.js";
import { tokenize } from "../../src/domain/faq/tokenize.js";

interface LabelledQuestion {
  text: string;
  language: "id" | "en";
  expected: string | null;
}

const root = new URL("../../", import.meta.url);
const labelled = JSON.parse(readFileSync(new URL("test/faq/labelled-questions.json", root), "utf8")) as {
  questions: LabelledQuestion[];
  offTopic: LabelledQuestion[];
};

/** Jaccard similarity of two word sets. */
const wordOverlap = (a: Set<string>, b: Set<string>) => [...a].filter((word) => b.has(word)).length / new Set([...a, ...b]).size;
const percent = (hits: number, total: number) => `${((100 * hits) / total).toFixed(1)}% (${hits}/${total})`;

describe("FAQ matching on labelled voter questions", () => {
  let faq: FaqEntryContent[];
  let matcher: FaqMatcher;

  beforeAll(() => {
    faq = faqFileSchema.parse(parse(readFileSync(new URL("campaign/faq.yaml", root), "utf8")));
    matcher = createFaqMatcher(faq);
  });

  it("labels only FAQ ids that exist, and never copies a question or variant", () => {
    const ids = new Set(faq.map((entry) => entry.id));
    const phrasings = new Set(faq.flatMap((entry) => [...Object.values(entry.question), ...Object.values(entry.variants).flat()]).map(normalizeText));
    for (const question of labelled.questions) {
      expect(ids, question.text).toContain(question.expected);
      expect(phrasings.has(normalizeText(question.text)), `"${question.text}" is a copy of a faq.yaml phrasing`).toBe(false);
    }
    expect(labelled.questions.length).toBeGreaterThanOrEqual(80);
    // Every FAQ is asked about at least twice, so no entry's accuracy rests on one example.
    for (const id of ids) expect(labelled.questions.filter((q) => q.expected === id).length, id).toBeGreaterThanOrEqual(2);
  });

  it("answers at least 85% of labelled questions with the right FAQ (top-1, a null answer counts as wrong)", () => {
    const misses: string[] = [];
    let right = 0;
    for (const question of labelled.questions) {
      const found = matcher.match(question.text, question.language);
      if (found?.faqId === question.expected) right++;
      else misses.push(`  "${question.text}" [${question.language}] expected ${question.expected}, got ${found ? `${found.faqId} (${found.confidence.toFixed(2)})` : "null"}`);
    }
    const rightIn = (questions: LabelledQuestion[]) => questions.filter((q) => matcher.match(q.text, q.language)?.faqId === q.expected).length;
    const english = labelled.questions.filter((q) => q.language === "en");
    // Questions sharing under half their words with every faq.yaml phrasing: the ones that test more than slang expansion.
    const phrasings = faq.flatMap((entry) => [...Object.values(entry.question), ...Object.values(entry.variants).flat()]).map((text) => new Set(tokenize(text)));
    const distant = labelled.questions.filter((q) => {
      const words = new Set(tokenize(q.text));
      return phrasings.every((phrasing) => wordOverlap(words, phrasing) < 0.5);
    });
    console.log(`FAQ top-1 accuracy: ${percent(right, labelled.questions.length)}`);
    console.log(`  English only: ${percent(rightIn(english), english.length)}; far from every phrasing: ${percent(rightIn(distant), distant.length)}`);
    if (misses.length > 0) console.log(`FAQ misses:\n${misses.join("\n")}`);
    expect(right / labelled.questions.length).toBeGreaterThanOrEqual(0.85);
  });

  it("declines at least 80% of off-topic messages", () => {
    const answered = labelled.offTopic.flatMap((message) => {
      const found = matcher.match(message.text, message.language);
      return found ? [`  "${message.text}" -> ${found.faqId} (${found.confidence.toFixed(2)})`] : [];
    });
    const declined = labelled.offTopic.length - answered.length;
    console.log(`FAQ off-topic rejection: ${percent(declined, labelled.offTopic.length)}`);
    if (answered.length > 0) console.log(`Off-topic messages answered anyway:\n${answered.join("\n")}`);
    expect(declined / labelled.offTopic.length).toBeGreaterThanOrEqual(0.8);
  });
});
