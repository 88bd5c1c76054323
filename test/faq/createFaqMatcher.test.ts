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
    for (const text of ["asdfgh", "asdfghjkl", "qwerty uiop", "xkcd zzqp vbnm", "jkjkjkjk", "k#7Q!zp@X", "_G=hM!<{}", "sdfsdf sdfsdf", "xxxxx", "zzzzzzzz", "x x x x x"]) {
      expect(matcher.decide(text, "id"), text).toEqual({ kind: "gibberish" });
    }
    // Unknown words, an English question, a name, another script, chat shorthand, a bidi trick around a word.
    for (const text of ["blorp fizzle", "where is the rally", "Robert", "جدول الحملة", "brp hrg kaos", "\u202Eevil\u202C", "kapannnn debat?", "hmmmmm", "Zaza"]) {
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

describe("createFaqMatcher on off-topic messages", () => {
  const offTopicEntries: FaqEntryContent[] = [
    {
      id: "jadwal-debat",
      question: { id: "Kapan jadwal debat calon?", en: "When is the debate?" },
      variants: { id: ["Bisa nonton debat di tv?"], en: ["Where can I watch the debate on tv?"] },
      answer: { id: "Ditetapkan KPU.", en: "Set by the KPU." },
    },
    {
      id: "program-pemuda",
      question: { id: "Apa program untuk anak muda?" },
      variants: {},
      page: "programme:pemuda",
    },
    {
      id: "program-umkm",
      question: { id: "Bagaimana meningkatkan ekonomi warga?" },
      variants: { id: ["Ceritakan program untuk pedagang sawah"] },
      answer: { id: "Modal bergulir untuk pedagang." },
    },
    {
      id: "alasan-memilih",
      question: { id: "Kenapa harus pilih calon nomor ini?" },
      variants: {},
      answer: { id: "Keputusan Anda." },
    },
    {
      id: "profil",
      question: { id: "Siapa calonnya?" },
      variants: { id: ["Berapa umur calonnya, sudah punya istri?"] },
      answer: { id: "Nusa Bakti." },
    },
  ];
  const offTopicPages = { "programme:pemuda": { id: "Lapangan bola dan balai latihan kerja di setiap desa." } };
  const matcher = createFaqMatcher(offTopicEntries, { pages: offTopicPages });
  const offered = (text: string) => matcher.rank(text, "id", 6).map((m) => m.faqId);

  it("gives the honest fallback to a subject campaigns do not answer, whatever word it shares with an FAQ", () => {
    expect(matcher.decide("nonton bola di tv dmn", "id")).toEqual({ kind: "none" });
    expect(matcher.decide("where can i watch football on tv", "en")).toEqual({ kind: "none" });
    expect(offered("nonton bola di tv dmn")).not.toContain("jadwal-debat");
    // Without the sport word it is the debate.
    expect(matcher.match("nonton debat di tv dmn", "id")?.faqId).toBe("jadwal-debat");
  });

  it("lets an FAQ answer an off-topic word that its own phrasings or answer say", () => {
    // The youth programme's page speaks of football pitches.
    expect(offered("lapangan bola buat pemuda")).toContain("program-pemuda");
    const ownWords = createFaqMatcher(offTopicEntries, { pages: offTopicPages, lexicon: mergeLexicons(readBuiltInLexicon(), { offTopicWords: ["sawah"] }) });
    expect(ownWords.rank("pedagang sawah", "id").map((m) => m.faqId)).toContain("program-umkm");
    expect(ownWords.rank("ekonomi sawah", "id").map((m) => m.faqId)).toContain("program-umkm");
    // A campaign's own off-topic word keeps the FAQs that do not say it away.
    expect(ownWords.rank("kenapa pilih calon sawah", "id").map((m) => m.faqId)).not.toContain("alasan-memilih");
  });

  it("counts one root once: 'ceritain cerita' is one piece of evidence", () => {
    const [twice] = matcher.rank("ceritain cerita pasar", "id");
    const [once] = matcher.rank("cerita pasar", "id");
    expect(twice?.evidence).toBe(once?.evidence);
    expect(twice?.confidence).toBeCloseTo(once!.confidence, 6);
  });

  it("reads a word spelled right as itself, not as a typo of another word", () => {
    // "harga" is one letter from "warga", "daging" one from "pedagang"'s root.
    expect(offered("harga daging")).toEqual([]);
    expect(offered("ekonomi wargaa")).toContain("program-umkm");
  });

  it("answers a personal question about a candidate only with an FAQ about the person", () => {
    expect(offered("calon nomor 3 punya istri dua ya")).not.toContain("alasan-memilih");
    expect(offered("calon nomor 3 punya istri dua ya")).toContain("profil");
    expect(matcher.match("kenapa harus pilih calon nomor 3", "id")?.faqId).toBe("alasan-memilih");
  });
});
