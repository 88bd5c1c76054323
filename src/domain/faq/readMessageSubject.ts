import type { FaqEntryContent, LocalizedText } from "../content/contentSchema.js";
import type { TextReader } from "./createTextReader.js";
import { stem } from "./stem.js";

/** Who a message is about, as far as it changes which answers may be given. */
export interface MessageSubject {
  /** False for an FAQ this message must not get, whatever words it shares with it. */
  allows(faqId: string): boolean;
}

/**
 * Subject rules, from the lexicon's word lists:
 * - "calon" or "kandidat" without a word for the running mate means the candidate, so the
 *   running mate's answers (FAQs whose question names the running mate) are left out;
 * - a question about the candidate as a person (age, family, religion, wealth, health) is
 *   never answered with a programme (an FAQ answered by a programme page), and when it names
 *   the candidate ("calon nomor 3 punya istri dua"), only by an FAQ whose phrasings speak of
 *   the person too (the profile), else it gets the honest fallback;
 * - a message about another candidate ("cabup sebelah") gets only FAQs that speak of other
 *   candidates too ("apa bedanya dengan calon lain");
 * - a personal question to the bot ("kamu umur berapa?") gets only FAQs that speak of the bot;
 * - a message on a subject campaigns do not answer ("nonton bola", "pinjol", "slot gacor") gets
 *   only FAQs that say that very word (in a phrasing or the answer): the debate is on TV, but
 *   football is not the debate.
 * Returns the reader of one normalized message.
 */
export function readMessageSubject(
  reader: TextReader,
  entries: FaqEntryContent[],
  pages: Readonly<Record<string, LocalizedText>> = {},
): (normalized: string) => MessageSubject {
  const { lexicon } = reader;
  const setOf = (words: string[]) => new Set(words.flatMap((word) => [word, stem(word, "id"), stem(word, "en")]));
  const candidateWords = setOf(lexicon.candidateWords);
  const runningMateWords = setOf(lexicon.runningMateWords);
  const personalAlways = setOf(lexicon.personalWords.always);
  const personalWithCandidate = setOf(lexicon.personalWords.withCandidate);
  const programmeWords = setOf(lexicon.programmeWords);
  const has = (words: string[][], set: Set<string>) => words.some((forms) => forms.some((form) => set.has(form)));
  const formsOf = (text: string) => reader.normalize(text).split(" ").filter((word) => word !== "").map((word) => [word, stem(word, "id"), stem(word, "en")]);

  const otherCandidateWords = setOf(lexicon.otherCandidateWords);
  const botWords = setOf(lexicon.botWords);
  const phrasingsOf = (entry: FaqEntryContent) => [...Object.values(entry.question), ...Object.values(entry.variants).flat()];
  const speakingOf = (words: Set<string>) => new Set(entries.filter((entry) => phrasingsOf(entry).some((text) => has(formsOf(text), words))).map((entry) => entry.id));
  const aboutOthersFaqs = speakingOf(otherCandidateWords);
  const aboutBotFaqs = speakingOf(botWords);
  const runningMateFaqs = new Set(entries.filter((entry) => Object.values(entry.question).some((q) => has(formsOf(q), runningMateWords))).map((entry) => entry.id));
  const programmeFaqs = new Set(entries.filter((entry) => entry.page?.startsWith("programme:")).map((entry) => entry.id));
  const offTopicWords = setOf(lexicon.offTopicWords);
  const personalFaqs = speakingOf(new Set([...personalAlways, ...personalWithCandidate]));
  const answerOf = (entry: FaqEntryContent) => Object.values(entry.answer ?? (entry.page === undefined ? undefined : pages[entry.page]) ?? {});
  const formsSaidBy = new Map(entries.map((entry) => [entry.id, new Set([...phrasingsOf(entry), ...answerOf(entry)].flatMap(formsOf).flat())]));

  return (normalized) => {
    const words = normalized.split(" ").filter((word) => word !== "").map((word) => [word, stem(word, "id"), stem(word, "en")]);
    const candidate = has(words, candidateWords);
    const aboutCandidate = candidate && !has(words, runningMateWords);
    const personal = (has(words, personalAlways) || (candidate && has(words, personalWithCandidate))) && !has(words, programmeWords);
    const aboutOthers = candidate && has(words, otherCandidateWords);
    const aboutBot = personal && !candidate && has(words, botWords);
    const offTopic = words.filter((forms) => forms.some((form) => offTopicWords.has(form)));
    const saysEveryOffTopicWord = (faqId: string) => offTopic.every((forms) => forms.some((form) => formsSaidBy.get(faqId)?.has(form)));
    return {
      allows: (faqId) =>
        !(aboutCandidate && runningMateFaqs.has(faqId)) &&
        !(personal && programmeFaqs.has(faqId)) &&
        !(personal && candidate && !personalFaqs.has(faqId)) &&
        !(aboutOthers && !aboutOthersFaqs.has(faqId)) &&
        !(aboutBot && !aboutBotFaqs.has(faqId)) &&
        saysEveryOffTopicWord(faqId),
    };
  };
}
