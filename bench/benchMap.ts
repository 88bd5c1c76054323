// Drawing time of /peta's pictures, no database: the province map (38 shapes) and a ranked chart of
// 60 bars, each as SVG (what the web dashboard takes) and then PNG (what the chat sends).
import { join } from "node:path";
import { getProvinces } from "idn-area-data";
import { drawRegionMap, type RegionMapInput } from "../src/charts/drawRegionMap.js";
import { renderSvgPng } from "../src/charts/renderSvgPng.js";
import { createTranslator, readLocaleResources } from "../src/conversation/createTranslator.js";
import { root } from "./benchDatabase.js";

export async function benchMap(runs: number): Promise<void> {
  const t = createTranslator(readLocaleResources(join(root, "locales")), "id").forLanguage("id");
  const provinces = await getProvinces();
  const map: RegionMapInput = {
    region: { code: null, name: "Indonesia" },
    childLevel: "province",
    figure: { label: "Cakupan target relawan", kind: "share" },
    children: provinces.map((p, i) => ({ code: p.code, name: p.name, value: i % 6 === 5 ? null : (i * 0.037) % 1.1, target: 1 })),
  };
  const bars: RegionMapInput = {
    region: { code: "32.73", name: "Kota Bandung" },
    childLevel: "village",
    figure: { label: "Relawan", kind: "count" },
    children: Array.from({ length: 60 }, (_, i) => ({ code: `v${i}`, name: `Kelurahan ${i + 1}`, value: i % 9 === 4 ? null : (i * 37) % 200, target: 120 })),
  };
  for (const [label, input] of [["province map", map], ["ranked chart, 60 bars", bars]] as const) {
    // The first draw loads vega, vega-lite, resvg and the boundaries: reported apart.
    let started = performance.now();
    const first = await drawRegionMap(input, t, "id");
    renderSvgPng(first.svg, first);
    const coldMs = performance.now() - started;
    const svgMs: number[] = [];
    const pngMs: number[] = [];
    for (let run = 0; run < runs; run++) {
      started = performance.now();
      const drawn = await drawRegionMap(input, t, "id");
      svgMs.push(performance.now() - started);
      started = performance.now();
      renderSvgPng(drawn.svg, drawn);
      pngMs.push(performance.now() - started);
    }
    console.log(
      `map: ${label} ${first.width}x${first.height}: SVG ${median(svgMs).toFixed(0)} ms, PNG ${median(pngMs).toFixed(0)} ms (median of ${runs}); first draw ${coldMs.toFixed(0)} ms`,
    );
  }
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}
