import { writeFile } from "node:fs/promises";
import type { ChartTranslate } from "./chartTypes.js";
import { drawRegionMap, type RegionMapInput } from "./drawRegionMap.js";
import { renderSvgPng } from "./renderSvgPng.js";

export type RegionMapFileOutcome = { status: "written"; width: number; height: number } | { status: "failed"; reason: string };

/** Draws a map into a file: SVG when the name ends in .svg, PNG otherwise. */
export async function writeRegionMapFile(input: RegionMapInput, t: ChartTranslate, language: string, path: string): Promise<RegionMapFileOutcome> {
  const map = await drawRegionMap(input, t, language);
  const bytes = /\.svg$/i.test(path) ? map.svg : renderSvgPng(map.svg, map);
  try {
    await writeFile(path, bytes);
  } catch (error) {
    return { status: "failed", reason: error instanceof Error ? error.message : String(error) };
  }
  return { status: "written", width: map.width, height: map.height };
}
