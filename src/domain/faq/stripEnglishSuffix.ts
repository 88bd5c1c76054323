/**
 * A light English stemmer: enough that "votes", "voting" and "voted" meet at
 * "vot", and "volunteers" meets "volunteer". Not Porter; FAQ questions are
 * short and a few misses are caught by fuzzy matching.
 */
export function stripEnglishSuffix(word: string): string {
  if (word.length <= 3) return word;
  let stem = word;
  if (stem.endsWith("ies")) stem = `${stem.slice(0, -3)}i`;
  else if (stem.endsWith("sses")) stem = stem.slice(0, -2);
  else if (stem.endsWith("s") && !/(ss|us|is)$/.test(stem)) stem = stem.slice(0, -1);

  let droppedVerbEnding = false;
  if (stem.endsWith("ing") && stem.length >= 6) {
    stem = stem.slice(0, -3);
    droppedVerbEnding = true;
  } else if (stem.endsWith("ed") && stem.length >= 5) {
    stem = stem.slice(0, -2);
    droppedVerbEnding = true;
  }
  // "running" -> "runn" -> "run"; "shipped" -> "ship".
  if (droppedVerbEnding && /([b-df-hj-np-tv-z])\1$/.test(stem) && !/(ll|ss|zz)$/.test(stem)) stem = stem.slice(0, -1);

  if (stem.endsWith("ation")) stem = `${stem.slice(0, -5)}at`;
  // "vote"/"vot(ing)", "educate"/"educat(ion)": the silent e is what differs.
  if (stem.endsWith("e") && stem.length > 3) stem = stem.slice(0, -1);
  // "study"/"studi(es)".
  if (stem.endsWith("y") && stem.length > 3) stem = `${stem.slice(0, -1)}i`;
  return stem;
}
