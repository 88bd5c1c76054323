// The boundary file's shapes to idn-area-data codes: by name, so the six Papua provinces (all 91 or
// 92 in the file) land on 91..96, and a broken file is refused rather than drawing a wrong map.
import { getProvinces } from "idn-area-data";
import { describe, expect, it } from "vitest";
import { loadProvinceBoundaries } from "../../src/charts/loadProvinceBoundaries.js";
import { matchProvinceFeatures } from "../../src/charts/matchProvinceFeatures.js";

describe("matchProvinceFeatures", () => {
  it("gives every one of the 38 provinces its own shape, the Papua provinces by name", async () => {
    const { topology, featureOf } = await loadProvinceBoundaries();
    expect(featureOf.size).toBe(38);
    expect(new Set(featureOf.values()).size).toBe(38);
    expect(Object.fromEntries(["91", "92", "93", "94", "95", "96"].map((code) => [code, featureOf.get(code)]))).toEqual({
      "91": "Papua",
      "92": "Papua Barat",
      "93": "Papua Selatan",
      "94": "Papua Tengah",
      "95": "Papua Pegunungan",
      "96": "Papua Barat Daya",
    });
    // The defect is still in the file (it ships unchanged): its own codes would have merged them.
    const fileCodes = topology.objects["indonesia-38-prov-topo"]!.geometries.filter((g) => g.properties.PROVINSI.startsWith("Papua")).map((g) => String(g.properties.KODE_PROV));
    expect(new Set(fileCodes)).toEqual(new Set(["91", "92"]));
    // Elsewhere name and code agree.
    expect(featureOf.get("32")).toBe("Jawa Barat");
    expect(featureOf.get("34")).toBe("Daerah Istimewa Yogyakarta");
  });

  it("refuses a shape no province is called, and a province without a shape", async () => {
    const provinces = await getProvinces();
    const shapes = provinces.map((p) => ({ PROVINSI: p.name }));
    expect(() => matchProvinceFeatures([...shapes.slice(1), { PROVINSI: "Papua Utara" }], provinces)).toThrow(/no province called "Papua Utara"/);
    expect(() => matchProvinceFeatures(shapes.slice(1), provinces)).toThrow(/no shape for 11 ACEH/);
    expect(() => matchProvinceFeatures([...shapes, { PROVINSI: "jawa  barat" }], provinces)).toThrow(/two shapes for province 32/);
  });
});
