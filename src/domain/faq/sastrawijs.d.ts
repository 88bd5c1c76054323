// sastrawijs ships index.d.ts, but its package.json "exports" has no "types"
// condition, so NodeNext resolution cannot see it (TS7016). This declares the
// part of the API Relawan uses. (Its Tokenizer is not used: it drops digits,
// and normalizeText already does the rest.)
declare module "sastrawijs" {
  export class Stemmer {
    constructor(dictionary?: string[]);
    /** Root words, each mapped to "". addToDict() is broken in 1.1.0, so callers write here. */
    internalDictionary: Record<string, string>;
    /** Lowercases, then returns the root if one is in the dictionary, otherwise the word unchanged. */
    stem(word: string): string;
    find(word: string): boolean;
  }
}
