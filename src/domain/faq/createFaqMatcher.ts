import MiniSearch from "minisearch";
import type { FaqEntryContent, LocalizedText } from "../content/contentSchema.js";
import { createTextReader, type TextReader } from "./createTextReader.js";
import { decideFaqReply, type FaqDecision, type FaqDecisionOptions } from "./decideFaqReply.js";
import type { Lexicon } from "./lexiconSchema.js";
import { builtInTextReader } from "./normalizeText.js";
import { listLexiconWords } from "./listLexiconWords.js";
import { looksLikeGibberish } from "./looksLikeGibberish.js";
import { readMessageSubject } from "./readMessageSubject.js";
import { isDictionaryWord, stem } from "./stem.js";

export interface FaqMatch {
  faqId: string;
  /** Relevance used for ordering; only comparable within one query. */
  score: number;
  /**
   * 0..1: how much of the message this FAQ accounts for (IDF-weighted share of its words),
   * scaled down when the message carries too little topical evidence (question words and
   * one common word are not enough on their own).
   */
  confidence: number;
  /** Topical evidence: 1 per content word this FAQ matched, half per common word, nothing for question words. */
  evidence: number;
  /** The message says one of this FAQ's phrasings, word for word (after normalisation): the campaign's own decision. */
  exact: boolean;
}

export interface FaqMatcher {
  /** What to do with a message: answer it, offer a choice, ask for more, or admit there is no answer. */
  decide(text: string, language: string): FaqDecision;
  /** The FAQ that answers the message outright, or null (when decide() would not answer it). */
  match(text: string, language: string): FaqMatch | null;
  /** FAQs sharing any word with the message, best first, whatever their confidence. */
  rank(text: string, language: string, limit?: number): FaqMatch[];
  /** The entry with this id, as indexed (with the variants learned while running). */
  entry(faqId: string): FaqEntryContent | undefined;
  /** Adds an entry (or replaces the one with its id) while running: staff save inbox replies as FAQs. */
  add(entry: FaqEntryContent): void;
  /** Adds a way of asking to an entry while running: staff confirm what a person meant. */
  addVariant(faqId: string, language: string, text: string): void;
  /** Drops the entry with this id, if there is one. */
  remove(faqId: string): void;
  /** Drops a variant added with addVariant. */
  removeVariant(faqId: string, language: string, text: string): void;
}

export interface FaqMatcherOptions extends FaqDecisionOptions {
  /** How voters write (spellings, particles, question words...); the built-in lexicon when absent. */
  lexicon?: Lexicon;
  /** The text of the pages entries answer with (`page:`), by page key; searched, as answers are, as weaker evidence. */
  pages?: Readonly<Record<string, LocalizedText>>;
}

/** One question or variant (or the answer), analysed. */
interface Phrase {
  id: number;
  faqId: string;
  language: string;
  /** The answer's text: a word found only there is weaker evidence, and answers never set word weights. */
  answer: boolean;
  /** Every searchable form of every word (as written and stemmed), space-separated, for minisearch. */
  terms: string;
  /** For each word of the phrase, its forms and how specific it is. */
  words: Array<{ forms: string[]; weight: number }>;
}

/** One word of the message. */
interface MessageWord {
  forms: string[];
  /**
   * A question word (or a bare number) says what kind of answer, not what about; a common word is
   * weak evidence; content words count in full. A candidate word ("calon", the candidate's name)
   * counts where an FAQ says it, and nowhere against one: every FAQ is about the candidate.
   */
  kind: "question" | "common" | "content" | "candidate";
  weight: number;
}

/** One FAQ while a query is scored. */
interface Candidate {
  faqId: string;
  /** Per message word: the best quality (0..1) with which any phrase of this FAQ matched it. */
  wordQuality: number[];
  /** Per message word: the best minisearch score among this FAQ's phrases. */
  wordScore: number[];
  /** Per phrase of this FAQ: the quality with which the message matched each of the phrase's words. */
  phraseWordQuality: Map<number, number[]>;
  sameLanguage: boolean;
}

// A typo or prefix hit is good evidence, but less than the word itself.
const INEXACT_QUALITY = 0.7;
// An unknown word that is in the Indonesian dictionary is a real subject the FAQ does not cover
// ("harga semen", "cerita lucu"); one that is not is as likely a typo or slang the FAQ does cover.
const DICTIONARY_WORD_FACTOR = 1.3;
// A word found only in the answer ("puskesmas 24 jam" in the health programme) is evidence, but
// answers are long and say much besides what they answer, so it counts for half.
const ANSWER_QUALITY = 0.5;
// Question words separate "who is the candidate" from "when is the debate", but say nothing about the subject.
const QUESTION_WORD_WEIGHT = 0.3;
// One common word ("relawan", "jadwal") is half the evidence an answer needs; a specific word is all of it.
const COMMON_WORD_EVIDENCE = 0.5;
// Confidence mixes "how much of the message does this FAQ explain" with "how much of one of its
// phrasings did the message say", so "siapa calonnya" prefers "Siapa calonnya?" over "Siapa pasangan calonnya?".
const PHRASE_COVERAGE_SHARE = 0.3;

/**
 * Builds the FAQ index once. Every question and variant is indexed in each
 * language it is written in, and every message is looked up in all of them,
 * because people write English while their chosen language is Indonesian, or
 * mix both in one message. The language argument only breaks exact ties.
 */
export function createFaqMatcher(entries: FaqEntryContent[], options: FaqMatcherOptions = {}): FaqMatcher {
  const reader = options.lexicon ? createTextReader(options.lexicon) : builtInTextReader();
  let current = entries.map(copyEntry);
  // Word weights depend on every entry, so a change rebuilds the index (milliseconds for a campaign's FAQ).
  const pages = options.pages ?? {};
  let rank = buildRanker(current, reader, pages);
  const rebuild = () => {
    rank = buildRanker(current, reader, pages);
  };
  const ranked = (text: string, language: string, limit?: number) => rank(text, language, limit).matches;
  return {
    decide(text, language) {
      return decideFaqReply(rank(text, language, 6), (faqId) => current.find((e) => e.id === faqId), options);
    },
    match(text, language) {
      const decision = this.decide(text, language);
      return decision.kind === "answer" ? decision.match : null;
    },
    rank: ranked,
    entry: (faqId) => current.find((e) => e.id === faqId),
    add(entry) {
      current = [...current.filter((e) => e.id !== entry.id), copyEntry(entry)];
      rebuild();
    },
    addVariant(faqId, language, text) {
      const entry = current.find((e) => e.id === faqId);
      if (!entry || (entry.variants[language] ?? []).includes(text)) return;
      entry.variants[language] = [...(entry.variants[language] ?? []), text];
      rebuild();
    },
    remove(faqId) {
      if (!current.some((e) => e.id === faqId)) return;
      current = current.filter((e) => e.id !== faqId);
      rebuild();
    },
    removeVariant(faqId, language, text) {
      const entry = current.find((e) => e.id === faqId);
      const variants = entry?.variants[language];
      if (!entry || !variants?.includes(text)) return;
      entry.variants[language] = variants.filter((v) => v !== text);
      rebuild();
    },
  };
}

/** What rank() found, and what the message said without matching anything. */
export interface Ranking {
  matches: FaqMatch[];
  /** The message had words that may say what it is about, beyond question words and common words. */
  hasContentWords: boolean;
  /** The message had no words at all once particles and stopwords were dropped. */
  empty: boolean;
  /** The message had letters, but none in a script the matcher reads (Latin): "候选人是谁?". */
  unreadable: boolean;
  /** Keyboard mash ("asdfgh jkl", "xzqkw"): not a word the lexicon, the dictionary or the FAQ knows (looksLikeGibberish). */
  gibberish: boolean;
}

function buildRanker(entries: FaqEntryContent[], reader: TextReader, pages: Readonly<Record<string, LocalizedText>>): (text: string, language: string, limit?: number) => Ranking {
  const { lexicon } = reader;
  const texts = entries.flatMap((entry) => phraseTextsOf(entry, pages));
  // Each word of each phrase with its searchable forms: as written, and stemmed in the phrase's language.
  const phraseWords = texts.map(({ language, text }) => reader.tokenize(text).map((word) => [...new Set([word, stem(word, language)])]));

  // Inverse document frequency over FAQ entries, not phrases: a word used in
  // every variant of one FAQ is still specific to that FAQ.
  const faqsWithForm = new Map<string, Set<string>>();
  texts.forEach(({ faqId, answer }, i) => {
    if (answer) return;
    for (const form of phraseWords[i]?.flat() ?? []) {
      const faqs = faqsWithForm.get(form) ?? new Set<string>();
      faqs.add(faqId);
      faqsWithForm.set(form, faqs);
    }
  });
  const idf = (faqsContaining: number) => Math.log(1 + entries.length / faqsContaining);
  // A word no FAQ uses (after typo-forgiving search) weighs as much as the rarest one: it is
  // evidence the message is about something else ("harga emas", "nomor telepon pln").
  const unknownWordWeight = idf(1);
  const weightOf = (forms: string[]) => {
    const known = forms.flatMap((form) => {
      const faqs = faqsWithForm.get(form);
      return faqs === undefined ? [] : [idf(faqs.size)];
    });
    if (known.length > 0) return Math.max(...known);
    return unknownWordWeight * (forms.some(isDictionaryWord) ? DICTIONARY_WORD_FACTOR : 1);
  };
  const withStems = (words: string[]) => new Set(words.flatMap((word) => [word, stem(word, "id"), stem(word, "en")]));
  // Question words and everyday words weigh little and are no evidence: they say what kind of answer, not what about.
  const questionWords = new Set([...lexicon.questionWords, ...withStems(lexicon.everydayWords)]);
  const commonWords = withStems(lexicon.commonWords);
  const candidateWords = withStems(lexicon.candidateWords);
  const kindOf = (forms: string[]): MessageWord["kind"] => {
    if (forms.some((form) => questionWords.has(form) || /^\d+$/.test(form))) return "question";
    if (forms.some((form) => candidateWords.has(form))) return "candidate";
    return forms.some((form) => commonWords.has(form)) ? "common" : "content";
  };
  // "bupatina", "visine", "tpsku": an ending glued on, removed only when what is left is a word the FAQ knows.
  const formsOf = (word: string): string[] => {
    const forms = [...new Set([word, stem(word, "id"), stem(word, "en")])];
    if (forms.some((form) => faqsWithForm.has(form) || questionWords.has(form))) return forms;
    for (const suffix of lexicon.suffixes) {
      const base = word.slice(0, -suffix.length);
      if (word.endsWith(suffix) && base.length >= 3 && (faqsWithForm.has(base) || faqsWithForm.has(stem(base, "id")))) return [...new Set([...forms, base, stem(base, "id")])];
    }
    return forms;
  };
  const lexiconWords = listLexiconWords(lexicon);
  const knows = (word: string) => lexiconWords.has(word) || formsOf(word).some((form) => faqsWithForm.has(form)) || (word.length >= 3 && isDictionaryWord(word));
  // Only Latin letters are judged: a message in another script is "unreadable", and goes to a person.
  const isGibberish = (text: string, normalized: string) => !/[^\P{L}\p{Script=Latin}]/u.test(text) && looksLikeGibberish(text, normalized.split(" "), knows);
  const readSubject = readMessageSubject(reader, entries, pages);
  // A word spelled right is not a typo of another: "harga" is not "warga", "daging" is not "dagang".
  const typosFor = (forms: string[]) => (forms.some((form) => faqsWithForm.has(form) || isDictionaryWord(form)) ? () => 0 : allowedTypos);
  const phraseWeight = (forms: string[]) => weightOf(forms) * (kindOf(forms) === "question" ? QUESTION_WORD_WEIGHT : 1);

  const phrases: Phrase[] = texts.map(({ faqId, language, answer }, id) => {
    const words = phraseWords[id] ?? [];
    return { id, faqId, language, answer, terms: [...new Set(words.flat())].join(" "), words: words.map((forms) => ({ forms, weight: phraseWeight(forms) })) };
  });
  const index = new MiniSearch<Phrase>({
    fields: ["terms"],
    storeFields: [],
    // Phrases are analysed (normalized, stopwords dropped, stemmed) before they get here.
    tokenize: (terms) => terms.split(" "),
    processTerm: (term) => term,
  });
  index.addAll(phrases);

  function rank(text: string, language: string, limit = 5): Ranking {
    const normalized = reader.normalize(text);
    const words = [...new Set(reader.tokenize(normalized))];
    if (words.length === 0) return { matches: [], hasContentWords: false, empty: true, unreadable: normalized === "" && /\p{L}/u.test(text), gibberish: false };
    // One root is one piece of evidence: "ceritain cerita lucu" says "cerita" once, not twice.
    const messageWords: MessageWord[] = [];
    for (const word of words) {
      const forms = formsOf(word);
      if (messageWords.some((seen) => seen.forms.some((form) => forms.includes(form)))) continue;
      const kind = kindOf(forms);
      messageWords.push({ forms, kind, weight: weightOf(forms) * (kind === "question" ? QUESTION_WORD_WEIGHT : 1) });
    }
    const subject = readSubject(normalized);
    const candidates = new Map<string, Candidate>();

    messageWords.forEach(({ forms }, wordIndex) => {
      for (const hit of index.search(forms.join(" "), { combineWith: "OR", fuzzy: typosFor(forms), prefix: (term) => term.length >= 4 })) {
        const phrase = phrases[hit.id as number];
        if (phrase === undefined || !subject.allows(phrase.faqId)) continue;
        const candidate = candidates.get(phrase.faqId) ?? newCandidate(phrase.faqId, messageWords.length);
        candidates.set(phrase.faqId, candidate);
        const quality = (hit.terms.some((term) => forms.includes(term)) ? 1 : INEXACT_QUALITY) * (phrase.answer ? ANSWER_QUALITY : 1);
        candidate.wordQuality[wordIndex] = Math.max(candidate.wordQuality[wordIndex] ?? 0, quality);
        candidate.wordScore[wordIndex] = Math.max(candidate.wordScore[wordIndex] ?? 0, hit.score);
        candidate.sameLanguage ||= phrase.language === language;
        // Coverage is of the ways of asking; an answer is not one.
        if (phrase.answer) continue;
        const phraseQuality = candidate.phraseWordQuality.get(phrase.id) ?? new Array<number>(phrase.words.length).fill(0);
        candidate.phraseWordQuality.set(phrase.id, phraseQuality);
        phrase.words.forEach((phraseWord, i) => {
          if (phraseWord.forms.some((form) => hit.terms.includes(form))) phraseQuality[i] = Math.max(phraseQuality[i] ?? 0, quality);
        });
      }
    });

    const matches = [...candidates.values()]
      .map((candidate) => {
        const weights = messageWords.map((word, i) => (word.kind === "candidate" && !candidate.wordQuality[i] ? 0 : word.weight));
        const share = weightedShare(weights, candidate.wordQuality);
        // Topical evidence: question words count for nothing, a common word for half, any other word in full.
        const evidence = messageWords.reduce((sum, word, i) => sum + (word.kind === "question" ? 0 : (word.kind === "common" ? COMMON_WORD_EVIDENCE : 1) * (candidate.wordQuality[i] ?? 0)), 0);
        let phraseCoverage = 0;
        for (const [phraseId, quality] of candidate.phraseWordQuality) {
          const phrase = phrases[phraseId];
          if (phrase !== undefined) phraseCoverage = Math.max(phraseCoverage, weightedShare(phrase.words.map((w) => w.weight), quality));
        }
        const exact = share === 1 && phraseCoverage === 1;
        // A phrasing said word for word is the campaign's own decision, whatever its words: "duit" kept as a variant.
        const confidence = exact ? 1 : share * Math.min(1, evidence) * (1 - PHRASE_COVERAGE_SHARE + PHRASE_COVERAGE_SHARE * phraseCoverage);
        return {
          faqId: candidate.faqId,
          confidence,
          evidence,
          exact,
          score: candidate.wordScore.reduce((sum, score) => sum + score, 0),
          sameLanguage: candidate.sameLanguage,
        };
      })
      .sort((a, b) => b.confidence - a.confidence || b.score - a.score || Number(b.sameLanguage) - Number(a.sameLanguage))
      .slice(0, limit)
      .map(({ faqId, confidence, evidence, exact, score }) => ({ faqId, confidence, evidence, exact, score }));
    const gibberish = isGibberish(text, normalized);
    return { matches, hasContentWords: messageWords.some((word) => word.kind === "content"), empty: false, unreadable: false, gibberish };
  }

  return rank;
}

function phraseTextsOf(entry: FaqEntryContent, pages: Readonly<Record<string, LocalizedText>>): Array<{ faqId: string; language: string; text: string; answer: boolean }> {
  const answer = entry.answer ?? (entry.page === undefined ? undefined : pages[entry.page]) ?? {};
  return [
    ...Object.entries(entry.question).map(([language, text]) => ({ faqId: entry.id, language, text, answer: false })),
    ...Object.entries(entry.variants).flatMap(([language, variants]) => variants.map((text) => ({ faqId: entry.id, language, text, answer: false }))),
    ...Object.entries(answer).map(([language, text]) => ({ faqId: entry.id, language, text, answer: true })),
  ];
}

// The matcher keeps its own variants lists, so adding one never changes the caller's content.
function copyEntry(entry: FaqEntryContent): FaqEntryContent {
  return { ...entry, variants: Object.fromEntries(Object.entries(entry.variants).map(([language, list]) => [language, [...list]])) };
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
