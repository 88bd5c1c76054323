// `importTargets` on a real database (SQLite, or PostgreSQL with TEST_DATABASE=postgresql): broken
// rows next to good ones, region names resolved like the contact import, re-imports, and .xlsx.
import ExcelJS from "exceljs";
import { parse } from "csv-parse/sync";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/client.js";
import { describeTargetProblem } from "../../../src/domain/targets/describeTargetProblem.js";
import { importTargets, type TargetImportSettings } from "../../../src/domain/targets/importTargets.js";
import { createTestDatabase, type TestDatabase } from "../../support/createTestDatabase.js";
import { sheetXml, writeWorkbook } from "../../support/writeWorkbook.js";
import { createCsvFolder, en, importNow } from "../imports/support.js";

let store: TestDatabase;
let folder: ReturnType<typeof createCsvFolder>;
beforeEach(async () => {
  store = await createTestDatabase();
  folder = createCsvFolder();
});
afterEach(async () => {
  await store.close();
  folder.remove();
});

function load(db: Database, path: string, overrides: Partial<TargetImportSettings> = {}) {
  return importTargets(db, { path, actor: "cli", now: importNow, describeProblem: (problem) => describeTargetProblem(en, problem), ...overrides });
}

async function targets() {
  const rows = await store.db.regionTarget.findMany({ orderBy: { regionCode: "asc" } });
  return rows.map(({ regionCode, registeredVoters, pollingStations, targetVolunteers, targetSupporters }) => ({
    regionCode,
    registeredVoters,
    pollingStations,
    targetVolunteers,
    targetSupporters,
  }));
}

describe("a targets file with broken rows", () => {
  const lines = [
    "provinsi,kabupaten_kota,kecamatan,desa_kelurahan,kode_wilayah,DPT,TPS,target_relawan,target_pendukung,catatan",
    "Jawa Barat,,,,,35.714.071,140.457,20000,9000000,",
    ",Kota Bandung,,,,1.820.000,7000,3500,600000,",
    ",Kota Bandung,Coblong,,,95000,380,190,30000,",
    ",Kota Bandung,Coblong,Dago,,22000,88,44,7000,",
    ",,,,32.73.02.1001,12000,48,,,nama tidak perlu bila ada kode",
    ",Bandung,,,,,,,,",
    ",Kota Bandng,,,,,,,,",
    ",,Coblong,,,,,,,",
    ",,,,99.99,1,1,1,1,",
    ",Kota Bandung,Sukajadi,,,banyak,,,,",
    ",Kota Bandung,Cidadap,,,100,200,,,",
    ",Kota Bandung,Cicendo,,,-3,,,,",
    ",Kota Bandung,Coblong,,,1,1,1,1,",
    ",,,,,,,,,",
    ",,,,,5,,,,",
    ",Kabupaten Bandung,Cimenyan,,,12.5,,,,",
    ",Kota Bandung,Andir,,,80000,-,,,",
  ];

  it("writes the good rows and reports every bad one with its line, the reason and a suggestion", async () => {
    const path = folder.write("target.csv", `${lines.join("\n")}\n`);
    const outcome = await load(store.db, path);
    if (outcome.status !== "done") throw new Error(JSON.stringify(outcome));
    const { report } = outcome;
    expect(report).toMatchObject({ rowsRead: 16, created: 6, replaced: 0, invalid: 10, ignoredColumns: ["catatan"], errorsPath: `${path}.errors.csv` });
    expect(report.figures).toEqual(["registeredVoters", "pollingStations", "targetVolunteers", "targetSupporters"]);
    const reasons = report.invalidRows.map((row) => `${row.line}: ${describeTargetProblem(en, row.problem)}`);
    expect(reasons).toEqual([
      '7: regency/city "Bandung" matches several regions: Kabupaten Bandung, Jawa Barat; Kota Bandung, Jawa Barat. Write the full name (with "Kota" or "Kabupaten"), fill in the column above it, or use region_code',
      '8: regency/city "Kota Bandng" not found; did you mean: Kota Bandung, Jawa Barat; Kabupaten Bandung, Jawa Barat; Kabupaten Bandung Barat, Jawa Barat?',
      "9: a district needs the regency/city column too: the same name exists in many places",
      '10: region code "99.99" is unknown (a Kemendagri code such as 32, 32.73, 32.73.01 or 32.73.01.1001)',
      '11: registered voters "banyak" is not a whole number (write 12500 or 12,500)',
      "12: polling stations is above the registered voters",
      '13: registered voters "-3" is not a whole number (write 12500 or 12,500)',
      "14: this region is already on line 4; only that line is used",
      "16: no region code and no region name",
      '17: registered voters "12.5" is not a whole number (write 12500 or 12,500)',
    ]);
    expect(await targets()).toEqual([
      { regionCode: "32", registeredVoters: 35_714_071, pollingStations: 140_457, targetVolunteers: 20_000, targetSupporters: 9_000_000 },
      { regionCode: "32.73", registeredVoters: 1_820_000, pollingStations: 7000, targetVolunteers: 3500, targetSupporters: 600_000 },
      { regionCode: "32.73.02", registeredVoters: 95_000, pollingStations: 380, targetVolunteers: 190, targetSupporters: 30_000 },
      { regionCode: "32.73.02.1001", registeredVoters: 12_000, pollingStations: 48, targetVolunteers: null, targetSupporters: null },
      { regionCode: "32.73.02.1004", registeredVoters: 22_000, pollingStations: 88, targetVolunteers: 44, targetSupporters: 7000 },
      { regionCode: "32.73.05", registeredVoters: 80_000, pollingStations: null, targetVolunteers: null, targetSupporters: null },
    ]);
    const errors = parse(folder.read(`${path}.errors.csv`), { bom: true }) as string[][];
    expect(errors[0]).toEqual(["line", "reason", ...lines[0]!.split(",")]);
    expect(errors.slice(1).map((row) => row[0])).toEqual(["7", "8", "9", "10", "11", "12", "13", "14", "16", "17"]);
    const audit = await store.db.auditEntry.findFirstOrThrow({ where: { action: "targets.import" } });
    expect(audit).toMatchObject({ actor: "cli", target: "target.csv" });
    expect(JSON.parse(audit.details!)).toMatchObject({ rowsRead: 16, created: 6, replaced: 0, invalid: 10, complete: true });
  });
});

describe("re-importing", () => {
  it("replaces the figures of the regions in the file, only for the columns it has, and leaves every other region alone", async () => {
    await load(store.db, folder.write("a.csv", "kode_wilayah,dpt,tps,target_relawan,target_pendukung\n32.73,1000,10,5,400\n32.04,2000,20,10,800\n"));
    const second = await load(store.db, folder.write("b.csv", "kode_wilayah;target_relawan;dpt\n32.73;7;\n35;100;5000\n"));
    if (second.status !== "done") throw new Error(JSON.stringify(second));
    expect(second.report).toMatchObject({ rowsRead: 2, created: 1, replaced: 1, invalid: 0, figures: ["registeredVoters", "targetVolunteers"] });
    expect(await targets()).toEqual([
      { regionCode: "32.04", registeredVoters: 2000, pollingStations: 20, targetVolunteers: 10, targetSupporters: 800 },
      // The empty DPT cell clears it; TPS and supporters were not in the file and stay.
      { regionCode: "32.73", registeredVoters: null, pollingStations: 10, targetVolunteers: 7, targetSupporters: 400 },
      { regionCode: "35", registeredVoters: 5000, pollingStations: null, targetVolunteers: 100, targetSupporters: null },
    ]);
    expect(await store.db.auditEntry.count({ where: { action: "targets.import" } })).toBe(2);
  });

  it("takes codes without dots and the zero Excel drops from a code stored as a number", async () => {
    const outcome = await load(store.db, folder.write("c.csv", "kode,target_relawan\n3273021004,4\n32.1,9\n"));
    expect(outcome.status === "done" && outcome.report.invalid).toBe(0);
    expect((await targets()).map((row) => row.regionCode)).toEqual(["32.10", "32.73.02.1004"]);
  });
});

describe("refused files", () => {
  it.each([
    ["no region column", "dpt,tps\n1,2\n"],
    ["no figure column", "kode_wilayah,nama\n32,Jawa Barat\n"],
  ])("%s: nothing is written", async (_, content) => {
    const outcome = await load(store.db, folder.write("x.csv", content));
    expect(outcome).toMatchObject({ status: "refused", problem: { code: "no_target_columns" } });
    expect(await store.db.regionTarget.count()).toBe(0);
    expect(await store.db.auditEntry.count()).toBe(0);
  });

  it("refuses an old .xls and a damaged .xlsx", async () => {
    const xls = folder.write("old.xls", Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0]), Buffer.alloc(60)]));
    expect(await load(store.db, xls)).toMatchObject({ status: "refused", problem: { code: "xls" } });
    const broken = folder.write("broken.xlsx", Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(60, 7)]));
    expect(await load(store.db, broken)).toMatchObject({ status: "refused", problem: { code: "xlsx_unreadable" } });
  });
});

describe("an Excel workbook", () => {
  it("reads the first sheet, with numbers, text and formulas, streamed", async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Target");
    sheet.addRow(["Provinsi", "Kabupaten/Kota", "Kecamatan", "DPT", "TPS", "Target Relawan"]);
    sheet.addRow(["Jawa Barat", "Kota Bandung", "Coblong", 95000, 380, { formula: "E3/2", result: 190 }]);
    sheet.addRow(["Jawa Barat", "Kota Bandung", "Cicendo", "70.000", 300, 150]);
    sheet.addRow(["Jawa Barat", "Kota Bandung", "Atlantis", 1, 1, 1]);
    workbook.addWorksheet("Catatan").addRow(["kode_wilayah", "dpt"]);
    const path = `${folder.dir}/target.xlsx`;
    await workbook.xlsx.writeFile(path);
    const outcome = await load(store.db, path);
    if (outcome.status !== "done") throw new Error(JSON.stringify(outcome));
    expect(outcome.report).toMatchObject({ rowsRead: 3, created: 2, invalid: 1, figures: ["registeredVoters", "pollingStations", "targetVolunteers"] });
    expect(outcome.report.invalidRows).toEqual([{ line: 4, problem: { code: "region_unknown", level: "district", value: "Atlantis", suggestions: [] } }]);
    expect(await targets()).toEqual([
      { regionCode: "32.73.02", registeredVoters: 95_000, pollingStations: 380, targetVolunteers: 190, targetSupporters: null },
      { regionCode: "32.73.06", registeredVoters: 70_000, pollingStations: 300, targetVolunteers: 150, targetSupporters: null },
    ]);
  });
});

describe("a dry run and a zip bomb", () => {
  it("counts what a dry run would create and replace, and writes nothing", async () => {
    const path = folder.write("target.csv", "kode_wilayah,dpt\n32.73,1000\n32.71,2000\n99.99,5\n");
    await load(store.db, folder.write("awal.csv", "kode_wilayah,dpt\n32.73,500\n"));
    const before = await targets();
    const audits = await store.db.auditEntry.count();
    const dry = await load(store.db, path, { dryRun: true, errorsPath: null });
    expect(dry).toMatchObject({ status: "done", report: { rowsRead: 3, created: 1, replaced: 1, invalid: 1 } });
    expect(await targets()).toEqual(before);
    expect(await store.db.auditEntry.count()).toBe(audits);
    const real = await load(store.db, path, { errorsPath: null });
    expect(real).toMatchObject({ status: "done", report: { rowsRead: 3, created: 1, replaced: 1, invalid: 1 } });
  });

  it("refuses an .xlsx that unpacks to more than the limit, before anything is written", async () => {
    const path = folder.write("bom.xlsx", "");
    writeWorkbook(path, sheetXml([["kode_wilayah", "dpt"], ["32.73", "1000"]], 6 * 1024 * 1024));
    expect(await load(store.db, path, { workbookLimits: { maxUncompressedBytes: 2 * 1024 * 1024 } })).toEqual({
      status: "refused",
      problem: { code: "xlsx_too_large", limit: "bytes", max: 2 * 1024 * 1024 },
    });
    expect(await store.db.regionTarget.count()).toBe(0);
    expect(await store.db.auditEntry.count()).toBe(0);
  });
});
