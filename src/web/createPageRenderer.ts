import { dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { Eta } from "eta";

export type RenderTemplate = (template: string, data: Record<string, unknown>) => string;

/** The folder of the dashboard's templates: src/web/ from the sources, dist/web/ when compiled (the build copies .eta files). */
export const webDirectory = dirname(fileURLToPath(import.meta.url));

/**
 * Eta over the templates beside the pages, compiled once and kept. `<%= %>` escapes HTML, so
 * whatever a voter typed reaches the page as text; `<%~ %>` (raw) is only for markup we made.
 */
export function createPageRenderer(): RenderTemplate {
  const eta = new Eta({ views: webDirectory, cache: true, autoEscape: true });
  return (template, data) => eta.render(template, data);
}
