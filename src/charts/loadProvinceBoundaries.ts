import { readFile } from "node:fs/promises";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { getProvinces } from "idn-area-data";
import { matchProvinceFeatures, type ProvinceFeatureProperties } from "./matchProvinceFeatures.js";

/** The object name inside the TopoJSON file. */
export const provinceFeatureObject = "indonesia-38-prov-topo";

export const boundariesPath = resolve(dirname(fileURLToPath(import.meta.url)), "../..", "assets/geo/indonesia-38-provinces.topo.json");

export interface ProvinceBoundaries {
  /** The TopoJSON as read, unchanged (CC BY 4.0: see assets/geo/README.md). */
  topology: { objects: Record<string, { geometries: Array<{ properties: ProvinceFeatureProperties }> }> };
  /** idn-area-data province code -> the shape's PROVINSI name. */
  featureOf: Map<string, string>;
}

let loading: Promise<ProvinceBoundaries> | undefined;

/** The province shapes (49 KB), read once per process when a map is first drawn. */
export function loadProvinceBoundaries(): Promise<ProvinceBoundaries> {
  loading ??= read().catch((error: unknown) => {
    loading = undefined;
    throw error;
  });
  return loading;
}

async function read(): Promise<ProvinceBoundaries> {
  const [text, provinces] = await Promise.all([readFile(boundariesPath, "utf8"), getProvinces()]);
  const topology = JSON.parse(text) as ProvinceBoundaries["topology"];
  const geometries = topology.objects[provinceFeatureObject]?.geometries ?? [];
  return { topology, featureOf: matchProvinceFeatures(geometries.map((geometry) => geometry.properties), provinces) };
}
