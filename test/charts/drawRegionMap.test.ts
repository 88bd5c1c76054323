// The map drawn for real (vega -> SVG, resvg -> PNG): provinces with data in colour, without data
// hatched (never the colour of zero), the boundaries' credit on it; below province level, ranked
// bars with the target marked.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { drawRegionMap, type RegionMapInput } from "../../src/charts/drawRegionMap.js";
import { noDataFill } from "../../src/charts/mapStyle.js";
import { renderSvgPng } from "../../src/charts/renderSvgPng.js";
import { createTranslator, readLocaleResources } from "../../src/conversation/createTranslator.js";
import { repoRoot } from "../support/createTestDatabase.js";
import { pngSize } from "./pngSize.js";

const translator = createTranslator(readLocaleResources(join(repoRoot, "locales")), "id");

/** The fill of the shape or bar whose aria-label starts with `label`. */
function fillOf(svg: string, label: string): string {
  const path = new RegExp(`<path aria-label="${label}"[^>]*?fill="([^"]+)"`).exec(svg);
  if (!path) throw new Error(`no shape labelled ${label}`);
  return path[1]!;
}

const provinces: RegionMapInput = {
  region: { code: null, name: "Indonesia" },
  childLevel: "province",
  figure: { label: "Cakupan target relawan", kind: "share" },
  children: [
    { code: "32", name: "Jawa Barat", value: 0.5, target: 1 },
    { code: "33", name: "Jawa Tengah", value: 0, target: 1 },
    { code: "94", name: "Papua Tengah", value: null },
  ],
};

describe("drawRegionMap, the province map", () => {
  it("colours a province with data, hatches one without, keeps zero apart from no data, and credits the boundaries", async () => {
    const map = await drawRegionMap(provinces, translator.forLanguage("id"), "id");
    expect(fillOf(map.svg, "Jawa Barat: 50%")).toMatch(/^rgb\(/);
    // Zero has a colour of its own (the lightest blue), not the hatching.
    const zero = fillOf(map.svg, "Jawa Tengah: 0%");
    expect(zero).toMatch(/^rgb\(/);
    expect(zero).not.toBe(fillOf(map.svg, "Jawa Barat: 50%"));
    expect(fillOf(map.svg, "Papua Tengah: tanpa data")).toBe(noDataFill);
    // A province missing from the input is no data too, under the boundary file's own name.
    expect(fillOf(map.svg, "Papua Pegunungan: tanpa data")).toBe(noDataFill);
    expect(map.svg).toContain('<pattern id="relawan-no-data"');
    expect(map.svg).toContain("Batas provinsi: Indonesia GeoJSON &amp; TopoJSON Maps (38 Provinces), CC BY 4.0");
    expect(map.svg).toContain(">tanpa data<");
    expect(map.svg).toContain("2 dari 3 provinsi punya data");
    expect(map.summary.strongest.map((c) => c.code)).toEqual(["32"]);
    expect(map.summary.weakest.map((c) => c.code)).toEqual(["33"]);

    const png = renderSvgPng(map.svg, map);
    expect(pngSize(png)).toEqual({ width: map.width, height: map.height });
  });

  it("speaks English to an English-speaking staff member", async () => {
    const map = await drawRegionMap(provinces, translator.forLanguage("en"), "en");
    expect(map.title).toBe("Cakupan target relawan by province");
    expect(fillOf(map.svg, "Papua Tengah: no data")).toBe(noDataFill);
    expect(map.svg).toContain("Province boundaries: Indonesia GeoJSON &amp; TopoJSON Maps (38 Provinces), CC BY 4.0");
  });

  it("still draws when no province has data, and says so in words", async () => {
    const map = await drawRegionMap({ ...provinces, children: [] }, translator.forLanguage("id"), "id");
    expect(map.svg).toContain("Belum ada data untuk Indonesia");
    expect(fillOf(map.svg, "Jawa Barat: tanpa data")).toBe(noDataFill);
    expect(pngSize(renderSvgPng(map.svg, map))).toEqual({ width: 1000, height: 480 });
  });
});

describe("drawRegionMap, below province level", () => {
  const districts: RegionMapInput = {
    region: { code: "32.73", name: "Kota Bandung" },
    childLevel: "district",
    figure: { label: "Relawan", kind: "count" },
    children: [
      { code: "32.73.01", name: "Sukasari", value: 4, target: 10 },
      { code: "32.73.02", name: "Coblong", value: 12, target: 10 },
      { code: "32.73.03", name: "Andir", value: null, target: 8 },
      { code: "32.73.04", name: "Cicendo", value: 0, target: null },
    ],
  };

  it("ranks the districts in bars, highest first, with a target mark on each district that has a target", async () => {
    const chart = await drawRegionMap(districts, translator.forLanguage("id"), "id");
    expect(chart.title).toBe("Relawan per kecamatan di Kota Bandung");
    const y = (chart.spec as { encoding: { y: { sort: string[] } } }).encoding.y.sort;
    expect(y).toEqual(["Coblong", "Sukasari", "Cicendo", "Andir"]);
    // One red tick per target (Sukasari, Coblong, Andir), none for Cicendo.
    expect(chart.svg.match(/aria-roledescription="tick"/g)).toHaveLength(3);
    expect(chart.svg).toContain("garis merah: target");
    expect(chart.svg).toContain(">tanpa data<");
    expect(chart.svg).toContain(noDataFill);
    const png = renderSvgPng(chart.svg, chart);
    expect(pngSize(png)).toEqual({ width: 800, height: chart.height });
  });

  it("draws a district with no data at all, saying so", async () => {
    const chart = await drawRegionMap({ ...districts, children: districts.children.map((c) => ({ ...c, value: null })) }, translator.forLanguage("en"), "en");
    expect(chart.svg).toContain("No data yet for Kota Bandung");
    expect(chart.summary.ranked).toEqual([]);
    expect(chart.svg.match(/>no data</g)).toHaveLength(4);
  });
});
