import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { finished } from "node:stream/promises";
import { stringify, type Stringifier } from "csv-stringify";

export interface RowErrorsWriter {
  /** One refused row: its line, why (in the reader's language), and its cells as they were. */
  write(line: number, reason: string, cells: readonly string[]): Promise<void>;
  /** The file's path, or undefined when no row was refused (no file is left behind). */
  close(): Promise<string | undefined>;
}

/**
 * The errors file of an import (contacts or targets): every refused row with its reason,
 * opened at the first one, so a clean import leaves no file. `path` null writes nothing.
 */
export function createRowErrorsWriter(path: string | null, header: () => readonly string[]): RowErrorsWriter {
  let out: Stringifier | undefined;
  let done: Promise<void> | undefined;
  return {
    async write(line, reason, cells) {
      if (path === null) return;
      if (!out) {
        out = stringify({ bom: true });
        const file = createWriteStream(path);
        out.pipe(file);
        done = finished(file);
        out.write(["line", "reason", ...header()]);
      }
      if (!out.write([String(line), reason, ...cells])) await once(out, "drain");
    },
    async close() {
      if (!out || path === null) return undefined;
      out.end();
      await done;
      return path;
    },
  };
}
