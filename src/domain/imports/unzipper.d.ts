// unzipper ships no types. This declares the part Relawan uses: the streaming local-header
// parser exceljs' own reader is built on.
declare module "unzipper" {
  import type { Duplex, PassThrough } from "node:stream";
  export interface Entry extends PassThrough {
    path: string;
    type: "File" | "Directory";
    autodrain(): unknown;
  }
  export function Parse(options?: { forceStream?: boolean }): Duplex & AsyncIterable<Entry>;
}
