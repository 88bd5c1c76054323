// The shapes shared by the regions folder. Codes are Kemendagri codes as published by idn-area-data:
// "32" (province), "32.73" (regency), "32.73.01" (district), "32.73.01.1001" (village).

export type RegionLevel = "province" | "regency" | "district" | "village";

export type Region = {
  code: string;
  /** Display name, e.g. "Kabupaten Bandung Barat", "DKI Jakarta", "Cimenyan", "Dago". */
  name: string;
  level: RegionLevel;
  parentCode: string | null;
};

export type RegionMatch = Region & {
  /** What a person picks from: "Kabupaten Bandung, Jawa Barat" or "Cimenyan, Kabupaten Bandung". */
  label: string;
  /** Higher is better; only comparable within one search. */
  score: number;
};

export interface RegionDirectory {
  /** Whether villages (desa/kelurahan, ~84k rows) are loaded; see loadRegions({ villages: true }). */
  readonly hasVillages: boolean;
  /** Best regencies (kabupaten/kota) for what a person typed; [] when nothing fits. */
  searchRegencies(query: string, limit?: number): RegionMatch[];
  /** Best districts (kecamatan) inside one regency; [] for an unknown regency or nothing fitting. */
  searchDistricts(regencyCode: string, query: string, limit?: number): RegionMatch[];
  /** Best villages inside one district; [] without villages loaded, for an unknown district or nothing fitting. */
  searchVillages(districtCode: string, query: string, limit?: number): RegionMatch[];
  /** Best children of a region (null: provinces) for what someone typed. */
  searchChildren(parentCode: string | null, query: string, limit?: number): RegionMatch[];
  /** All districts of a regency, alphabetically; [] for an unknown regency. */
  districtsOf(regencyCode: string): Region[];
  /** The regions one level below (null: the provinces): provinces and regencies in code order, districts and villages alphabetically. */
  childrenOf(parentCode: string | null): Region[];
  get(code: string): Region | undefined;
  /** The province a code belongs to (itself for a province code). */
  provinceOf(code: string): Region | undefined;
  /** Province, regency, district, village, down to the code's own level; [] for an unknown code. */
  ancestry(code: string): Region[];
}

/** Rows as idn-area-data publishes them (names of provinces and regencies in capitals). */
export type RegionRows = {
  provinces: ReadonlyArray<{ code: string; name: string }>;
  regencies: ReadonlyArray<{ code: string; provinceCode: string; name: string }>;
  districts: ReadonlyArray<{ code: string; regencyCode: string; name: string }>;
  villages?: ReadonlyArray<{ code: string; districtCode: string; name: string }>;
};

export type RegencyKind = "kabupaten" | "kota";

/** A region prepared for matching: its words lower-cased and split, computed once at load. */
export type SearchableRegion = {
  region: Region;
  /** For regencies; null otherwise. */
  kind: RegencyKind | null;
  /** The name's own words without "Kabupaten"/"Kota"/"Administrasi". */
  nameWords: string[];
  /** Words of the enclosing area (the province, for regencies) that a query may also mention. */
  contextWords: string[];
};

export type RegionQuery = {
  /** Words that must each match the name (or its context). */
  words: string[];
  /** Level words ("kab", "kota", "kec", "desa") that rank but do not filter; some names contain them ("Lima Puluh Kota"). */
  levelWords: string[];
  /** "kab …" or "kota …" typed by the person. */
  kind: RegencyKind | null;
};

/** The directory plus what the conversation shows and tags (see conversation/engineDeps.ts). */
export type RegionLookup = RegionDirectory & {
  /** Most specific first: "Cimenyan, Kabupaten Bandung, Jawa Barat"; undefined for an unknown code. */
  describe(code: string): string | undefined;
  /** Segment tags for every level: ["region:32", "region:32.04", "region:32.04.06"]. */
  tags(code: string): string[];
  /**
   * Loads the villages (about a second, once per process) and switches this lookup over to the
   * directory that has them. Flows that ask for or show a village await it first.
   */
  loadVillages(): Promise<void>;
};
