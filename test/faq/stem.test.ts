import { describe, expect, it } from "vitest";
import { stem } from "../../src/domain/faq/stem.js";
import { stripEnglishSuffix } from "../../src/domain/faq/stripEnglishSuffix.js";

describe("stem", () => {
  it("reduces Indonesian words to their Sastrawi root", () => {
    expect(stem("pendidikan", "id")).toBe("didik");
    expect(stem("kesehatan", "id")).toBe("sehat");
    expect(stem("memilih", "id")).toBe("pilih");
    expect(stem("pemilihan", "id")).toBe("pilih");
  });

  it("keeps campaign words Sastrawi would mangle", () => {
    // Plain sastrawijs gives "awan" (cloud) and "ilu".
    expect(stem("relawan", "id")).toBe("relawan");
    expect(stem("relawannya", "id")).toBe("relawan");
    expect(stem("pemilu", "id")).toBe("pemilu");
  });

  it("finds the root of colloquial ny-/ng-/nge-/-in verbs", () => {
    expect(stem("nyoblos", "id")).toBe("coblos");
    expect(stem("nyoblosnya", "id")).toBe("coblos");
    expect(stem("nyumbang", "id")).toBe("sumbang");
    expect(stem("ngobrol", "id")).toBe("obrol");
    expect(stem("ngecek", "id")).toBe("cek");
    expect(stem("biayain", "id")).toBe("biaya");
  });

  it("leaves words with no known root as they are", () => {
    expect(stem("kesehtan", "id")).toBe("kesehtan");
    expect(stem("asdfgh", "id")).toBe("asdfgh");
  });

  it("strips English suffixes so inflections meet", () => {
    for (const word of ["vote", "votes", "voting", "voted"]) expect(stem(word, "en"), word).toBe("vot");
    expect(stem("volunteers", "en")).toBe(stem("volunteer", "en"));
    expect(stem("studies", "en")).toBe(stem("study", "en"));
    expect(stem("running", "en")).toBe("run");
    expect(stripEnglishSuffix("bus")).toBe("bus");
  });

  it("matches other languages as written", () => {
    expect(stem("pemilihan", "jv")).toBe("pemilihan");
  });
});
