import { createWriteStream } from "node:fs";
import { Transform } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { InboundDocument } from "./types.js";

/** Saves a document a person sent to `path`, stopping at `maxBytes` whatever size the platform claimed. */
export async function downloadDocument(document: InboundDocument, path: string, maxBytes: number): Promise<"ok" | "too_large" | "failed"> {
  let bytes = 0;
  const limit = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      bytes += chunk.length;
      done(bytes > maxBytes ? new RangeError("too_large") : null, chunk);
    },
  });
  try {
    await pipeline(await document.open(), limit, createWriteStream(path));
    return "ok";
  } catch (error) {
    if (error instanceof RangeError && error.message === "too_large") return "too_large";
    return "failed";
  }
}
