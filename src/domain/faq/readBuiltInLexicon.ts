import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { lexiconFileSchema, type Lexicon } from "./lexiconSchema.js";

let builtIn: Lexicon | undefined;

/** The lexicon shipped with Relawan (lexicon.yaml beside this file), read once. */
export function readBuiltInLexicon(): Lexicon {
  builtIn ??= lexiconFileSchema.parse(parse(readFileSync(new URL("./lexicon.yaml", import.meta.url), "utf8")));
  return builtIn;
}
