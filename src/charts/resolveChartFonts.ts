import { createRequire } from "node:module";

export interface ChartFonts {
  family: string;
  files: string[];
}

const require = createRequire(import.meta.url);

/**
 * The TrueType files every chart is drawn with, shipped in the dejavu-fonts-ttf npm package: a
 * server may have no fonts at all, and system fonts would make the same chart differ per machine.
 */
export function resolveChartFonts(): ChartFonts {
  return {
    family: "DejaVu Sans",
    files: ["DejaVuSans.ttf", "DejaVuSans-Bold.ttf"].map((file) => require.resolve(`dejavu-fonts-ttf/ttf/${file}`)),
  };
}
