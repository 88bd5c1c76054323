import { Error as errorsOnly, parse, View } from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { chartLocale } from "./chartLocale.js";

type CompileLogger = NonNullable<NonNullable<Parameters<typeof compile>[1]>["logger"]>;

export interface RenderChartOptions {
  /** vega-lite's warnings about a spec (dropped otherwise: they would land in the terminal chat). */
  onWarning?: (message: string) => void;
}

/**
 * A vega-lite chart as an SVG document, with no browser: vega lays it out in Node (renderer "none",
 * toSVG). Nothing is fetched: the data is inline in the spec. Numbers and dates follow `language`.
 * The web dashboard can show this SVG as it is; renderSvgPng turns it into a picture for the chat.
 */
export async function renderChartSvg(spec: TopLevelSpec, language: string, options: RenderChartOptions = {}): Promise<string> {
  const compiled = compile(spec, { logger: compileLogger(options.onWarning) }).spec;
  // Vega reads number and date formats from config.locale, per view: no global state is changed.
  compiled.config = { ...compiled.config, locale: chartLocale(language) };
  const view = new View(parse(compiled), { renderer: "none", logLevel: errorsOnly });
  try {
    return await view.toSVG();
  } finally {
    view.finalize();
  }
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
