import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { createTranslator, readLocaleResources } from "../../../src/conversation/createTranslator.js";
import { checkCampaignContent as checkValues } from "../../../src/domain/content/checkCampaignContent.js";
import { describeContentIssue } from "../../../src/domain/content/describeContentIssue.js";
import type { CampaignFile, FaqEntryContent } from "../../../src/domain/content/contentSchema.js";
import { loadCampaignContent } from "../../../src/domain/content/loadCampaignContent.js";
import { repoRoot } from "../../support/createTestApp.js";

const english = createTranslator(readLocaleResources(join(repoRoot, "locales")), "id").forLanguage("en");

/** The warnings, each with its sentence in English as `relawan content check --lang en` words it. */
function checkCampaignContent(...args: Parameters<typeof checkValues>) {
  return checkValues(...args).map(({ params, ...warning }) => ({ ...warning, message: describeContentIssue(english, "en", { ...warning, params }) }));
}

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** The demo content, changed the way a campaign might get it wrong. */
async function demoWith(change: (files: { campaign: CampaignFile; faq: FaqEntryContent[] }) => void) {
  const dir = mkdtempSync(join(tmpdir(), "relawan-check-"));
  dirs.push(dir);
  cpSync(join(repoRoot, "campaign"), dir, { recursive: true });
  const files = {
    campaign: parse(readFileSync(join(dir, "campaign.yaml"), "utf8")) as CampaignFile,
    faq: parse(readFileSync(join(dir, "faq.yaml"), "utf8")) as FaqEntryContent[],
  };
  change(files);
  writeFileSync(join(dir, "campaign.yaml"), stringify(files.campaign));
  writeFileSync(join(dir, "faq.yaml"), stringify(files.faq));
  const loaded = await loadCampaignContent(dir);
  if (loaded.status !== "ok") throw new Error(JSON.stringify(loaded.problems));
  return loaded.content;
}

describe("checkCampaignContent", () => {
  it("finds nothing to say about the demo campaign", async () => {
    const loaded = await loadCampaignContent(join(repoRoot, "campaign"));
    expect(loaded.status === "ok" && checkCampaignContent(loaded.content, ["id", "en"])).toEqual([]);
  });

  it("reports an FAQ that answers a page's subject with other facts: the old demo's four missions against five", async () => {
    const content = await demoWith(({ campaign, faq }) => {
      campaign.mission.body.id = "1. Kesehatan.\n2. Pendidikan.\n3. Ekonomi.\n4. Pemerintahan terbuka.";
      const misi = faq.find((entry) => entry.id === "misi")!;
      delete misi.page;
      misi.answer = { id: "Misi kami ada lima: kesehatan, pendidikan, ekonomi, jalan, dan pemerintahan terbuka.", en: "Our mission has five parts." };
    });
    const warnings = checkCampaignContent(content, ["id", "en"]);
    expect(warnings).toContainEqual({
      kind: "differs_from_page",
      file: "faq.yaml",
      message: 'faq.yaml: misi (id) answers what campaign.yaml\'s mission page answers, but says "5", which the page does not; answer it from the page ("page: mission") so the two cannot disagree',
    });
  });

  it("reports the old demo's teacher against midwife: the profile's years differ", async () => {
    const content = await demoWith(({ campaign, faq }) => {
      campaign.profile.body.id = "Nusa Bakti adalah tokoh fiktif. Pernah menjadi bidan desa, lalu memimpin koperasi tani selama 12 tahun.";
      const profile = faq.find((entry) => entry.id === "profil-kandidat")!;
      delete profile.page;
      profile.answer = { id: "Nusa Bakti fiktif; 20 tahun menjadi guru SMA.", en: "Fictional; taught high school for 20 years." };
    });
    const messages = checkCampaignContent(content, ["id", "en"]).map((w) => w.message);
    expect(messages.some((m) => m.startsWith("faq.yaml: profil-kandidat (id)") && m.includes('"20", "SMA"'))).toBe(true);
  });

  it("reports a programme no typed question reaches, and a language the bot has no sentences in", async () => {
    const content = await demoWith(({ campaign, faq }) => {
      campaign.programmes.push({ id: "nelayan", title: { id: "Nelayan Sejahtera", en: "Fishers" }, body: { id: "Mesin kapal.", en: "Boat engines." } });
      faq.find((entry) => entry.id === "jadi-relawan")!.variants.en = [];
    });
    const warnings = checkCampaignContent(content, ["id"]);
    expect(warnings.map((w) => w.kind)).toEqual(["missing_locale", "missing_variants", "programme_without_phrasings"]);
    expect(warnings[0]!.message).toContain('locales/en/: the campaign speaks "en"');
    expect(warnings[1]!.message).toBe('faq.yaml: jadi-relawan: no variants in "en", so only its question finds it when people write in that language');
    expect(warnings[2]!.message).toContain('no entry has "page: programme:nelayan"');
  });
});
