import { describe, expect, it } from "vitest";
import type { FaqEntryContent } from "../../src/domain/content/contentSchema.js";
import { createFaqMatcher } from "../../src/domain/faq/createFaqMatcher.js";
import { mergeLexicons } from "../../src/domain/faq/mergeLexicons.js";
import { readBuiltInLexicon } from "../../src/domain/faq/readBuiltInLexicon.js";

const entries: FaqEntryContent[] = [
  {
    id: "jadi-relawan",
    question: { id: "Bagaimana cara menjadi relawan?", en: "How do I become a volunteer?" },
    variants: { id: ["Pendaftaran relawan"], en: ["Sign me up to help the campaign"] },
    answer: { id: "Pilih menu Jadi Relawan.", en: "Choose Become a volunteer." },
    action: "volunteer",
  },
  {
    id: "program-kesehatan",
    question: { id: "Apa program kesehatan?", en: "What is the health programme?" },
    variants: { id: ["Berobat gratis di puskesmas"] },
    page: "programme:kesehatan",
  },
  {
    id: "jadwal-debat",
    question: { id: "Kapan jadwal debat?", en: "When is the debate?" },
    variants: {},
    answer: { id: "Ditetapkan KPU.", en: "Set by the KPU." },
  },
  {
    id: "profil",
    question: { id: "Siapa calonnya?", en: "Who is the candidate?" },
    variants: { id: ["Berapa umur calonnya?", "Siapa calon bupati kita?"] },
    page: "profile",
  },
  {
    id: "wakil",
    question: { id: "Siapa calon wakil bupatinya?", en: "Who is the running mate?" },
    variants: { id: ["Siapa pasangan calonnya?"] },
    answer: { id: "Dr. Laras.", en: "Dr. Laras." },
  },
  {
    id: "uang",
    question: { id: "Ada uang kalau memilih?", en: "Do you pay for votes?" },
    variants: { id: ["Dapat amplop berapa?"] },
    answer: { id: "Tidak. Politik uang dilarang.", en: "No. Vote buying is illegal." },
  },
];
const pages = { "programme:kesehatan": { id: "Puskesmas buka 24 jam di setiap kecamatan.", en: "A 24-hour health centre in every district." } };

describe("createFaqMatcher", () => {
  const matcher = createFaqMatcher(entries, { pages });

  it("answers a paraphrase in chat spelling", () => {
    expect(matcher.match("gmn cara jd relawan?", "id")?.faqId).toBe("jadi-relawan");
    expect(matcher.decide("gmn cara jd relawan?", "id")).toMatchObject({ kind: "answer", match: { faqId: "jadi-relawan" } });
  });

  it("forgives typos", () => {
    expect(matcher.match("program kesehtan", "id")?.faqId).toBe("program-kesehatan");
  });

  it("answers English written by someone whose language is Indonesian, and the reverse", () => {
    expect(matcher.match("how to become a volunteer", "id")?.faqId).toBe("jadi-relawan");
    expect(matcher.match("kapan debatnya", "en")?.faqId).toBe("jadwal-debat");
  });

  it("asks for a fuller question when a message says nothing at all", () => {
    for (const text of ["", "   ", "😀", "ya dong", "ok"]) expect(matcher.decide(text, "id"), text).toEqual({ kind: "vague" });
    expect(matcher.rank("", "id")).toEqual([]);
  });

  it("never answers question words alone, in any language or dialect", () => {
    for (const text of ["apa?", "kapan?", "berapa?", "how?", "siapa", "piye", "naon", "gimane"]) {
      expect(matcher.decide(text, "id"), text).toEqual({ kind: "vague" });
    }
  });

  it("offers a choice, never an answer, for one common word alone", () => {
    const decision = matcher.decide("relawan", "id");
    expect(decision.kind).toBe("choose");
    expect(decision.kind === "choose" && decision.options.map((o) => o.faqId)).toEqual(["jadi-relawan"]);
    expect(matcher.match("duit?", "id")).toBeNull();
  });

  it("grows confidence with topical evidence", () => {
    const [common] = matcher.rank("relawan", "id");
    const [specific] = matcher.rank("cara daftar jadi relawan", "id");
    expect(specific!.confidence).toBeGreaterThan(common!.confidence);
    expect(specific!.evidence).toBeGreaterThan(common!.evidence);
  });

  it("admits there is no answer for an unknown or mostly unrelated message", () => {
    expect(matcher.decide("blorp fizzle", "id")).toEqual({ kind: "none" });
    expect(matcher.decide("kapan jadwal kereta api ke surabaya berangkat", "id")).toEqual({ kind: "none" });
    // ...while rank still lists what overlapped.
    expect(matcher.rank("kapan jadwal kereta api ke surabaya berangkat", "id")[0]?.faqId).toBe("jadwal-debat");
  });

  it("tells keyboard mash and line noise from questions in words it does not know", () => {
    for (const text of ["asdfgh", "asdfghjkl", "qwerty uiop", "xkcd zzqp vbnm", "jkjkjkjk", "k#7Q!zp@X", "_G=hM!<{}", "sdfsdf sdfsdf"]) {
      expect(matcher.decide(text, "id"), text).toEqual({ kind: "gibberish" });
    }
    // Unknown words, an English question, a name, another script, chat shorthand, a bidi trick around a word.
    for (const text of ["blorp fizzle", "where is the rally", "Robert", "جدول الحملة", "brp hrg kaos", "\u202Eevil\u202C"]) {
      expect(matcher.decide(text, "id").kind, text).not.toBe("gibberish");
    }
  });

  it("reads 'calon' alone as the candidate, never the running mate", () => {
    expect(matcher.match("siapa sih calonnya", "id")?.faqId).toBe("profil");
    expect(matcher.rank("siapa sih calonnya", "id").map((m) => m.faqId)).not.toContain("wakil");
    expect(matcher.match("wakilnya siapa", "id")?.faqId).toBe("wakil");
  });

  it("never answers a question about the candidate as a person with a programme", () => {
    expect(matcher.match("umurnya brp", "id")?.faqId).toBe("profil");
    // The profile does not say how healthy the candidate is, and the health programme must not answer it.
    expect(matcher.rank("calonnya sehat ga", "id").map((m) => m.faqId)).not.toContain("program-kesehatan");
    expect(matcher.match("program kesehatan calonnya apa", "id")?.faqId).toBe("program-kesehatan");
  });

  it("finds an answer by what its page says, as weaker evidence than a way of asking", () => {
    expect(matcher.rank("puskesmas 24 jam", "id")[0]?.faqId).toBe("program-kesehatan");
  });

  it("ranks best first, respects the limit, and keeps confidence within 0..1", () => {
    const ranked = matcher.rank("program relawan kesehatan debat", "id", 2);
    expect(ranked).toHaveLength(2);
    expect(ranked[0]!.confidence).toBeGreaterThanOrEqual(ranked[1]!.confidence);
    for (const found of matcher.rank("relawan kesehatan debat puskesmas gratis", "id", 10)) {
      expect(found.confidence).toBeGreaterThanOrEqual(0);
      expect(found.confidence).toBeLessThanOrEqual(1);
    }
    expect(matcher.match("Bagaimana cara menjadi relawan?", "id")?.confidence).toBe(1);
  });

  it("lets the caller demand more confidence before answering outright", () => {
    const strict = createFaqMatcher(entries, { answerAt: 0.99 });
    expect(matcher.match("gmn cara jd relawan di desa", "id")?.faqId).toBe("jadi-relawan");
    expect(strict.match("gmn cara jd relawan di desa", "id")).toBeNull();
    expect(strict.decide("gmn cara jd relawan di desa", "id").kind).toBe("choose");
  });

  it("reads a campaign's own words from its lexicon", () => {
    // Minangkabau: "baa caronyo" = "bagaimana caranya".
    const minang = createFaqMatcher(entries, { lexicon: mergeLexicons(readBuiltInLexicon(), { spellings: { baa: "bagaimana", caronyo: "cara" }, particles: ["uda"] }) });
    expect(minang.match("baa caronyo jadi relawan uda", "id")?.faqId).toBe("jadi-relawan");
    expect(matcher.match("baa caronyo jadi relawan uda", "id")).toBeNull();
  });

  it("learns an entry added while running and forgets it when removed", () => {
    const running = createFaqMatcher(entries);
    const mural = { id: "inbox-7", question: { id: "apakah ada lomba mural di Bekasi?" }, variants: {}, answer: { id: "Ada, 5 Desember." } };
    expect(running.match("ada lomba mural di bekasi gak?", "id")).toBeNull();
    running.add(mural);
    expect(running.match("ada lomba mural di bekasi gak?", "id")?.faqId).toBe("inbox-7");
    running.remove("inbox-7");
    running.remove("no-such-entry");
    expect(running.match("ada lomba mural di bekasi gak?", "id")).toBeNull();
    expect(running.match("gmn cara jd relawan?", "id")?.faqId).toBe("jadi-relawan");
  });

  it("learns a variant staff confirmed, and forgets it again, without touching the caller's entries", () => {
    const running = createFaqMatcher(entries);
    expect(running.match("pengen bantu2 tim sukses", "id")).toBeNull();
    running.addVariant("jadi-relawan", "id", "pengen bantu2 tim sukses");
    expect(running.match("pengen bantu2 tim sukses", "id")?.faqId).toBe("jadi-relawan");
    expect(running.entry("jadi-relawan")?.variants.id).toContain("pengen bantu2 tim sukses");
    expect(entries[0]!.variants.id).toEqual(["Pendaftaran relawan"]);
    running.removeVariant("jadi-relawan", "id", "pengen bantu2 tim sukses");
    expect(running.match("pengen bantu2 tim sukses", "id")).toBeNull();
  });
});
