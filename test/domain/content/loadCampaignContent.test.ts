import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { createTranslator, readLocaleResources } from "../../../src/conversation/createTranslator.js";
import { describeContentIssue } from "../../../src/domain/content/describeContentIssue.js";
import { loadCampaignContent as loadValues } from "../../../src/domain/content/loadCampaignContent.js";
import { repoRoot } from "../../support/createTestApp.js";

const english = createTranslator(readLocaleResources(join(repoRoot, "locales")), "id").forLanguage("en");

/** The content, its problems worded in English as `relawan content check --lang en` words them. */
async function loadCampaignContent(dir: string) {
  const result = await loadValues(dir);
  return result.status === "ok" ? result : { status: "invalid" as const, problems: result.problems.map((problem) => describeContentIssue(english, "en", problem)) };
}

const dirs: string[] = [];
function copyOfDemo(): string {
  const dir = mkdtempSync(join(tmpdir(), "relawan-content-"));
  dirs.push(dir);
  cpSync(join(repoRoot, "campaign"), dir, { recursive: true });
  return dir;
}
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe("campaign content", () => {
  it("ships a valid, complete and clearly fictional demo campaign", async () => {
    const result = await loadCampaignContent(join(repoRoot, "campaign"));
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    expect(result.content.campaign.campaign.name.id).toContain("DEMO");
    expect(result.content.campaign.profile.body.id).toContain("fiktif");
    expect(result.content.campaign.programmes.length).toBeGreaterThanOrEqual(3);
    expect(result.content.faq.length).toBeGreaterThanOrEqual(15);
  });

  it("names the file and the field of a missing translation", async () => {
    const dir = copyOfDemo();
    const file = join(dir, "campaign.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("    en: Vision\n", ""));
    const result = await loadCampaignContent(dir);
    expect(result).toEqual({ status: "invalid", problems: [`${file}: vision.title.en: missing text in "en" (the campaign's languages are id, en)`] });
  });

  it("names the file and the field of a value of the wrong type", async () => {
    const dir = copyOfDemo();
    const campaignFile = join(dir, "campaign.yaml");
    writeFileSync(campaignFile, readFileSync(campaignFile, "utf8").replace("languages: [id, en]", "languages: id"));
    const result = await loadCampaignContent(dir);
    expect(result.status).toBe("invalid");
    if (result.status !== "invalid") return;
    expect(result.problems.some((p) => p.startsWith(`${campaignFile}: campaign.languages:`))).toBe(true);
  });

  it("reports a duplicate FAQ id and broken YAML with the line", async () => {
    const dir = copyOfDemo();
    const faqFile = join(dir, "faq.yaml");
    const faq = readFileSync(faqFile, "utf8");
    const firstId = /- id: ([a-z0-9-]+)/.exec(faq)![1]!;
    writeFileSync(faqFile, `${faq}\n- id: ${firstId}\n  question: { id: Apa?, en: What? }\n  answer: { id: Ini., en: This. }\n`);
    const duplicate = await loadCampaignContent(dir);
    expect(duplicate.status === "invalid" && duplicate.problems.some((p) => p.includes(`"${firstId}" is used twice`))).toBe(true);

    writeFileSync(faqFile, "- id: x\n  question: [unclosed\n");
    const broken = await loadCampaignContent(dir);
    expect(broken.status === "invalid" && broken.problems[0]).toMatch(new RegExp(`^${faqFile.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: line \\d+ not valid YAML`));
  });

  it("refuses a programme id too long to travel inside a button, naming it", async () => {
    const dir = copyOfDemo();
    const campaignFile = join(dir, "campaign.yaml");
    const text = readFileSync(campaignFile, "utf8");
    const firstId = /programmes:\s*\n\s*- id: ([a-z0-9-]+)/.exec(text)![1]!;
    writeFileSync(campaignFile, text.replace(`- id: ${firstId}`, `- id: ${"program-".repeat(6)}`));
    const result = await loadCampaignContent(dir);
    expect(result.status === "invalid" && result.problems).toEqual([`${campaignFile}: programmes[0].id: at most 40 characters: it travels inside a button`]);
  });
});

describe("campaign content: pages, actions and the lexicon", () => {
  it("names an FAQ entry's page that campaign.yaml does not have, and an entry with no answer at all", async () => {
    const dir = copyOfDemo();
    const file = join(dir, "faq.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("page: programme:air-bersih", "page: programme:air").replace("  page: programme:pemuda\n", ""));
    const result = await loadCampaignContent(dir);
    expect(result.status).toBe("invalid");
    const problems = result.status === "invalid" ? result.problems : [];
    expect(problems.some((p) => p.includes('.page: campaign.yaml has no page "programme:air"'))).toBe(true);
    expect(problems.some((p) => p.includes("needs an answer, or a page of campaign.yaml that answers it"))).toBe(true);
  });

  it("refuses an action it cannot do", async () => {
    const dir = copyOfDemo();
    const file = join(dir, "faq.yaml");
    writeFileSync(file, readFileSync(file, "utf8").replace("action: volunteer", "action: donate"));
    const result = await loadCampaignContent(dir);
    expect(result.status === "invalid" && result.problems.join("\n")).toMatch(/action: Invalid option: expected one of "volunteer"\|"programmes"\|"mydata"\|"handoff"/);
  });

  it("adds a campaign's own lexicon.yaml and the candidate's name to the built-in lexicon", async () => {
    const dir = copyOfDemo();
    writeFileSync(join(dir, "lexicon.yaml"), "spellings:\n  baa: bagaimana\nparticles: [uda, uni]\n");
    const result = await loadCampaignContent(dir);
    expect(result.status).toBe("ok");
    if (result.status !== "ok") return;
    expect(result.content.lexicon.spellings.baa).toBe("bagaimana");
    expect(result.content.lexicon.spellings.gmn).toBe("bagaimana");
    expect(result.content.lexicon.particles).toEqual(expect.arrayContaining(["uda", "uni", "sih", "kak"]));
    expect(result.content.lexicon.candidateWords).toEqual(expect.arrayContaining(["calon", "nusa", "bakti"]));
  });

  it("names the line of a broken lexicon.yaml and a word in the wrong form", async () => {
    const dir = copyOfDemo();
    const file = join(dir, "lexicon.yaml");
    writeFileSync(file, "spellings:\n  Baa: bagaimana\n");
    const result = await loadCampaignContent(dir);
    expect(result.status === "invalid" && result.problems).toEqual([`${file}: spellings.Baa: one word of lowercase letters and digits`]);
  });
});
