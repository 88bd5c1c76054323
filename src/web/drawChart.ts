import type { TopLevelSpec } from "vega-lite";

const CACHE_SIZE = 32;
const drawn = new Map<string, Promise<string>>();

/**
 * A chart as inline SVG for a page. vega loads on the first chart (a second or two), so the first
 * overview after a start is slower; the same figures in the same language are drawn once.
 */
export function drawChart(spec: TopLevelSpec, language: string): Promise<string> {
  const key = `${language}\u0000${JSON.stringify(spec)}`;
  let svg = drawn.get(key);
  if (!svg) {
    svg = import("../charts/renderChartSvg.js").then(({ renderChartSvg }) => renderChartSvg(spec, language)).then(stripXmlProlog);
    svg.catch(() => drawn.delete(key));
    drawn.set(key, svg);
    if (drawn.size > CACHE_SIZE) drawn.delete(drawn.keys().next().value!);
  }
  return svg;
}

/** vega's SVG is a document; inside HTML it needs no namespace prolog and no fixed pixel size (CSS sizes it). */
export function stripXmlProlog(svg: string): string {
  return svg.replace(/^<\?xml[^>]*>\s*/, "").replace(/^<svg([^>]*?)\swidth="\d+"\sheight="\d+"/, '<svg$1 preserveAspectRatio="xMidYMid meet"');
}
