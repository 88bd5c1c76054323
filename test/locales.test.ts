import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readLocaleResources } from "../src/conversation/createTranslator.js";
import { repoRoot } from "./support/createTestApp.js";

function keysOf(value: unknown, prefix = ""): string[] {
  if (value === null || typeof value !== "object") return [prefix];
  return Object.entries(value).flatMap(([k, v]) => keysOf(v, prefix ? `${prefix}.${k}` : k));
}

// i18next's plural forms: English has key_one and key_other, Bahasa Indonesia (no plural) key_other;
// key_zero, where there is one, words a count of 0 ("no warnings"). They count as one key.
const pluralSuffix = /_(zero|one|two|few|many|other)$/;
function keyGroupsOf(tree: unknown): string[] {
  return [...new Set(keysOf(tree).map((key) => key.replace(pluralSuffix, "")))];
}

function placeholders(text: unknown): string[] {
  return [...String(text).matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort();
}

describe("locales", () => {
  const resources = readLocaleResources(join(repoRoot, "locales"));
  const languages = Object.keys(resources);

  it("has Bahasa Indonesia and English", () => {
    expect(languages.sort()).toEqual(["en", "id"]);
  });

  it("has every key in every language, with the same placeholders", () => {
    const [first, ...others] = languages;
    const reference = resources[first!]!;
    for (const language of others) {
      const other = resources[language]!;
      expect(Object.keys(other).sort(), `namespaces of ${language}`).toEqual(Object.keys(reference).sort());
      for (const ns of Object.keys(reference)) {
        const a = keyGroupsOf(reference[ns]).sort();
        const b = keyGroupsOf(other[ns]).sort();
        expect(b.filter((k) => !a.includes(k)), `${language}/${ns}.json keys missing from ${first}`).toEqual([]);
        expect(a.filter((k) => !b.includes(k)), `${first}/${ns}.json keys missing from ${language}`).toEqual([]);
        for (const key of a) {
          // The placeholders of a key's forms together: "{{count}} warning" and "no warnings" are one sentence.
          const forms = (tree: unknown) => keysOf(tree).filter((k) => k.replace(pluralSuffix, "") === key);
          const get = (tree: unknown, path: string) => path.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree);
          const all = (tree: unknown) => [...new Set(forms(tree).flatMap((k) => placeholders(get(tree, k))))].sort();
          expect(all(other[ns]), `${ns}:${key} placeholders`).toEqual(all(reference[ns]));
        }
      }
    }
  });

  it("has the other form of every English singular, so a count of 2 never reads as one", () => {
    for (const [ns, tree] of Object.entries(resources.en!)) {
      const keys = keysOf(tree);
      for (const key of keys.filter((k) => k.endsWith("_one"))) expect(keys, `en/${ns}:${key}`).toContain(key.replace(/_one$/, "_other"));
    }
  });

  it("has no empty text", () => {
    for (const language of languages) {
      for (const [ns, tree] of Object.entries(resources[language]!)) {
        for (const key of keysOf(tree)) {
          const value = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree);
          expect(String(value).trim(), `${language}/${ns}:${key}`).not.toBe("");
        }
      }
    }
  });

  it("has every key the code asks for", () => {
    const used = new Set<string>();
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : e.name.endsWith(".ts") ? [join(dir, e.name)] : []));
    for (const file of walk(join(repoRoot, "src"))) {
      const source = readFileSync(file, "utf8");
      // t("a.b"), text("a.b"), retry("a.b"): literal keys; template keys are checked through their parts elsewhere.
      for (const match of source.matchAll(/\b(?:t|text|retry)\("([a-zA-Z]+(?:\.[a-zA-Z]+)+)"/g)) used.add(match[1]!);
    }
    expect(used.size).toBeGreaterThan(50);
    const keys = new Set(keyGroupsOf(resources.id!.bot));
    expect([...used].filter((key) => !keys.has(key)).sort()).toEqual([]);
  });
});
