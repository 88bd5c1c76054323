// How well the FAQ matcher answers questions as voters really type them.
// The labelled questions were written apart from campaign/faq.yaml (slang,
// typos, English, mixed) and must never be copies of its questions or variants.
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, it } from "vitest";
import type { FaqEntryContent } from "../../src/domain/content/contentSchema.js";
import { loadCampaignContent } from "../../src/domain/content/loadCampaignContent.js";
import { createCampaignFaqMatcher } from "../../src/domain/faq/createCampaignFaqMatcher.js";
import type { FaqMatcher } from "../../src/domain/faq/createFaqMatcher.js";
import { tokenize } from "../../src/domain/faq/tokenize.js";
import { simplify } from "../../src/domain/text/simplify.js";
import { formatFigures, readLabelledSet, scoreHalf, type ScoredOutcome } from "./scoreLabelledQuestions.js";

const root = new URL("../../", import.meta.url);
const labelled = readLabelledSet(root);
const ratio = ({ right, total }: { right: number; total: number }) => right / total;

describe("FAQ matching on labelled voter questions", () => {
  let faq: FaqEntryContent[];
  let matcher: FaqMatcher;
  const decide = (text: string, language: string): ScoredOutcome => {
    const decision = matcher.decide(text, language);
    if (decision.kind === "answer") return { kind: "answer", faqId: decision.match.faqId };
    if (decision.kind === "choose") return { kind: "choose", faqIds: decision.options.map((option) => option.faqId) };
    return { kind: "none" };
  };

  beforeAll(async () => {
    const loaded = await loadCampaignContent(fileURLToPath(new URL("campaign", root)));
    if (loaded.status !== "ok") throw new Error(loaded.problems.join("\n"));
    faq = loaded.content.faq;
    matcher = createCampaignFaqMatcher(loaded.content);
  });

  it("labels only FAQ ids that exist, never copies a question or variant, and keeps the halves apart", () => {
    const ids = new Set(faq.map((entry) => entry.id));
    const phrasings = faq.flatMap((entry) => [...Object.values(entry.question), ...Object.values(entry.variants).flat()]);
    const copies = new Set(phrasings.map(simplify));
    // A reporting question may not even share its words with a phrasing: the FAQ must never be written to fit it.
    const wordSets = new Set(phrasings.map((text) => [...new Set(tokenize(text))].sort().join(" ")));
    const all = [labelled.tuning, labelled.reporting].flatMap((half) => [...half.questions, ...half.offTopic, ...half.vague]);
    for (const question of all) {
      if (question.expected !== null) expect(ids, question.text).toContain(question.expected);
      expect(copies.has(simplify(question.text)), `"${question.text}" is a copy of a faq.yaml phrasing`).toBe(false);
    }
    for (const question of [...labelled.reporting.questions, ...labelled.reporting.offTopic, ...labelled.reporting.vague]) {
      expect(wordSets.has([...new Set(tokenize(question.text))].sort().join(" ")), `"${question.text}" has the words of a faq.yaml phrasing`).toBe(false);
    }
    const texts = all.map((question) => simplify(question.text));
    expect(texts.filter((text, i) => texts.indexOf(text) !== i), "a message in both halves or twice in one").toEqual([]);
    for (const half of [labelled.tuning, labelled.reporting]) {
      expect(half.questions.every((q) => q.expected !== null) && [...half.offTopic, ...half.vague].every((q) => q.expected === null)).toBe(true);
      // Every FAQ is asked about at least four times per half, so no entry's accuracy rests on one example.
      for (const id of ids) expect(half.questions.filter((q) => q.expected === id).length, id).toBeGreaterThanOrEqual(4);
    }
    expect(labelled.reporting.questions.length).toBeGreaterThanOrEqual(120);
    expect(labelled.reporting.offTopic.length).toBeGreaterThanOrEqual(40);
  });

  // Issue 16's targets, on the reporting half. The test prints whether each is met and asserts
  // floors: the targets themselves where they are met (all three since the off-topic words: 38 of
  // 40 off-topic messages fall back, exactly the target), and a floor under the current figure where
  // not, so a change that makes matching worse fails, and nobody is tempted to tune on the
  // reporting half to pass.
  const targets = { top1: 0.92, offTopicFallback: 0.95, confidentlyWrong: 0.03 };
  const floors = { top1: 0.92, offTopicFallback: 0.95, confidentlyWrong: 0.03 };

  it("prints the figures of both halves, and holds the reporting half to its floors", () => {
    const tuning = scoreHalf(labelled.tuning, decide);
    const reporting = scoreHalf(labelled.reporting, decide);
    console.log(formatFigures("tuning", tuning));
    console.log(formatFigures("reporting", reporting));
    const wrong = reporting.confidentlyWrong.wrong / reporting.confidentlyWrong.total;
    const met = (ok: boolean) => (ok ? "met" : "NOT met");
    console.log(
      `FAQ targets on the reporting half: top-1 >= ${targets.top1 * 100}% ${met(ratio(reporting.top1) >= targets.top1)}; ` +
        `off-topic fallback >= ${targets.offTopicFallback * 100}% ${met(ratio(reporting.offTopicFallback) >= targets.offTopicFallback)}; ` +
        `confidently wrong <= ${targets.confidentlyWrong * 100}% ${met(wrong <= targets.confidentlyWrong)}`,
    );
    // The tuning half's misses are what the next person tunes on; the reporting half's are never printed here.
    if (tuning.misses.length > 0) console.log(`FAQ tuning misses:\n${tuning.misses.join("\n")}`);
    expect(ratio(reporting.top1)).toBeGreaterThanOrEqual(floors.top1);
    expect(ratio(reporting.offTopicFallback)).toBeGreaterThanOrEqual(floors.offTopicFallback);
    expect(wrong).toBeLessThanOrEqual(floors.confidentlyWrong);
    expect(ratio(reporting.vagueNotAnswered)).toBe(1);
    expect(ratio(tuning.top1)).toBeGreaterThanOrEqual(0.93);
  });
});
