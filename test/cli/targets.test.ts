// `relawan targets import` in-process against a real database: the report, exit codes, --json.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCliInProcess } from "../support/runCliInProcess.js";
import { createTestDatabase, type TestDatabase } from "../support/createTestDatabase.js";
import { createCsvFolder } from "../domain/imports/support.js";

let store: TestDatabase;
let folder: ReturnType<typeof createCsvFolder>;
const now = new Date("2026-11-26T03:00:00Z");
beforeEach(async () => {
  store = await createTestDatabase();
  folder = createCsvFolder();
});
afterEach(async () => {
  await store.close();
  folder.remove();
});

const cli = (args: string[]) => runCliInProcess(args, { databaseUrl: store.url, now });

describe("relawan targets import", () => {
  it("loads the good rows, lists the bad ones with line numbers and suggestions, and exits 0", async () => {
    const path = folder.write("target.csv", "kabupaten_kota,kecamatan,dpt,target_relawan\nKota Bandung,Coblong,95000,190\nBandung,,1,1\nKota Bandung,Cobong,1,1\n");
    const result = await cli(["targets", "import", path, "--lang", "en"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout.split("\n")).toEqual([
      `Region targets: ${path}`,
      "Rows read: 3",
      "New regions: 1",
      "Regions whose figures were replaced: 0",
      "Invalid rows: 2",
      "Figures loaded: registered voters, target volunteers",
      "",
      "Invalid rows (the first 2):",
      'line 3: regency/city "Bandung" matches several regions: Kabupaten Bandung, Jawa Barat; Kota Bandung, Jawa Barat. Write the full name (with "Kota" or "Kabupaten"), fill in the column above it, or use region_code',
      'line 4: district "Cobong" not found; did you mean: Coblong, Kota Bandung?',
      `Every invalid row, with its reason: ${path}.errors.csv`,
      expect.stringMatching(/^Took \d+\.\d s\.$/),
      "",
    ]);
    expect(await store.db.regionTarget.findUniqueOrThrow({ where: { regionCode: "32.73.02" } })).toMatchObject({ registeredVoters: 95_000, targetVolunteers: 190, updatedBy: "cli" });
  });

  it("speaks Indonesian by default, gives --json, and exits 1 on a refused file", async () => {
    const path = folder.write("target.csv", "kode_wilayah,tps\n32,140457\n");
    const json = await cli(["targets", "import", path, "--json"]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toMatchObject({ rowsRead: 1, created: 1, invalid: 0, figures: ["pollingStations"], invalidRows: [] });
    const again = await cli(["targets", "import", path]);
    expect(again.stdout).toContain("Wilayah yang angkanya diganti: 1");

    const refused = await cli(["targets", "import", folder.write("kosong.csv", "nama,alamat\nBudi,Jl. Mawar\n")]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("Tidak ada target yang dimuat.");
    expect(refused.stderr).toContain("perlu kolom wilayah");
  });

  it("--dry-run says what would be loaded and writes nothing", async () => {
    const path = folder.write("target.csv", "kode_wilayah,tps\n32,140457\n99,1\n");
    const dry = await cli(["targets", "import", path, "--lang", "en", "--dry-run"]);
    expect(dry.code).toBe(0);
    expect(dry.stdout.split("\n").slice(0, 4)).toEqual([`Dry run of the targets in ${path}: nothing was written. The import would give:`, "Rows read: 2", "New regions: 1", "Regions whose figures were replaced: 0"]);
    expect(await store.db.regionTarget.count()).toBe(0);
    expect(await store.db.auditEntry.count()).toBe(0);
  });
});
