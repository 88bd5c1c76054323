import { lexiconFileSchema, type Lexicon, type LexiconExtension } from "./lexiconSchema.js";

/** The built-in lexicon with a campaign's own added: lists are joined, the campaign's spellings and phrases win. */
export function mergeLexicons(base: Lexicon, extension: LexiconExtension | undefined): Lexicon {
  if (extension === undefined) return base;
  const own = lexiconFileSchema.parse(extension);
  const join = (a: string[], b: string[]) => [...new Set([...a, ...b])];
  return {
    spellings: { ...base.spellings, ...own.spellings },
    phrases: { ...base.phrases, ...own.phrases },
    stems: { ...base.stems, ...own.stems },
    suffixes: join(base.suffixes, own.suffixes),
    particles: join(base.particles, own.particles),
    stopwords: join(base.stopwords, own.stopwords),
    questionWords: join(base.questionWords, own.questionWords),
    commonWords: join(base.commonWords, own.commonWords),
    everydayWords: join(base.everydayWords, own.everydayWords),
    candidateWords: join(base.candidateWords, own.candidateWords),
    otherCandidateWords: join(base.otherCandidateWords, own.otherCandidateWords),
    offTopicWords: join(base.offTopicWords, own.offTopicWords),
    botWords: join(base.botWords, own.botWords),
    runningMateWords: join(base.runningMateWords, own.runningMateWords),
    personalWords: {
      always: join(base.personalWords.always, own.personalWords.always),
      withCandidate: join(base.personalWords.withCandidate, own.personalWords.withCandidate),
    },
    programmeWords: join(base.programmeWords, own.programmeWords),
  };
}
