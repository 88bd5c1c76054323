import { Resvg } from "@resvg/resvg-js";
import { resolveChartFonts } from "./resolveChartFonts.js";

const fonts = resolveChartFonts();

/**
 * An SVG drawn by renderChartSvg as PNG bytes: resvg rasterises it with the fonts shipped in
 * node_modules, never the system's, so a chart looks the same on every machine. With `expected`,
 * a picture of another size is a bug in a spec and throws.
 */
export function renderSvgPng(svg: string, expected?: { width: number; height: number }): Uint8Array {
  const image = new Resvg(svg, {
    background: "white",
    fitTo: { mode: "original" },
    font: { fontFiles: fonts.files, loadSystemFonts: false, defaultFontFamily: fonts.family, sansSerifFamily: fonts.family },
  });
  if (expected && (image.width !== expected.width || image.height !== expected.height)) {
    throw new Error(`chart drawn at ${image.width}x${image.height}, expected ${expected.width}x${expected.height}`);
  }
  return image.render().asPng();
}
