import type { Lexicon } from "./lexiconSchema.js";

/** Every word a lexicon names, in any of its lists: words the matcher knows, whatever they weigh. */
export function listLexiconWords(lexicon: Lexicon): Set<string> {
  const words = new Set<string>();
  const add = (text: string) => {
    for (const word of text.split(" ")) words.add(word);
  };
  for (const map of [lexicon.spellings, lexicon.phrases, lexicon.stems]) {
    for (const [from, to] of Object.entries(map)) {
      add(from);
      add(to);
    }
  }
  const lists = [
    lexicon.particles,
    lexicon.stopwords,
    lexicon.questionWords,
    lexicon.commonWords,
    lexicon.everydayWords,
    lexicon.candidateWords,
    lexicon.otherCandidateWords,
    lexicon.offTopicWords,
    lexicon.botWords,
    lexicon.runningMateWords,
    lexicon.personalWords.always,
    lexicon.personalWords.withCandidate,
    lexicon.programmeWords,
  ];
  for (const list of lists) list.forEach(add);
  return words;
}
