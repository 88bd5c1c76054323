import MiniSearch from "minisearch";
import type { FaqEntryContent } from "../content/contentSchema.js";
import { stem } from "./stem.js";
import { tokenize } from "./tokenize.js";

export interface FaqMatch {
  faqId: string;
  /** Relevance used for ordering; only comparable within one query. */
  score: number;
  /** 0..1: how much of the message this FAQ accounts for (IDF-weighted share of its words). */
  confidence: number;
}

export interface FaqMatcher {
  /** The best FAQ for the message, or null when none is a confident answer. */
  match(text: string, language: string): FaqMatch | null;
  /** FAQs sharing any word with the message, best first, whatever their confidence. */
  rank(text: string, language: string, limit?: number): FaqMatch[];
  /** Adds an entry (or replaces the one with its id) while running: staff save inbox replies as FAQs. */
  add(entry: FaqEntryContent): void;
  /** Drops the entry with this id, if there is one. */
  remove(faqId: string): void;
}

export interface FaqMatcherOptions {
  /** Below this confidence match() returns null. Tuned on test/faq/labelled-questions.json. */
  minConfidence?: number;
}

/** One question or variant, analysed. */
interface Phrase {
  id: number;
  faqId: string;
  language: string;
  /** Every searchable form of every word (as written and stemmed), space-separated, for minisearch. */
  terms: string;
  /** For each word of the phrase, its forms and how specific it is. */
  words: Array<{ forms: string[]; weight: number }>;
}

/** One FAQ while a query is scored. */
interface Candidate {
  faqId: string;
  /** Per query word: the best quality (0..1) with which any phrase of this FAQ matched it. */
  wordQuality: number[];
  /** Per query word: the best minisearch score among this FAQ's phrases. */
  wordScore: number[];
  /** Per phrase of this FAQ: the quality with which the message matched each of the phrase's words. */
  phraseWordQuality: Map<number, number[]>;
  sameLanguage: boolean;
}

const DEFAULT_MIN_CONFIDENCE = 0.4;
// A typo or prefix hit is good evidence, but less than the word itself.
const INEXACT_QUALITY = 0.7;
// Ordering mixes "how much of the message does this FAQ explain" with "how much
// of one of its phrasings did the message say", so "siapa Nusa Bakti" prefers
// "Siapa Nusa Bakti?" over "Siapa wakil bupati pasangan Nusa Bakti?".
const PHRASE_COVERAGE_SHARE = 0.3;

/**
 * Builds the FAQ index once. Every question and variant is indexed in each
 * language it is written in, and every message is looked up in all of them,
 * because people write English while their chosen language is Indonesian, or
 * mix both in one message. The language argument only breaks exact ties.
 */
export function createFaqMatcher(entries: FaqEntryContent[], options: FaqMatcherOptions = {}): FaqMatcher {
  const minConfidence = options.minConfidence ?? DEFAULT_MIN_CONFIDENCE;
  let current = [...entries];
  // Word weights depend on every entry, so an added entry rebuilds the index (milliseconds for a campaign's FAQ).
  let rank = buildRanker(current);
  return {
    rank: (text, language, limit) => rank(text, language, limit),
    match(text, language) {
      const [best] = rank(text, language, 1);
      return best !== undefined && best.confidence >= minConfidence ? best : null;
    },
    add(entry) {
      current = [...current.filter((e) => e.id !== entry.id), entry];
      rank = buildRanker(current);
    },
    remove(faqId) {
      if (!current.some((e) => e.id === faqId)) return;
      current = current.filter((e) => e.id !== faqId);
      rank = buildRanker(current);
    },
  };
}

function buildRanker(entries: FaqEntryContent[]): (text: string, language: string, limit?: number) => FaqMatch[] {
  const texts = entries.flatMap((entry) => phraseTextsOf(entry));
  // Each word of each phrase with its searchable forms: as written, and stemmed in the phrase's language.
  const phraseWords = texts.map(({ language, text }) => tokenize(text).map((word) => [...new Set([word, stem(word, language)])]));

  // Inverse document frequency over FAQ entries, not phrases: a word used in
  // every variant of one FAQ is still specific to that FAQ.
  const faqsWithForm = new Map<string, Set<string>>();
  texts.forEach(({ faqId }, i) => {
    for (const form of phraseWords[i]?.flat() ?? []) {
      const faqs = faqsWithForm.get(form) ?? new Set<string>();
      faqs.add(faqId);
      faqsWithForm.set(form, faqs);
    }
  });
  const idf = (faqsContaining: number) => Math.log(1 + entries.length / faqsContaining);
  // A word no FAQ uses weighs as much as the rarest: it is evidence the message is about something else.
  const unknownWordWeight = idf(1);
  const weightOf = (forms: string[]) => {
    const known = forms.flatMap((form) => {
      const faqs = faqsWithForm.get(form);
      return faqs === undefined ? [] : [idf(faqs.size)];
    });
    return known.length > 0 ? Math.max(...known) : unknownWordWeight;
  };

  const phrases: Phrase[] = texts.map(({ faqId, language }, id) => {
    const words = phraseWords[id] ?? [];
    return { id, faqId, language, terms: [...new Set(words.flat())].join(" "), words: words.map((forms) => ({ forms, weight: weightOf(forms) })) };
  });
  const index = new MiniSearch<Phrase>({
    fields: ["terms"],
    storeFields: [],
    // Phrases are analysed (normalized, stopwords dropped, stemmed) before they get here.
    tokenize: (terms) => terms.split(" "),
    processTerm: (term) => term,
  });
  index.addAll(phrases);

  function rank(text: string, language: string, limit = 5): FaqMatch[] {
    const words = [...new Set(tokenize(text))];
    if (words.length === 0) return [];
    const candidates = new Map<string, Candidate>();
    const weights: number[] = [];

    words.forEach((word, wordIndex) => {
      // Stemmed both ways: the message's language says little about the language of each word.
      const forms = [...new Set([word, stem(word, "id"), stem(word, "en")])];
      weights.push(weightOf(forms));
      for (const hit of index.search(forms.join(" "), { combineWith: "OR", fuzzy: allowedTypos, prefix: (term) => term.length >= 4 })) {
        const phrase = phrases[hit.id as number];
        if (phrase === undefined) continue;
        const candidate = candidates.get(phrase.faqId) ?? newCandidate(phrase.faqId, words.length);
        candidates.set(phrase.faqId, candidate);
        const quality = hit.terms.some((term) => forms.includes(term)) ? 1 : INEXACT_QUALITY;
        candidate.wordQuality[wordIndex] = Math.max(candidate.wordQuality[wordIndex] ?? 0, quality);
        candidate.wordScore[wordIndex] = Math.max(candidate.wordScore[wordIndex] ?? 0, hit.score);
        candidate.sameLanguage ||= phrase.language === language;
        const phraseQuality = candidate.phraseWordQuality.get(phrase.id) ?? new Array<number>(phrase.words.length).fill(0);
        candidate.phraseWordQuality.set(phrase.id, phraseQuality);
        phrase.words.forEach((phraseWord, i) => {
          if (phraseWord.forms.some((form) => hit.terms.includes(form))) phraseQuality[i] = Math.max(phraseQuality[i] ?? 0, quality);
        });
      }
    });

    return [...candidates.values()]
      .map((candidate) => {
        const confidence = weightedShare(weights, candidate.wordQuality);
        let phraseCoverage = 0;
        for (const [phraseId, quality] of candidate.phraseWordQuality) {
          const phrase = phrases[phraseId];
          if (phrase !== undefined) phraseCoverage = Math.max(phraseCoverage, weightedShare(phrase.words.map((w) => w.weight), quality));
        }
        return {
          faqId: candidate.faqId,
          confidence,
          order: (1 - PHRASE_COVERAGE_SHARE) * confidence + PHRASE_COVERAGE_SHARE * phraseCoverage,
          score: candidate.wordScore.reduce((sum, score) => sum + score, 0),
          sameLanguage: candidate.sameLanguage,
        };
      })
      .sort((a, b) => b.order - a.order || b.score - a.score || Number(b.sameLanguage) - Number(a.sameLanguage))
      .slice(0, limit)
      .map(({ faqId, order, confidence }) => ({ faqId, score: order, confidence }));
  }

  return rank;
}

function phraseTextsOf(entry: FaqEntryContent): Array<{ faqId: string; language: string; text: string }> {
  return [
    ...Object.entries(entry.question).map(([language, text]) => ({ faqId: entry.id, language, text })),
    ...Object.entries(entry.variants).flatMap(([language, variants]) => variants.map((text) => ({ faqId: entry.id, language, text }))),
  ];
}

function newCandidate(faqId: string, wordCount: number): Candidate {
  return {
    faqId,
    wordQuality: new Array<number>(wordCount).fill(0),
    wordScore: new Array<number>(wordCount).fill(0),
    phraseWordQuality: new Map(),
    sameLanguage: false,
  };
}

function weightedShare(weights: number[], quality: number[]): number {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  return total === 0 ? 0 : weights.reduce((sum, weight, i) => sum + weight * (quality[i] ?? 0), 0) / total;
}

// One typo in a word of five letters or more, two from eight: short words
// ("data"/"dana", "jam"/"jum") are too close to each other to forgive.
function allowedTypos(term: string): number {
  return term.length >= 8 ? 2 : term.length >= 5 ? 1 : 0;
}
