// `relawan map` against a real SQLite file: the summary on stdout, the picture as PNG or SVG, the
// figures with --json, and clear refusals for an unknown figure or an ambiguous region.
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { pngSize } from "../charts/pngSize.js";
import { seedMapFixture } from "../domain/maps/seedMapFixture.js";
import { runCliInProcess } from "../support/runCliInProcess.js";
import { createTestDatabase, type TestDatabase } from "../support/createTestDatabase.js";

const now = new Date("2026-11-26T03:00:00Z");
let database: TestDatabase;
let out: string;
beforeEach(async () => {
  database = await createTestDatabase();
  await seedMapFixture(database.db, now);
  out = mkdtempSync(join(tmpdir(), "relawan-map-"));
});
afterEach(async () => {
  await database.close();
  rmSync(out, { recursive: true, force: true });
});

const cli = (args: string[]) => runCliInProcess(args, { databaseUrl: database.url, now });

describe("relawan map", () => {
  it("writes the ranked chart of a province's regencies as a PNG and prints the strongest and weakest", async () => {
    const file = join(out, "peta.png");
    const result = await cli(["map", "--figure", "coverage", "--region", "32", "--out", file, "--lang", "en"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Coverage of the volunteer target by regencies/cities in Jawa Barat\nJawa Barat overall: 40%\nStrongest: Kota Bandung 75%\n");
    const png = readFileSync(file);
    expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    // 27 regencies and cities, one bar each.
    expect(pngSize(png)).toEqual({ width: 800, height: 150 + 22 * 27 });
    expect(result.stdout).toContain(`Wrote ${file} (800x744)`);
  });

  it("writes the province map as SVG when --out ends in .svg, with the boundaries' credit", async () => {
    const file = join(out, "peta.svg");
    const result = await cli(["map", "--figure", "relawan", "--out", file]);
    expect(result.code).toBe(0);
    const svg = readFileSync(file, "utf8");
    expect(svg.startsWith("<svg")).toBe(true);
    expect(svg).toContain("CC BY 4.0");
    expect(svg).toMatch(/aria-label="Jawa Barat: 4"[^>]*fill="rgb/);
  });

  it("prints the figures with --json", async () => {
    const result = await cli(["map", "--figure", "volunteers", "--region", "kota bandung", "--json"]);
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    expect(json).toMatchObject({ figure: "volunteers", kind: "count", region: { code: "32.73", name: "Kota Bandung" }, childLevel: "district", total: { value: 3, target: 4 } });
    expect(json.children).toContainEqual({ code: "32.73.02", name: "Coblong", value: 2, target: 2 });
    expect(json.children).toContainEqual({ code: "32.73.03", name: "Babakan Ciparay", value: 0, target: 1 });
    expect(json.children).toHaveLength(30);
    // A village is given among the villages of its district.
    const village = JSON.parse((await cli(["map", "--figure", "volunteers", "--region", "3273021004", "--json"])).stdout);
    expect(village).toMatchObject({ region: { code: "32.73.02", name: "Coblong" }, childLevel: "village", total: { value: 2 } });
    expect(village.children).toContainEqual({ code: "32.73.02.1004", name: "Dago", value: 1, target: null });
  });

  it("refuses an unknown figure listing the valid ones, and asks which region an ambiguous name means", async () => {
    const figure = await cli(["map", "--figure", "popularity", "--lang", "en"]);
    expect(figure.code).toBe(1);
    expect(figure.stderr).toBe('Unknown figure "popularity". Valid figures: coverage, volunteers, active, supporters, per-tps, contacts, subscribers, reports, support.\n');
    const region = await cli(["map", "--region", "bandung", "--out", join(out, "x.png")]);
    expect(region.code).toBe(1);
    expect(region.stderr).toBe('"bandung" cocok dengan beberapa wilayah; yang mana?\n  --region 32.04   Kabupaten Bandung, Jawa Barat\n  --region 32.73   Kota Bandung, Jawa Barat\n');
    const unknown = await cli(["map", "--region", "atlantis"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('Tidak ada wilayah "atlantis".');
    expect((await cli(["map", "--region", "atlantis", "--lang", "en"])).stderr).toContain('No region "atlantis".');
  });
});
