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
  // Per language: its translate function, and the texts without variables it has given (the
  // resources never change after start-up, and every turn's menu asks for the same labels).
  const bound = new Map<string, { t: TFunction; plain: Map<string, string> }>();
  return {
    languages,
    defaultLanguage,
    forLanguage(language) {
      const lng = languages.includes(language) ? language : defaultLanguage;
      let one = bound.get(lng);
      if (!one) bound.set(lng, (one = { t: instance.getFixedT(lng), plain: new Map() }));
      const { t, plain } = one;
      return (key, vars) => {
        if (vars) return String(t(key, vars as never));
        let text = plain.get(key);
        if (text !== undefined) return text;
        text = String(t(key));
        // Keys are the code's own; a cap keeps one made from stored data from growing the map without end.
        if (plain.size < 4096) plain.set(key, text);
        return text;
      };
    },
  };
}
