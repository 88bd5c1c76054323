import { cleanTextForStaff } from "../text/cleanTextForStaff.js";

// Keys that sit next to each other, so a run of four along one row is a hand sliding over the
// keyboard ("asdf", "lkjh"), not a word: no Indonesian or English word holds one.
const keyboardRows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];
const keyboardRuns = new Set(
  keyboardRows.flatMap((row) => [row, [...row].reverse().join("")]).flatMap((row) => Array.from({ length: row.length - 3 }, (_, i) => row.slice(i, i + 4))),
);
// Indonesian text is about 40% vowels, English nearly as much; typed noise about a fifth (5 of 26
// letters). Chat that drops its vowels ("jdwl kmpny") is caught too: the reply asks for full words.
const MIN_VOWEL_SHARE = 0.25;
// Below this many letters there is too little to judge by letters alone.
const MIN_LETTERS = 5;
// Sentences carry a little punctuation; line noise ("_G=hM!<", "/lc1;f{") is mostly symbols.
const MAX_SYMBOL_SHARE = 0.2;
const ordinary = /[\p{L}\p{N}\p{M}\p{Extended_Pictographic}\s.,!?'"’()\-:;/]/u;

/**
 * Keyboard mash or line noise rather than a question: a fifth or more of the text is symbols
 * other than punctuation, or none of the message's normalised words (`words`) is one the matcher
 * knows (lexicon, dictionary, FAQ index; `knows`) and its letters have few vowels, run along a
 * keyboard row or repeat one short piece ("jkjkjk"). Such a message is counted, not put before staff. A question in words the bot
 * does not know ("Robert", "blorp fizzle") still reaches the inbox.
 */
export function looksLikeGibberish(text: string, words: readonly string[], knows: (word: string) => boolean): boolean {
  // A bidi override is not noise of the person's making: the words around it are judged.
  const visible = [...cleanTextForStaff(text).replace(/\s/gu, "")];
  const symbols = visible.filter((char) => !ordinary.test(char)).length;
  // Noise may hold a word by chance ("_G=hM!<" holds "hm").
  if (visible.length >= 3 && symbols / visible.length >= MAX_SYMBOL_SHARE) return true;
  const lettered = words.map((word) => word.replace(/[^a-z]/g, "")).filter((word) => word !== "");
  // One-letter words ("a", "i") are known to every lexicon and say nothing about a message.
  if (lettered.some((word) => word.length >= 2 && knows(word))) return false;
  // The reader folds a stretched letter ("kapannnn" -> "kapan"), so "xxxxx" comes here as "x": one
  // short piece typed over and over is judged on what was typed.
  const typed = cleanTextForStaff(text).toLowerCase().replace(/[^a-z]/g, "");
  if (typed.length >= MIN_LETTERS && repeatsOnePiece(typed)) return true;
  const letters = lettered.join("");
  if (letters.length < MIN_LETTERS) return false;
  const vowels = letters.replace(/[^aeiou]/g, "").length;
  if (vowels / letters.length < MIN_VOWEL_SHARE) return true;
  return lettered.some((word) => hasKeyboardRun(word) || repeatsOnePiece(word));
}

function repeatsOnePiece(letters: string): boolean {
  return /^(.{1,3})\1{2,}$/.test(letters);
}

function hasKeyboardRun(word: string): boolean {
  for (let i = 0; i + 4 <= word.length; i++) if (keyboardRuns.has(word.slice(i, i + 4))) return true;
  return false;
}
