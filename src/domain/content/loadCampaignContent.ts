// Reads and validates the campaign content files. A mistake comes back as one
// problem per mistake naming the file and the field, as a value (kind and params) that
// describeContentIssue words in the reader's language, e.g.
// "campaign/faq.yaml: [3].answer.en: expected string".
import { existsSync } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { join } from "node:path";
import type { z } from "zod";
import { lexiconFileSchema } from "../faq/lexiconSchema.js";
import { mergeLexicons } from "../faq/mergeLexicons.js";
import { normalizeText } from "../faq/normalizeText.js";
import { readBuiltInLexicon } from "../faq/readBuiltInLexicon.js";
import { listCampaignPages } from "./listCampaignPages.js";
import { parseYamlCached } from "./parseYamlCached.js";
import { campaignFileSchema, faqFileSchema, type CampaignContent, type LocalizedText } from "./contentSchema.js";

export interface ContentProblem {
  kind: "no_folder" | "not_a_folder" | "missing_text" | "duplicate_id" | "unknown_page" | "needs_answer" | "unreadable" | "invalid_yaml" | "invalid_field";
  params: Record<string, unknown>;
}

export type ContentResult = { status: "ok"; content: CampaignContent } | { status: "invalid"; problems: ContentProblem[] };

export async function loadCampaignContent(dir: string): Promise<ContentResult> {
  // One line for a wrong folder, rather than one per file it should hold.
  const folder = await stat(dir).catch(() => undefined);
  if (!folder?.isDirectory()) {
    return { status: "invalid", problems: [{ kind: folder ? "not_a_folder" : "no_folder", params: { dir } }] };
  }
  const problems: ContentProblem[] = [];
  const campaign = await readYaml(join(dir, "campaign.yaml"), campaignFileSchema, problems);
  const faq = await readYaml(join(dir, "faq.yaml"), faqFileSchema, problems);
  if (!campaign || !faq) return { status: "invalid", problems };

  const languages = campaign.campaign.languages;
  const requireLanguages = (file: string, field: string, text: LocalizedText) => {
    for (const language of languages) {
      if (!text[language]) problems.push({ kind: "missing_text", params: { file, field: `${field}.${language}`, language, languages: languages.join(", ") } });
    }
  };
  const campaignFile = join(dir, "campaign.yaml");
  requireLanguages(campaignFile, "campaign.name", campaign.campaign.name);
  for (const key of ["profile", "vision", "mission"] as const) {
    requireLanguages(campaignFile, `${key}.title`, campaign[key].title);
    requireLanguages(campaignFile, `${key}.body`, campaign[key].body);
  }
  campaign.programmes.forEach((p, i) => {
    requireLanguages(campaignFile, `programmes[${i}].title`, p.title);
    requireLanguages(campaignFile, `programmes[${i}].body`, p.body);
  });
  campaign.interests.forEach((p, i) => requireLanguages(campaignFile, `interests[${i}].label`, p.label));
  const faqFile = join(dir, "faq.yaml");
  const seen = new Set<string>();
  const pages = new Set(listCampaignPages(campaign).map((page) => page.key));
  faq.forEach((entry, i) => {
    if (seen.has(entry.id)) problems.push({ kind: "duplicate_id", params: { file: faqFile, field: `[${i}].id`, id: entry.id } });
    seen.add(entry.id);
    requireLanguages(faqFile, `[${i}].question`, entry.question);
    if (entry.page !== undefined && !pages.has(entry.page)) problems.push({ kind: "unknown_page", params: { file: faqFile, field: `[${i}].page`, page: entry.page, pages: [...pages].join(", ") } });
    if (entry.answer !== undefined) requireLanguages(faqFile, `[${i}].answer`, entry.answer);
    else if (entry.page === undefined) problems.push({ kind: "needs_answer", params: { file: faqFile, field: `[${i}]` } });
  });
  // Optional: a campaign adds its region's words to the built-in lexicon.
  const lexiconFile = join(dir, "lexicon.yaml");
  const ownLexicon = existsSync(lexiconFile) ? await readYaml(lexiconFile, lexiconFileSchema, problems) : lexiconFileSchema.parse({});
  if (problems.length > 0 || ownLexicon === undefined) return { status: "invalid", problems };
  // The candidate's name is how people most often say whom they mean.
  const nameWords = normalizeText(campaign.campaign.candidate).split(" ").filter((word) => word !== "");
  const lexicon = mergeLexicons(readBuiltInLexicon(), { ...ownLexicon, candidateWords: [...ownLexicon.candidateWords, ...nameWords] });
  return { status: "ok", content: { campaign, faq, lexicon } };
}

async function readYaml<S extends z.ZodType>(path: string, schema: S, problems: ContentProblem[]): Promise<z.infer<S> | undefined> {
  let raw: string;
  try {
    raw = await readFile(path, "utf8");
  } catch {
    problems.push({ kind: "unreadable", params: { file: path } });
    return undefined;
  }
  let data: unknown;
  try {
    data = parseYamlCached(raw);
  } catch (error) {
    const linePos = (error as { linePos?: Array<{ line: number }> }).linePos;
    // The YAML parser's own reason stays in English: it quotes the text around the mistake.
    problems.push({ kind: "invalid_yaml", params: { file: path, line: linePos?.[0]?.line ?? "?", reason: (error as Error).message.split("\n")[0] } });
    return undefined;
  }
  // With its input, an issue can be worded again in another language (describeContentIssue).
  const result = schema.safeParse(data, { reportInput: true });
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const field = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "");
    // A record's key that fails ("Baa" in spellings) says why only in its own nested issue.
    const cause = issue.code === "invalid_key" ? (issue.issues[0] ?? issue) : issue;
    problems.push({ kind: "invalid_field", params: { file: path, field, issue: cause } });
  }
  return undefined;
}
