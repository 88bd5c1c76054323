import fc from "fast-check";
import { getDistricts, getRegencies } from "idn-area-data";
import { beforeAll, describe, expect, it } from "vitest";
import { createRegionLookup } from "../../src/domain/regions/createRegionLookup.js";
import { formatRegionName } from "../../src/domain/regions/formatRegionName.js";
import { loadRegions } from "../../src/domain/regions/loadRegions.js";
import { measureEditDistance } from "../../src/domain/regions/measureEditDistance.js";
import { regionTags } from "../../src/domain/regions/regionTags.js";
import { resolveRegionNames, type RegionNames } from "../../src/domain/regions/resolveRegionNames.js";
import type { RegionDirectory, RegionLookup } from "../../src/domain/regions/types.js";

// Codes from node_modules/idn-area-data/data/*.csv (idn-area-data 3.1.2).
const KAB_BANDUNG = "32.04";
const KAB_BANDUNG_BARAT = "32.17";
const KOTA_BANDUNG = "32.73";
const JAKARTA_SELATAN = "31.74";
const SURABAYA = "35.78";
const MAKASSAR = "73.71";
const KOTA_YOGYAKARTA = "34.71";
const SURAKARTA = "33.72";
const CIMENYAN = "32.04.06";
const COBLONG = "32.73.02";

let regions: RegionDirectory;
beforeAll(async () => {
  regions = await loadRegions();
});

const codesFor = (query: string, limit?: number) => regions.searchRegencies(query, limit).map((match) => match.code);

describe("loadRegions", () => {
  it("loads once and shares the directory", () => {
    expect(loadRegions()).toBe(loadRegions());
  });

  it("holds every regency and district from idn-area-data, and no villages", async () => {
    const [regencies, districts] = await Promise.all([getRegencies({ transform: true }), getDistricts({ transform: true })]);
    expect(regencies.length).toBeGreaterThan(500);
    expect(districts.length).toBeGreaterThan(7000);
    // Collected rather than asserted row by row: 7,000 expect() calls would dominate the run.
    const missing = [
      ...regencies.filter((row) => regions.get(row.code)?.parentCode !== row.provinceCode || regions.get(row.code)?.level !== "regency"),
      ...districts.filter((row) => regions.get(row.code)?.parentCode !== row.regencyCode || regions.get(row.code)?.name !== row.name),
    ];
    expect(missing).toEqual([]);
    expect(regions.get("11.01.01.2001")).toBeUndefined();
  });

  it("gives provinces and regencies title-case display names", () => {
    expect(regions.get(KOTA_BANDUNG)).toEqual({ code: KOTA_BANDUNG, name: "Kota Bandung", level: "regency", parentCode: "32" });
    expect(regions.get(KAB_BANDUNG_BARAT)?.name).toBe("Kabupaten Bandung Barat");
    expect(regions.get(JAKARTA_SELATAN)?.name).toBe("Kota Administrasi Jakarta Selatan");
    expect(regions.get("31")).toEqual({ code: "31", name: "DKI Jakarta", level: "province", parentCode: null });
    expect(regions.get("34")?.name).toBe("Daerah Istimewa Yogyakarta");
    expect(regions.get(CIMENYAN)).toEqual({ code: CIMENYAN, name: "Cimenyan", level: "district", parentCode: KAB_BANDUNG });
  });
});

describe("formatRegionName", () => {
  it.each([
    ["KABUPATEN BANDUNG BARAT", "Kabupaten Bandung Barat"],
    ["KOTA ADM. JAKARTA SELATAN", "Kota Adm. Jakarta Selatan"],
    ["DKI JAKARTA", "DKI Jakarta"],
    ["KEPULAUAN BANGKA BELITUNG", "Kepulauan Bangka Belitung"],
    ["  KOTA   BAUBAU ", "Kota Baubau"],
    ["KABUPATEN TOLI-TOLI", "Kabupaten Toli-Toli"],
  ])("%j -> %j", (raw, display) => {
    expect(formatRegionName(raw)).toBe(display);
  });
});

describe("searchRegencies", () => {
  it("offers both Bandungs for 'bandung', exact names before Bandung Barat", () => {
    const matches = regions.searchRegencies("bandung");
    expect(matches.slice(0, 2).map((m) => m.code).sort()).toEqual([KAB_BANDUNG, KOTA_BANDUNG]);
    expect(matches[2]?.code).toBe(KAB_BANDUNG_BARAT);
    expect(matches[0]!.score).toBe(matches[1]!.score);
    expect(matches[1]!.score).toBeGreaterThan(matches[2]!.score);
    expect(matches[0]).toMatchObject({ label: "Kabupaten Bandung, Jawa Barat", level: "regency", parentCode: "32" });
  });

  it.each([
    ["kab bandung", KAB_BANDUNG],
    ["kab. bandung", KAB_BANDUNG],
    ["Kabupaten Bandung", KAB_BANDUNG],
    ["kota bandung", KOTA_BANDUNG],
    ["Kota Bandung", KOTA_BANDUNG],
    ["bandung kota", KOTA_BANDUNG],
    ["kota bdg", KOTA_BANDUNG],
    ["bandung barat", KAB_BANDUNG_BARAT],
    ["jaksel", JAKARTA_SELATAN],
    ["JAKSEL", JAKARTA_SELATAN],
    ["jakarta selatan", JAKARTA_SELATAN],
    ["Jakarta-Selatan", JAKARTA_SELATAN],
    ["kota adm. jakarta selatan", JAKARTA_SELATAN],
    ["jakpus", "31.71"],
    ["jaktim", "31.75"],
    ["surabaya", SURABAYA],
    ["Surabaya ", SURABAYA],
    ["surabya", SURABAYA],
    ["makasar", MAKASSAR],
    ["makassar", MAKASSAR],
    ["jogja", KOTA_YOGYAKARTA],
    ["yogya", KOTA_YOGYAKARTA],
    ["Yogyakarta", KOTA_YOGYAKARTA],
    ["solo", SURAKARTA],
    ["surakarta", SURAKARTA],
    ["sleman", "34.04"],
    ["tangsel", "36.74"],
    ["lima puluh kota", "13.07"],
    ["kota baru", "63.02"],
    ["kepulauan seribu", "31.01"],
    ["bandung, jawa barat", KAB_BANDUNG],
    ["sorong selatan", "96.02"],
  ])("%j -> %s first", (query, code) => {
    expect(codesFor(query)[0]).toBe(code);
  });

  it("ranks by the level word typed", () => {
    expect(codesFor("kota bandung").slice(0, 2)).toEqual([KOTA_BANDUNG, KAB_BANDUNG]);
    expect(codesFor("kab bandung").slice(0, 2)).toEqual([KAB_BANDUNG, KOTA_BANDUNG]);
    expect(codesFor("kota malang")[0]).toBe("35.73");
    expect(codesFor("kabupaten malang")[0]).toBe("35.07");
  });

  it("keeps real places behind an alias: 'solo' also offers Solok", () => {
    expect(codesFor("solo")).toEqual([SURAKARTA, "13.02", "13.72", "13.11"]);
  });

  it("lists every Jakarta city for 'jakarta'", () => {
    expect(codesFor("jakarta").sort()).toEqual(["31.71", "31.72", "31.73", "31.74", "31.75"]);
  });

  it("tolerates typos only when nothing matches as typed", () => {
    expect(codesFor("semarang")).toEqual(["33.22", "33.74"]);
    expect(codesFor("bandung")).not.toContain("51.03"); // Badung, Bali
    expect(codesFor("bandugn")).toContain(KOTA_BANDUNG); // swapped letters count as one edit
    expect(codesFor("bndg")).toEqual([]); // four letters: too short to guess
  });

  it("needs a word of the regency's own name, not only its province's", () => {
    expect(codesFor("jawa")).toEqual([]);
    const western = regions.searchRegencies("jawa barat");
    expect(western.map((m) => m.code)).toContain(KAB_BANDUNG_BARAT);
    for (const match of western) expect(match.name).toMatch(/\bBarat\b/);
  });

  it.each(["", "   ", "kota", "kab.", "kecamatan", "xyz", "Atlantis", "??!!", "a", "ba", "0812345678"])("finds nothing for %j", (query) => {
    expect(regions.searchRegencies(query)).toEqual([]);
  });

  it("respects the limit, 8 by default", () => {
    expect(regions.searchRegencies("barat")).toHaveLength(8);
    expect(regions.searchRegencies("barat", 3)).toHaveLength(3);
    expect(regions.searchRegencies("bandung", 0)).toEqual([]);
  });

  it("never throws, stays within the limit and returns best first", () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.stringMatching(/^(kab|kota|jak|band|sura|mak|[a-z]{1,6})[ .a-z]{0,12}$/)), fc.integer({ min: 0, max: 10 }), (query, limit) => {
        const matches = regions.searchRegencies(query, limit);
        expect(matches.length).toBeLessThanOrEqual(limit);
        for (let i = 1; i < matches.length; i++) expect(matches[i - 1]!.score).toBeGreaterThanOrEqual(matches[i]!.score);
        for (const match of matches) expect(match.level).toBe("regency");
      }),
      { numRuns: 300 },
    );
  });
});

describe("searchDistricts", () => {
  it("finds a kecamatan inside its regency, labelled with the regency", () => {
    expect(regions.searchDistricts(KAB_BANDUNG, "cimenyan")[0]).toMatchObject({ code: CIMENYAN, label: "Cimenyan, Kabupaten Bandung", level: "district" });
    expect(regions.searchDistricts(KAB_BANDUNG, "Kec. Cimenyan")[0]?.code).toBe(CIMENYAN);
    expect(regions.searchDistricts(KOTA_BANDUNG, "coblong")[0]?.code).toBe(COBLONG);
    expect(regions.searchDistricts(KOTA_BANDUNG, "cobong")[0]?.code).toBe(COBLONG);
  });

  it("stays inside the regency", () => {
    expect(regions.searchDistricts(KAB_BANDUNG, "coblong")).toEqual([]);
    // Pekanbaru (14.71) has a Sukajadi too.
    expect(regions.searchDistricts(KOTA_BANDUNG, "sukajadi").map((m) => m.code)).toEqual(["32.73.07"]);
    expect(regions.searchDistricts("99.99", "coblong")).toEqual([]);
  });

  it("matches names that contain level words or punctuation", () => {
    expect(regions.searchDistricts("15.71", "kota baru")[0]?.code).toBe("15.71.07");
    expect(regions.searchDistricts("12.02", "siborongborong")[0]?.code).toBe("12.02.09");
    expect(regions.searchDistricts("12.02", "siborong-borong")[0]?.code).toBe("12.02.09");
  });

  it("finds nothing for an empty or nonsense query", () => {
    expect(regions.searchDistricts(KOTA_BANDUNG, "")).toEqual([]);
    expect(regions.searchDistricts(KOTA_BANDUNG, "kecamatan")).toEqual([]);
    expect(regions.searchDistricts(KOTA_BANDUNG, "qwerty")).toEqual([]);
  });
});

describe("navigating the hierarchy", () => {
  it("lists a regency's districts alphabetically", async () => {
    const inSource = (await getDistricts({ transform: true })).filter((row) => row.regencyCode === KOTA_BANDUNG);
    const districts = regions.districtsOf(KOTA_BANDUNG);
    expect(districts.map((d) => d.code).sort()).toEqual(inSource.map((row) => row.code).sort());
    expect(districts.map((d) => d.name)).toEqual(districts.map((d) => d.name).sort((a, b) => a.localeCompare(b, "id")));
    districts.pop();
    expect(regions.districtsOf(KOTA_BANDUNG)).toHaveLength(inSource.length);
    expect(regions.districtsOf("99.99")).toEqual([]);
  });

  it("walks up from any level", () => {
    expect(regions.ancestry(CIMENYAN).map((r) => r.code)).toEqual(["32", KAB_BANDUNG, CIMENYAN]);
    expect(regions.ancestry(KOTA_BANDUNG).map((r) => r.name)).toEqual(["Jawa Barat", "Kota Bandung"]);
    expect(regions.ancestry("32").map((r) => r.code)).toEqual(["32"]);
    expect(regions.ancestry("32.99.99")).toEqual([]);
    expect(regions.provinceOf(COBLONG)?.name).toBe("Jawa Barat");
    expect(regions.provinceOf("32")?.code).toBe("32");
    expect(regions.provinceOf("nope")).toBeUndefined();
  });
});

describe("regionTags", () => {
  it("tags every level of a code", () => {
    expect(regionTags("32.73.01")).toEqual(["region:32", "region:32.73", "region:32.73.01"]);
    expect(regionTags(KOTA_BANDUNG)).toEqual(["region:32", "region:32.73"]);
    expect(regionTags("32")).toEqual(["region:32"]);
  });

  it("tags a village with its district, regency and province", () => {
    expect(regionTags("32.73.02.1004")).toEqual(["region:32", "region:32.73", "region:32.73.02", "region:32.73.02.1004"]);
  });

  it.each(["", "3", "32.7", "32.73.01.100", "region:32", " 32"])("gives no tags for %j", (code) => {
    expect(regionTags(code)).toEqual([]);
  });
});

describe("villages", () => {
  let full: RegionDirectory;
  beforeAll(async () => {
    full = await loadRegions({ villages: true });
  });

  it("are a second directory, loaded on demand and shared", async () => {
    expect(loadRegions({ villages: true })).toBe(loadRegions({ villages: true }));
    expect(regions.hasVillages).toBe(false);
    expect(full.hasVillages).toBe(true);
    expect(full.get("32.73.02.1004")).toEqual({ code: "32.73.02.1004", name: "Dago", level: "village", parentCode: COBLONG });
    expect(full.ancestry("32.73.02.1004").map((r) => r.name)).toEqual(["Jawa Barat", "Kota Bandung", "Coblong", "Dago"]);
  });

  it("list children at every level: provinces in code order, villages alphabetically", () => {
    expect(full.childrenOf(null)).toHaveLength(38);
    expect(full.childrenOf(null)[0]?.name).toBe("Aceh");
    expect(full.childrenOf(KOTA_BANDUNG)).toHaveLength(30);
    expect(full.childrenOf(COBLONG).map((r) => r.name)).toEqual(["Cipaganti", "Dago", "Lebak Gede", "Lebak Siliwangi", "Sadang Serang", "Sekeloa"]);
    expect(full.childrenOf("32.73.02.1004")).toEqual([]);
  });

  it("are searched inside one district, with desa/kelurahan as level words", () => {
    expect(full.searchVillages(COBLONG, "kel dago").map((m) => m.label)).toEqual(["Dago, Coblong"]);
    expect(full.searchVillages(COBLONG, "lebak").map((m) => m.code)).toEqual(["32.73.02.1002", "32.73.02.1006"]);
    expect(full.searchVillages(KOTA_BANDUNG, "dago")).toEqual([]);
    expect(regions.searchVillages(COBLONG, "dago")).toEqual([]);
  });
});

describe("resolveRegionNames", () => {
  let full: RegionDirectory;
  beforeAll(async () => {
    full = await loadRegions({ villages: true });
  });
  const code = (names: RegionNames) => {
    const resolved = resolveRegionNames(full, names);
    return resolved?.status === "found" ? resolved.region.code : resolved;
  };

  it("finds a place level by level, each inside the one above", () => {
    expect(code({ province: "Jawa Barat" })).toBe("32");
    expect(code({ province: "jabar" })).toBe("32");
    expect(code({ province: "Jakarta" })).toBe("31");
    expect(code({ province: "DI Yogyakarta" })).toBe("34");
    expect(code({ regency: "Kota Bandung" })).toBe(KOTA_BANDUNG);
    expect(code({ regency: "Kab. Bandung" })).toBe(KAB_BANDUNG);
    expect(code({ province: "Jawa Barat", regency: "Bandung Barat" })).toBe(KAB_BANDUNG_BARAT);
    expect(code({ regency: "Kota Bandung", district: "Coblong", village: "Kel. Dago" })).toBe("32.73.02.1004");
    expect(code({})).toBeUndefined();
  });

  it("refuses to guess: ambiguous, unknown with suggestions, and names without the level above", () => {
    expect(code({ regency: "Bandung" })).toEqual({
      status: "ambiguous",
      level: "regency",
      value: "Bandung",
      candidates: ["Kabupaten Bandung, Jawa Barat", "Kota Bandung, Jawa Barat"],
    });
    expect(code({ regency: "Kota Bandung", district: "Cobong" })).toEqual({ status: "unknown", level: "district", value: "Cobong", suggestions: ["Coblong, Kota Bandung"] });
    expect(code({ province: "Jawa Timur", regency: "Kota Bandung" })).toMatchObject({ status: "unknown", level: "regency" });
    expect(code({ district: "Coblong" })).toEqual({ status: "incomplete", level: "district", missing: "regency" });
    expect(code({ province: "Jawa Barat", district: "Coblong" })).toEqual({ status: "incomplete", level: "district", missing: "regency" });
  });
});

describe("createRegionLookup", () => {
  let lookup: RegionLookup;
  beforeAll(async () => {
    lookup = await createRegionLookup();
  });

  it("describes a place most specific first", () => {
    expect(lookup.describe(CIMENYAN)).toBe("Cimenyan, Kabupaten Bandung, Jawa Barat");
    expect(lookup.describe(SURABAYA)).toBe("Kota Surabaya, Jawa Timur");
    expect(lookup.describe("99.99")).toBeUndefined();
  });

  it("tags only codes that exist", () => {
    expect(lookup.tags(SURABAYA)).toEqual(["region:35", "region:35.78"]);
    expect(lookup.tags("99.99")).toEqual([]);
  });

  it("searches the same shared directory", () => {
    expect(lookup.searchRegencies("kota bandung", 6)[0]?.code).toBe(KOTA_BANDUNG);
  });

  it("knows villages once they are loaded", async () => {
    const fresh = await createRegionLookup();
    expect(fresh.describe("32.73.02.1004")).toBeUndefined();
    await fresh.loadVillages();
    expect(fresh.describe("32.73.02.1004")).toBe("Dago, Coblong, Kota Bandung, Jawa Barat");
    expect(fresh.tags("32.73.02.1004")).toContain("region:32.73.02.1004");
    expect(fresh.searchVillages(COBLONG, "sekeloa")[0]?.code).toBe("32.73.02.1005");
  });
});

describe("measureEditDistance", () => {
  it.each([
    ["makasar", "makassar", 1],
    ["surabaya", "suarbaya", 1],
    ["bandung", "bandung", 0],
    ["yogyakarta", "jogjakarta", 2],
  ])("%s ~ %s = %i", (a, b, distance) => {
    expect(measureEditDistance(a, b, 2)).toBe(distance);
  });

  it("stops at max + 1 without changing smaller answers", () => {
    const word = fc.stringMatching(/^[a-d]{0,9}$/);
    fc.assert(
      fc.property(word, word, fc.integer({ min: 0, max: 3 }), (a, b, max) => {
        const exact = measureEditDistance(a, b, 20);
        expect(measureEditDistance(a, b, max)).toBe(Math.min(exact, max + 1));
        expect(measureEditDistance(b, a, 20)).toBe(exact);
      }),
    );
  });
});
