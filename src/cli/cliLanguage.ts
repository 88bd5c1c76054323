// The language a command's report is written in: --lang, else DEFAULT_LANGUAGE, the whole report
// in it (the same sentences as the chat, from locales/).
import { readdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { Option } from "commander";
import type { Config } from "../config.js";
import type { Translate, Translator } from "../conversation/createTranslator.js";

export const localesDir = resolve(dirname(fileURLToPath(import.meta.url)), "../..", "locales");

export function languageOption(): Option {
  return new Option("--lang <language>", "language of the report (default: DEFAULT_LANGUAGE)").choices(readdirSync(localesDir).sort());
}

/** Loads i18next when a command runs, not when `relawan --help` lists it. */
export async function cliTranslate(config: Config, lang: string | undefined): Promise<{ t: Translate; language: string; translator: Translator }> {
  const { createTranslator, readLocaleResources } = await import("../conversation/createTranslator.js");
  const language = lang ?? config.DEFAULT_LANGUAGE;
  const translator = createTranslator(readLocaleResources(localesDir), config.DEFAULT_LANGUAGE);
  return { t: translator.forLanguage(language), language, translator };
}
