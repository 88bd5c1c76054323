// The demo FAQ is what a new campaign sees first; keep it complete and plain.
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { describe, expect, it } from "vitest";
import { faqFileSchema } from "../../src/domain/content/contentSchema.js";

const faq = faqFileSchema.parse(parse(readFileSync(new URL("../../campaign/faq.yaml", import.meta.url), "utf8")));

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
        expect(entry.answer[language], `${entry.id} answer.${language}`).toBeTruthy();
        expect(entry.variants[language]?.length ?? 0, `${entry.id} variants.${language}`).toBeGreaterThanOrEqual(3);
      }
    }
  });

  it("keeps answers short and free of markup, since channels format text themselves", () => {
    for (const entry of faq) {
      for (const [language, answer] of Object.entries(entry.answer)) {
        expect(answer.length, `${entry.id}.${language}`).toBeLessThanOrEqual(400);
        expect(answer, `${entry.id}.${language}`).not.toMatch(/[*_`<>[\]#]/);
      }
    }
  });

  it("says the candidate is fictional, and sends voters to the official bodies", () => {
    const answers = (id: string) => Object.values(faq.find((entry) => entry.id === id)?.answer ?? {}).join(" ");
    expect(answers("profil-kandidat")).toMatch(/fiktif/);
    expect(answers("profil-kandidat")).toMatch(/fictional/);
    expect(answers("politik-uang")).toMatch(/Bawaslu/);
    expect(answers("cek-tps")).toMatch(/cekdptonline\.kpu\.go\.id/);
    expect(answers("hari-pemilihan")).toMatch(/KPU/);
    expect(answers("data-pribadi")).toMatch(/\/datasaya.*\/hapusdata/);
    expect(answers("berhenti-pesan")).toMatch(/STOP.*BERHENTI/);
  });
});
