// The shape of a lexicon file: the built-in one beside this file, and a campaign's own
// CONTENT_DIR/lexicon.yaml that extends it. Every word is in the form normalisation leaves
// text in, so a word listed here is a word the matcher can meet.
import { z } from "zod";

const word = z.string().regex(/^[a-z0-9]+$/, "content.schema.oneWord");
const words = z.string().regex(/^[a-z0-9]+( [a-z0-9]+)*$/, "content.schema.words");
const wordList = z.array(word).default([]);

export const lexiconFileSchema = z
  .object({
    /** A word as typed in chat -> the standard word(s): "gmn" -> "bagaimana". */
    spellings: z.record(word, words).default({}),
    /** Words written apart that mean one thing -> one word: "terima kasih" -> "terimakasih". */
    phrases: z.record(words, word).default({}),
    /** Roots the Indonesian stemmer must know: a word -> itself keeps it whole, -> another word corrects it. */
    stems: z.record(word, word).default({}),
    /** Endings glued to a word that add nothing: "nya", Javanese "ne", Sundanese "na". */
    suffixes: wordList,
    /** Fillers and forms of address, dropped: "sih", "dong", "kak", "min". */
    particles: wordList,
    /** Function words, dropped. */
    stopwords: wordList,
    /** Standard question words: they ask, but are no evidence of a subject. */
    questionWords: wordList,
    /** Campaign words too common to say, alone, which question is meant. */
    commonWords: wordList,
    /** Everyday words that seldom say what a question is about: they count as little as question words. */
    everydayWords: wordList,
    /** Words naming the candidate (the campaign's candidate name is added at load). */
    candidateWords: wordList,
    /** Words pointing at another candidate: "lain", "sebelah", "lawan". */
    otherCandidateWords: wordList,
    /** Words of subjects a campaign does not answer (loans, gambling, sport...): only an FAQ that says the word may answer. */
    offTopicWords: wordList,
    /** Words addressing the bot itself: "kamu", "you", "bot". */
    botWords: wordList,
    /** Words naming the running mate. */
    runningMateWords: wordList,
    /** Asking about the candidate as a person: never answered by a programme. */
    personalWords: z.object({ always: wordList, withCandidate: wordList }).strict().default({ always: [], withCandidate: [] }),
    /** Words that make a personal word about a programme after all. */
    programmeWords: wordList,
  })
  .strict();

export type Lexicon = z.infer<typeof lexiconFileSchema>;
/** What a campaign's lexicon.yaml holds: any part of a lexicon. */
export type LexiconExtension = z.input<typeof lexiconFileSchema>;
