import { createFaqMatcher } from "../faq/createFaqMatcher.js";
import type { CampaignContent, FaqEntryContent, LocalizedText } from "./contentSchema.js";
import { listCampaignPages, type CampaignPage } from "./listCampaignPages.js";

export interface ContentWarning {
  kind: "differs_from_page" | "programme_without_phrasings" | "missing_locale" | "missing_variants";
  /** The file staff edit to fix it. */
  file: "campaign.yaml" | "faq.yaml" | "locales";
  /** What describeContentIssue words in the reader's language. */
  params: Record<string, unknown>;
}

// Number words a text may use instead of digits ("Misi kami ada lima"). Not "satu"/"one": they
// mostly mean "a" ("one ambulance for every village").
const numberWords: Record<string, number> = {
  dua: 2, tiga: 3, empat: 4, lima: 5, enam: 6, tujuh: 7, delapan: 8, sembilan: 9, sepuluh: 10,
  two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
};

/**
 * What can be told about content that loads but may mislead voters: an FAQ answering what a page
 * of campaign.yaml also answers, with facts (numbers, names) the page does not have; a programme
 * no typed question can reach; a language of the campaign the bot has no sentences in, or no
 * ways of asking in. Valid content only: load errors are loadCampaignContent's.
 */
export function checkCampaignContent(content: CampaignContent, botLanguages: readonly string[]): ContentWarning[] {
  const { campaign, faq } = content;
  const languages = campaign.campaign.languages;
  const pages = listCampaignPages(campaign);
  const warnings: ContentWarning[] = [];

  for (const language of languages) {
    if (!botLanguages.includes(language)) {
      warnings.push({ kind: "missing_locale", file: "locales", params: { language, fallback: botLanguages[0] ?? "?" } });
    }
  }
  for (const entry of faq) {
    for (const language of languages) {
      if ((entry.variants[language] ?? []).length === 0) {
        warnings.push({ kind: "missing_variants", file: "faq.yaml", params: { id: entry.id, language } });
      }
    }
  }

  const reached = new Set(faq.flatMap((entry) => (entry.page ? [entry.page] : [])));
  for (const page of pages.filter((p) => p.key.startsWith("programme:") && !reached.has(p.key))) {
    warnings.push({
      kind: "programme_without_phrasings",
      file: "faq.yaml",
      params: { page: page.key, title: firstText(page.title) },
    });
  }

  // Which page an entry with its own answer is about: its question, looked up among the pages'
  // titles (not their bodies, which mention much besides their subject).
  const pageMatcher = createFaqMatcher(
    pages.map((page) => ({ id: page.key, question: page.title, variants: {} })),
    { lexicon: content.lexicon },
  );
  for (const entry of faq.filter((e) => e.answer !== undefined)) {
    const page = pageOf(entry, pageMatcher, pages, languages);
    if (!page) continue;
    for (const language of languages) {
      const answer = entry.answer?.[language];
      const body = page.body[language];
      if (answer === undefined || body === undefined) continue;
      const missing = factsOf(answer).filter((fact) => !factsOf(body, true).includes(fact));
      if (missing.length > 0) {
        warnings.push({
          kind: "differs_from_page",
          file: "faq.yaml",
          params: { id: entry.id, language, page: page.key, facts: missing },
        });
      }
    }
  }
  return warnings;
}

function pageOf(entry: FaqEntryContent, matcher: ReturnType<typeof createFaqMatcher>, pages: CampaignPage[], languages: readonly string[]): CampaignPage | undefined {
  for (const language of languages) {
    const question = entry.question[language];
    if (question === undefined) continue;
    const decision = matcher.decide(question, language);
    if (decision.kind === "answer") return pages.find((page) => page.key === decision.match.faqId);
  }
  return undefined;
}

/**
 * The facts of a text that must agree with a page: numbers (as digits or words: "20 tahun",
 * "lima misi") and acronyms ("SMA", "KPU"). With `counting`, a numbered list also states how
 * many items it has.
 */
function factsOf(text: string, counting = false): string[] {
  const facts = new Set<string>();
  for (const match of text.matchAll(/\d+(?:[.,]\d+)*/g)) facts.add(match[0].replace(/[.,]/g, ""));
  for (const word of text.match(/\p{L}+/gu) ?? []) {
    const number = numberWords[word.toLowerCase()];
    if (number !== undefined) facts.add(String(number));
    if (/^\p{Lu}{2,}$/u.test(word)) facts.add(word);
  }
  if (counting) {
    const items = text.split("\n").filter((line) => /^\s*\d+[.)]\s/.test(line)).length;
    if (items > 0) facts.add(String(items));
  }
  return [...facts];
}

function firstText(text: LocalizedText): string {
  return Object.values(text)[0] ?? "";
}
