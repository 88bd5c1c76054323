import { readFileSync } from "node:fs";
import { parseYamlCached } from "../content/parseYamlCached.js";
import { lexiconFileSchema, type Lexicon } from "./lexiconSchema.js";

let builtIn: Lexicon | undefined;

/** The lexicon shipped with Relawan (lexicon.yaml beside this file), read once. */
export function readBuiltInLexicon(): Lexicon {
  builtIn ??= lexiconFileSchema.parse(parseYamlCached(readFileSync(new URL("./lexicon.yaml", import.meta.url), "utf8")));
  return builtIn;
}
