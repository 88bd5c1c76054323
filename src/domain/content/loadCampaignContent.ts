// Reads and validates the campaign content files. A mistake comes back as one
// message per problem naming the file and the field, e.g.
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

export type ContentResult = { status: "ok"; content: CampaignContent } | { status: "invalid"; problems: string[] };

export async function loadCampaignContent(dir: string): Promise<ContentResult> {
  // One line for a wrong folder, rather than one per file it should hold.
  const folder = await stat(dir).catch(() => undefined);
  if (!folder?.isDirectory()) {
    return { status: "invalid", problems: [`CONTENT_DIR: ${folder ? `${dir} is a file, not a folder` : `the folder ${dir} does not exist`}. Set CONTENT_DIR to the folder holding campaign.yaml and faq.yaml (without it: ./campaign).`] };
  }
  const problems: string[] = [];
  const campaign = await readYaml(join(dir, "campaign.yaml"), campaignFileSchema, problems);
  const faq = await readYaml(join(dir, "faq.yaml"), faqFileSchema, problems);
  if (!campaign || !faq) return { status: "invalid", problems };

  const languages = campaign.campaign.languages;
  const requireLanguages = (file: string, field: string, text: LocalizedText) => {
    for (const language of languages) {
      if (!text[language]) problems.push(`${file}: ${field}.${language}: missing text in "${language}" (the campaign's languages are ${languages.join(", ")})`);
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
    if (seen.has(entry.id)) problems.push(`${faqFile}: [${i}].id: "${entry.id}" is used twice`);
    seen.add(entry.id);
    requireLanguages(faqFile, `[${i}].question`, entry.question);
    if (entry.page !== undefined && !pages.has(entry.page)) problems.push(`${faqFile}: [${i}].page: campaign.yaml has no page "${entry.page}" (there are ${[...pages].join(", ")})`);
    if (entry.answer !== undefined) requireLanguages(faqFile, `[${i}].answer`, entry.answer);
    else if (entry.page === undefined) problems.push(`${faqFile}: [${i}]: needs an answer, or a page of campaign.yaml that answers it`);
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

async function readYaml<S extends z.ZodType>(path: string, schema: S, problems: string[]): Promise<z.infer<S> | undefined> {
  let raw: string;
  try {
    raw = await readFile(path, "utf8");
  } catch {
    problems.push(`${path}: cannot read the file; CONTENT_DIR must name the folder holding campaign.yaml and faq.yaml`);
    return undefined;
  }
  let data: unknown;
  try {
    data = parseYamlCached(raw);
  } catch (error) {
    const linePos = (error as { linePos?: Array<{ line: number }> }).linePos;
    const where = linePos?.[0] ? ` line ${linePos[0].line}` : "";
    problems.push(`${path}:${where} not valid YAML: ${(error as Error).message.split("\n")[0]}`);
    return undefined;
  }
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  for (const issue of result.error.issues) {
    const field = issue.path.map((p) => (typeof p === "number" ? `[${p}]` : `.${String(p)}`)).join("").replace(/^\./, "");
    // A record's key that fails ("Baa" in spellings) says why only in its own nested issue.
    const message = issue.code === "invalid_key" ? (issue.issues[0]?.message ?? issue.message) : issue.message;
    problems.push(`${path}: ${field || "(top level)"}: ${message}`);
  }
  return undefined;
}
