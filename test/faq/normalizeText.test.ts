import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readBuiltInLexicon } from "../../src/domain/faq/readBuiltInLexicon.js";
import { normalizeText } from "../../src/domain/faq/normalizeText.js";
import { tokenize } from "../../src/domain/faq/tokenize.js";

const informalSpellings = readBuiltInLexicon().spellings;

describe("normalizeText", () => {
  it("expands chat spellings and abbreviations", () => {
    expect(normalizeText("gmn cara jd relawan?")).toBe("bagaimana cara jadi relawan");
    expect(normalizeText("yg nyalon siapa sih")).toBe("yang mencalonkan siapa sih");
    expect(normalizeText("knp hrs pilih dia")).toBe("mengapa harus pilih dia");
    expect(normalizeText("gw blm tau tps nya dmn")).toBe("saya belum tahu tps nya di mana");
    expect(normalizeText("klo udh daftar, kpn dihubungi?")).toBe("kalau sudah daftar kapan dihubungi");
    expect(normalizeText("whats ur vision")).toBe("what your vision");
  });

  it("maps every way of writing 'no' to tidak", () => {
    for (const no of ["gak", "ga", "nggak", "ngga", "enggak", "gk", "tdk", "tak", "GAK", "gaaak"]) expect(normalizeText(no), no).toBe("tidak");
  });

  it("expands a chat spelling that carries -nya", () => {
    expect(normalizeText("cawabupnya siapa")).toBe("calon wakil bupati siapa");
  });

  it("leaves 'buat' alone, because it means both 'for' and 'make'", () => {
    expect(normalizeText("buat KTP")).toBe("buat ktp");
  });

  it("collapses letters repeated for emphasis but keeps real double letters and numbers", () => {
    expect(normalizeText("bangettt")).toBe("banget");
    expect(normalizeText("pleaseeee helppp")).toBe("please help");
    expect(normalizeText("maaf saat ini")).toBe("maaf saat ini");
    expect(normalizeText("volunteer 2000")).toBe("volunteer 2000");
  });

  it("reads reduplication as the single word", () => {
    expect(normalizeText("apa2 aja")).toBe("apa saja");
    expect(normalizeText("anak-anak sekolah")).toBe("anak sekolah");
    expect(normalizeText("bagi-bagi amplop")).toBe("bagi amplop");
    // A degree is a letter and a digit, not reduplication.
    expect(normalizeText("S2 atau S3")).toBe("s2 atau s3");
  });

  it("drops punctuation and emoji, joins apostrophes, and folds accents and full-width letters", () => {
    expect(normalizeText("Halo!!! 😀👍 Apa kabar???")).toBe("halo apa kabar");
    expect(normalizeText("Jum'at, what’s up")).toBe("jumat what up");
    expect(normalizeText("Café ＴＰＳ")).toBe("cafe tps");
    expect(normalizeText("  \n\t ")).toBe("");
    expect(normalizeText("…!?")).toBe("");
  });

  it("turns thanks into one word so it does not read as 'receive'", () => {
    expect(normalizeText("Terima kasih banyak")).toBe("terimakasih banyak");
    expect(normalizeText("makasih")).toBe("terimakasih");
  });

  it("treats object property names as ordinary words", () => {
    expect(normalizeText("constructor toString __proto__")).toBe("constructor tostring proto");
  });

  it("reads Javanese, Sundanese and Betawi question words as the Indonesian ones", () => {
    expect(normalizeText("piye opo sopo kapan")).toBe("bagaimana apa siapa kapan");
    expect(normalizeText("kumaha naon saha iraha sabaraha")).toBe("bagaimana apa siapa kapan berapa");
    expect(normalizeText("gimane kagak siape berape")).toBe("bagaimana tidak siapa berapa");
  });

  it("reads reduplication with 2, also with an ending glued after it", () => {
    expect(normalizeText("misi2nya cita2 program2")).toBe("misinya cita program");
    expect(normalizeText("janji2ku")).toBe("janjiku");
  });

  it("joins words that mean one thing, and leaves the voter list alone", () => {
    expect(normalizeText("rumah sakit di desa")).toBe("rumahsakit di desa");
    expect(normalizeText("rs jauh")).toBe("rumahsakit jauh");
    expect(normalizeText("cek dpt")).toBe("cek dpt");
  });

  it("keeps question words but drops particles and forms of address when tokenizing", () => {
    expect(tokenize("visinya apa sih kak")).toEqual(["visinya", "apa"]);
    expect(tokenize("pak nusa umurnya brp dong min")).toEqual(["nusa", "umurnya", "berapa"]);
    expect(tokenize("ya dong deh nih")).toEqual([]);
  });

  it("maps only to words that are already normal", () => {
    for (const [words, joined] of Object.entries(readBuiltInLexicon().phrases)) {
      expect(Object.hasOwn(informalSpellings, joined), `${words} -> ${joined} is itself informal`).toBe(false);
    }
    for (const [informal, standard] of Object.entries(informalSpellings)) {
      expect(normalizeText(standard), `${informal} -> ${standard}`).toBe(standard);
      for (const word of standard.split(" ")) expect(Object.hasOwn(informalSpellings, word), `${informal} -> ${word} is itself informal`).toBe(false);
    }
  });

  // Chat-like text: informal words, repeats, hyphens and digits, in any mix with arbitrary Unicode.
  const chatText = fc
    .array(
      fc.oneof(
        fc.constantFrom(...Object.keys(informalSpellings), "terima", "kasih", "-", "2", "aaa", "!!", "nya", " ", "'", "😀"),
        fc.string({ unit: "grapheme" }),
        fc.string({ unit: "binary" }),
      ),
      { maxLength: 12 },
    )
    .chain((parts) => fc.constantFrom(parts.join(""), parts.join(" "), parts.join("-")));

  it("never throws and always yields lowercase ASCII words separated by single spaces", () => {
    fc.assert(
      fc.property(chatText, (text) => {
        expect(normalizeText(text)).toMatch(/^([a-z0-9]+( [a-z0-9]+)*)?$/);
      }),
      { numRuns: 2000 },
    );
  });

  it("is idempotent on its own output", () => {
    fc.assert(
      fc.property(chatText, (text) => {
        const once = normalizeText(text);
        expect(normalizeText(once)).toBe(once);
      }),
      { numRuns: 2000 },
    );
  });
});
