import type { FaqEntryContent } from "../content/contentSchema.js";
import type { FaqMatch, Ranking } from "./createFaqMatcher.js";

/** What the bot does with a message it reads as a question. */
export type FaqDecision =
  /** Confident and clearly ahead of the rest: answer it. */
  | { kind: "answer"; match: FaqMatch }
  /** Close or half-confident: "Maksud Anda…?" with the likeliest ones, best first. */
  | { kind: "choose"; options: FaqMatch[] }
  /** Only question words, particles or a common word, and nothing to offer: ask for more. */
  | { kind: "vague" }
  /** Nothing fits: the honest fallback (the question goes to the team). */
  | { kind: "none" }
  /** Written in a script the matcher does not read: say so, and let a person on the team read it. */
  | { kind: "unreadable" }
  /** Keyboard mash, no question at all: counted, never put before staff. */
  | { kind: "gibberish" };

export interface FaqDecisionOptions {
  /** From this confidence, and clearly ahead of the next, an FAQ is answered outright. Tuned on the tuning half of test/faq/labelled-questions.json. */
  answerAt?: number;
  /** From this confidence an FAQ may be offered in a choice list. */
  offerAt?: number;
  /** How far ahead of the next the best must be to be answered outright. */
  margin?: number;
}

const DEFAULTS: Required<FaqDecisionOptions> = { answerAt: 0.45, offerAt: 0.35, margin: 0.1 };
const MAX_OPTIONS = 3;
// An option far behind the best is noise, not a likely meaning.
const OPTION_SHARE_OF_BEST = 0.6;

/** Answer, offer a choice, ask for more, or admit there is no answer: one rule for the chat, the tests and the dashboard. */
export function decideFaqReply(ranking: Ranking, entryOf: (faqId: string) => FaqEntryContent | undefined, options: FaqDecisionOptions = {}): FaqDecision {
  const { answerAt, offerAt, margin } = { ...DEFAULTS, ...options };
  if (ranking.unreadable) return { kind: "unreadable" };
  if (ranking.empty) return { kind: "vague" };
  // No word of it is known to the lexicon, the dictionary or the FAQ: a near miss of the index is chance.
  if (ranking.gibberish) return { kind: "gibberish" };
  // Two entries answered by the same page are one answer: never ask the person to choose between them.
  const seenPages = new Set<string>();
  const matches = ranking.matches.filter((match) => {
    const page = entryOf(match.faqId)?.page;
    if (page === undefined) return true;
    if (seenPages.has(page)) return false;
    seenPages.add(page);
    return true;
  });
  const [best, next] = matches;
  // A question word and one common word ("relawan?", "kapan coblos?") are never enough for an answer outright.
  const enough = best !== undefined && (best.exact || best.evidence >= 1) && best.confidence >= answerAt;
  if (enough && (next === undefined || best.confidence - next.confidence >= margin)) return { kind: "answer", match: best };
  if (best !== undefined && best.confidence >= offerAt) {
    const floor = Math.max(offerAt, best.confidence * OPTION_SHARE_OF_BEST);
    return { kind: "choose", options: matches.filter((match) => match.confidence >= floor).slice(0, MAX_OPTIONS) };
  }
  return ranking.hasContentWords ? { kind: "none" } : { kind: "vague" };
}
