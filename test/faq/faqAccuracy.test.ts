// How well the FAQ matcher answers questions as voters really type them.
// The labelled questions were written apart from campaign/faq.yaml (slang,
// typos, English, mixed) and must never be copies of its questions or variants.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { beforeAll, describe, expect, it } from "vitest";
import { faqFileSchema, type FaqEntryContent } from "../../src/domain/content/contentSchema.js";
import { createFaqMatcher, type FaqMatcher } from "../../src/domain/faq/createFaqMatcher.js";
import { normalizeText } from "../../src/domain/faq/normalizeText.js";
import { formatFigures, readLabelledSet, scoreHalf, type ScoredOutcome } from "./scoreLabelledQuestions.js";

const root = new URL("../../", import.meta.url);
const labelled = readLabelledSet(root);
const ratio = ({ right, total }: { right: number; total: number }) => right / total;

describe("FAQ matching on labelled voter questions", () => {
  let faq: FaqEntryContent[];
  let matcher: FaqMatcher;
  const decide = (text: string, language: string): ScoredOutcome => {
    const found = matcher.match(text, language);
    return found ? { kind: "answer", faqId: found.faqId } : { kind: "none" };
  };

  beforeAll(() => {
    faq = faqFileSchema.parse(parse(readFileSync(new URL("campaign/faq.yaml", root), "utf8")));
    matcher = createFaqMatcher(faq);
  });

  it("labels only FAQ ids that exist, never copies a question or variant, and keeps the halves apart", () => {
    const ids = new Set(faq.map((entry) => entry.id));
    const phrasings = new Set(faq.flatMap((entry) => [...Object.values(entry.question), ...Object.values(entry.variants).flat()]).map(normalizeText));
    const all = [labelled.tuning, labelled.reporting].flatMap((half) => [...half.questions, ...half.offTopic, ...half.vague]);
    for (const question of all) {
      if (question.expected !== null) expect(ids, question.text).toContain(question.expected);
      expect(phrasings.has(normalizeText(question.text)), `"${question.text}" is a copy of a faq.yaml phrasing`).toBe(false);
    }
    const texts = all.map((question) => normalizeText(question.text));
    expect(texts.filter((text, i) => texts.indexOf(text) !== i), "a message in both halves or twice in one").toEqual([]);
    for (const half of [labelled.tuning, labelled.reporting]) {
      expect(half.questions.every((q) => q.expected !== null) && [...half.offTopic, ...half.vague].every((q) => q.expected === null)).toBe(true);
      // Every FAQ is asked about at least four times per half, so no entry's accuracy rests on one example.
      for (const id of ids) expect(half.questions.filter((q) => q.expected === id).length, id).toBeGreaterThanOrEqual(4);
    }
    expect(labelled.reporting.questions.length).toBeGreaterThanOrEqual(120);
    expect(labelled.reporting.offTopic.length).toBeGreaterThanOrEqual(40);
  });

  it("prints the figures of both halves", () => {
    const tuning = scoreHalf(labelled.tuning, decide);
    const reporting = scoreHalf(labelled.reporting, decide);
    console.log(formatFigures("tuning", tuning));
    console.log(formatFigures("reporting", reporting));
    if (tuning.misses.length > 0) console.log(`FAQ tuning misses:\n${tuning.misses.join("\n")}`);
    expect(ratio(tuning.top1)).toBeGreaterThanOrEqual(0.75);
  });
});
