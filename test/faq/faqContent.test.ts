// The demo FAQ is what a new campaign sees first; keep it complete, plain and telling one story.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { campaignFileSchema, faqFileSchema, type FaqEntryContent } from "../../src/domain/content/contentSchema.js";

const read = (file: string) => parse(readFileSync(new URL(`../../campaign/${file}`, import.meta.url), "utf8")) as unknown;
const faq = faqFileSchema.parse(read("faq.yaml"));
const campaign = campaignFileSchema.parse(read("campaign.yaml"));

/** What a typed question gets in each language: the entry's answer, or the page it names. */
function answersOf(entry: FaqEntryContent): Record<string, string> {
  if (entry.answer) return entry.answer;
  const key = entry.page ?? "";
  const page = key.startsWith("programme:") ? campaign.programmes.find((p) => `programme:${p.id}` === key) : campaign[key as "profile" | "vision" | "mission"];
  return page?.body ?? {};
}

describe("campaign/faq.yaml", () => {
  it("has unique ids and 18 to 22 entries", () => {
    expect(new Set(faq.map((entry) => entry.id)).size).toBe(faq.length);
    expect(faq.length).toBeGreaterThanOrEqual(18);
    expect(faq.length).toBeLessThanOrEqual(22);
  });

  it("asks and answers every entry in Indonesian and English, with several variants in each", () => {
    for (const entry of faq) {
      for (const language of ["id", "en"]) {
        expect(entry.question[language], `${entry.id} question.${language}`).toBeTruthy();
        expect(answersOf(entry)[language], `${entry.id} answer.${language}`).toBeTruthy();
        expect(entry.variants[language]?.length ?? 0, `${entry.id} variants.${language}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it("answers the candidate's profile, vision, mission and every programme from campaign.yaml, never a copy", () => {
    const pages = faq.flatMap((entry) => (entry.page ? [entry.page] : []));
    for (const key of ["profile", "vision", "mission", ...campaign.programmes.map((p) => `programme:${p.id}`)]) expect(pages, key).toContain(key);
    for (const entry of faq.filter((e) => e.page)) expect(entry.answer, `${entry.id} has a page and an answer of its own`).toBeUndefined();
  });

  it("tells one story: five missions, the teacher who led a village, no midwife", () => {
    const mission = campaign.mission.body;
    for (const text of Object.values(mission)) expect(text.split("\n").filter((line) => /^\d+\./.test(line))).toHaveLength(5);
    const everything = JSON.stringify([campaign, faq]);
    expect(everything).not.toMatch(/bidan desa|village midwife|Kesehatan Masyarakat|Public Health/);
    expect(campaign.profile.body.id).toMatch(/guru matematika/);
    expect(answersOf(faq.find((e) => e.id === "pendidikan-kandidat")!).id).toMatch(/Pendidikan Matematika/);
    expect(campaign.profile.body.id).toMatch(/Pendidikan Matematika/);
  });

  it("keeps answers short and free of markup, since channels format text themselves", () => {
    for (const entry of faq) {
      for (const [language, answer] of Object.entries(entry.answer ?? {})) {
        expect(answer.length, `${entry.id}.${language}`).toBeLessThanOrEqual(400);
        expect(answer, `${entry.id}.${language}`).not.toMatch(/[*_`<>[\]#]/);
      }
    }
  });

  it("says the candidate is fictional, and sends voters to the official bodies", () => {
    const answers = (id: string) => Object.values(answersOf(faq.find((entry) => entry.id === id)!)).join(" ");
    expect(answers("profil-kandidat")).toMatch(/fiktif/);
    expect(answers("profil-kandidat")).toMatch(/fictional/);
    expect(answers("politik-uang")).toMatch(/Bawaslu/);
    expect(answers("cek-tps")).toMatch(/cekdptonline\.kpu\.go\.id/);
    expect(answers("hari-pemilihan")).toMatch(/KPU/);
    expect(answers("data-pribadi")).toMatch(/\/datasaya.*\/hapusdata/);
    expect(answers("berhenti-pesan")).toMatch(/STOP.*BERHENTI/);
  });

  it("offers the act a question is about: signing up, the person's data, the team, the programmes", () => {
    const actionOf = (id: string) => faq.find((entry) => entry.id === id)?.action;
    expect(actionOf("jadi-relawan")).toBe("volunteer");
    expect(actionOf("data-pribadi")).toBe("mydata");
    expect(actionOf("hubungi-tim")).toBe("handoff");
    expect(actionOf("misi")).toBe("programmes");
  });
});
