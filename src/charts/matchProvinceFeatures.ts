/** A province shape's properties as the boundary file has them. */
export interface ProvinceFeatureProperties {
  PROVINSI: string;
  KODE_PROV?: string | number;
}

/**
 * Which shape draws which province: idn-area-data code -> the shape's PROVINSI name. Matched by
 * name, never by the file's KODE_PROV: that gives the six Papua provinces 91 or 92 only (see
 * assets/geo/README.md). A province without a shape, or a shape without a province, is a broken
 * boundary file and throws.
 */
export function matchProvinceFeatures(features: ReadonlyArray<ProvinceFeatureProperties>, provinces: ReadonlyArray<{ code: string; name: string }>): Map<string, string> {
  const byName = new Map(provinces.map((province) => [normalize(province.name), province.code]));
  const featureOf = new Map<string, string>();
  for (const feature of features) {
    const code = byName.get(normalize(feature.PROVINSI));
    if (code === undefined) throw new Error(`province boundaries: no province called "${feature.PROVINSI}" in idn-area-data`);
    if (featureOf.has(code)) throw new Error(`province boundaries: two shapes for province ${code}`);
    featureOf.set(code, feature.PROVINSI);
  }
  const missing = provinces.filter((province) => !featureOf.has(province.code));
  if (missing.length > 0) throw new Error(`province boundaries: no shape for ${missing.map((p) => `${p.code} ${p.name}`).join(", ")}`);
  return featureOf;
}

function normalize(name: string): string {
  return name.toUpperCase().replace(/[^A-Z0-9]+/g, " ").trim();
}
