// All text a person reads comes from locales/<lng>/*.json through i18next, so
// every channel says the same thing. Adapters escape; i18next must not.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import i18next, { type TFunction } from "i18next";

export type Translate = (key: string, vars?: Record<string, unknown>) => string;

export interface Translator {
  languages: string[];
  defaultLanguage: string;
  /** A translate function bound to one language, falling back to the default. */
  forLanguage(language: string): Translate;
}

export type LocaleResources = Record<string, Record<string, Record<string, unknown>>>;

/** Reads locales/<lng>/<namespace>.json into i18next's resource shape. */
export function readLocaleResources(localesDir: string): LocaleResources {
  const resources: LocaleResources = {};
  for (const language of readdirSync(localesDir)) {
    const namespaces: Record<string, Record<string, unknown>> = {};
    for (const file of readdirSync(join(localesDir, language)).filter((f) => f.endsWith(".json"))) {
      namespaces[file.replace(/\.json$/, "")] = JSON.parse(readFileSync(join(localesDir, language, file), "utf8"));
    }
    resources[language] = namespaces;
  }
  return resources;
}

export function createTranslator(resources: LocaleResources, defaultLanguage: string): Translator {
  const instance = i18next.createInstance();
  const namespaces = Object.keys(resources[defaultLanguage] ?? {});
  void instance.init({
    resources,
    lng: defaultLanguage,
    fallbackLng: defaultLanguage,
    ns: namespaces,
    defaultNS: "bot",
    initAsync: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
  // The default language comes first wherever languages are listed (e.g. the language choice).
  const languages = [defaultLanguage, ...Object.keys(resources).filter((l) => l !== defaultLanguage).sort()];
  const bound = new Map<string, TFunction>();
  return {
    languages,
    defaultLanguage,
    forLanguage(language) {
      const lng = languages.includes(language) ? language : defaultLanguage;
      let t = bound.get(lng);
      if (!t) {
        t = instance.getFixedT(lng);
        bound.set(lng, t);
      }
      const fixed = t;
      return (key, vars) => String(fixed(key, vars as never));
    },
  };
}
