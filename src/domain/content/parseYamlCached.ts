import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { isDeepStrictEqual } from "node:util";

// src/domain/content or dist/domain/content: three folders below the repository.
const defaultCacheDir = join(resolve(dirname(fileURLToPath(import.meta.url)), "../../.."), "node_modules", ".cache", "relawan-yaml");
// Bump when what is stored changes.
const FORMAT = "1";

/**
 * YAML.parse(text), remembered as JSON under the text's hash: the yaml library takes a large part
 * of a start-up for the lexicon and the campaign files (cold, it needs tens of milliseconds per
 * kilobyte), JSON.parse a millisecond. The same text always parses to the same data, so an edited
 * file is simply a new entry; text that does not parse throws exactly as YAML.parse does (nothing
 * is stored for it), and data JSON cannot hold (.inf, .nan) is not stored either.
 */
export function parseYamlCached(text: string, cacheDir = defaultCacheDir): unknown {
  const file = join(cacheDir, `${createHash("sha256").update(`${FORMAT}\n${text}`).digest("hex")}.json`);
  try {
    return JSON.parse(readFileSync(file, "utf8")) as unknown;
  } catch {
    // Not remembered yet (or unreadable): parse it.
  }
  // Loaded only on a miss, synchronously (the lexicon is read synchronously).
  const { parse } = createRequire(import.meta.url)("yaml") as typeof import("yaml");
  const data: unknown = parse(text);
  const json = JSON.stringify(data);
  if (json !== undefined && isDeepStrictEqual(JSON.parse(json), data)) {
    try {
      mkdirSync(cacheDir, { recursive: true });
      // Written whole and renamed, so a process starting at the same moment reads all of it or nothing.
      const partial = `${file}.${process.pid}.tmp`;
      writeFileSync(partial, json);
      renameSync(partial, file);
    } catch {
      // A read-only checkout: parse every time.
    }
  }
  return data;
}
