import { Resvg } from "@resvg/resvg-js";
import { Error as errorsOnly, parse, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { chartLocale } from "./chartLocale.js";
import { chartSize } from "./chartSize.js";
import { resolveChartFonts } from "./resolveChartFonts.js";

type CompileLogger = NonNullable<NonNullable<Parameters<typeof compile>[1]>["logger"]>;

export interface RenderChartOptions {
  /** vega-lite's warnings about a spec (dropped otherwise: they would land in the terminal chat). */
  onWarning?: (message: string) => void;
}

const fonts = resolveChartFonts();

/**
 * A vega-lite chart as PNG bytes, with no browser: vega lays it out and writes SVG in Node
 * (renderer "none", toSVG), resvg rasterises it with the fonts shipped in node_modules. Nothing
 * is fetched: the data is inline in the spec. Numbers and dates follow `language`.
 */
export async function renderChart(spec: TopLevelSpec, language: string, options: RenderChartOptions = {}): Promise<Uint8Array> {
  const compiled = compile(spec, { logger: compileLogger(options.onWarning) }).spec;
  // Vega reads number and date formats from config.locale, per view: no global state is changed.
  compiled.config = { ...compiled.config, locale: chartLocale(language) };
  const view = new View(parse(compiled), { renderer: "none", logLevel: errorsOnly });
  let svg: string;
  try {
    svg = await view.toSVG();
  } finally {
    view.finalize();
  }
  const image = new Resvg(svg, {
    background: "white",
    fitTo: { mode: "original" },
    font: { fontFiles: fonts.files, loadSystemFonts: false, defaultFontFamily: fonts.family, sansSerifFamily: fonts.family },
  });
  // Autosize "fit" keeps the declared size whatever the data; anything else is a bug in a spec.
  if (image.width !== chartSize.width || image.height !== chartSize.height) {
    throw new Error(`chart drawn at ${image.width}x${image.height}, expected ${chartSize.width}x${chartSize.height}`);
  }
  return image.render().asPng();
}

function compileLogger(onWarning: ((message: string) => void) | undefined): CompileLogger {
  const logger: CompileLogger = {
    level: () => logger,
    error: (...args: unknown[]) => {
      throw new Error(`vega-lite: ${args.join(" ")}`);
    },
    warn: (...args: unknown[]) => {
      onWarning?.(args.join(" "));
      return logger;
    },
    info: () => logger,
    debug: () => logger,
  };
  return logger;
}
