import { extname } from "node:path";
import { fileURLToPath } from "node:url";
import { setFlagsFromString } from "node:v8";
import { Worker } from "node:worker_threads";
import { holdYoungGeneration } from "./holdYoungGeneration.js";
import { fromRowColumns, type ImportRowColumns } from "./importRowColumns.js";
import type { ImportReadEvent, ReadSettings } from "./readImportBatches.js";

// 8 MB halves (V8 counts its young generation as three of them). With 2 MB, collecting the young
// generation took 44% of the reading thread's CPU in a profile of a million-row import; with 8 MB
// the importing process took about 10% less CPU for about 25 MB more peak RSS (docs/benchmarks-history.md).
const workerSemiSpaceMb = 8;
// How far V8 lets an old generation grow past what the last full collection kept, while an import
// runs: by its own rule up to 4 times for a small heap, so the writing thread's old generation
// went from about 22 MB live to 93 MB of garbage-filled heap between full collections (batches
// promoted by the young generation's collections). Read at each full collection, process-wide.
const importHeapGrowingPercent = 50;

/** What the worker posts: the events, a batch's rows as columns. */
type ParserMessage = ImportReadEvent<ImportRowColumns>;

export interface ImportParser {
  /** The file's events in order, up to its end or its refusal; a failure of the thread is thrown. */
  events: AsyncIterable<ImportReadEvent>;
  /** Lets the thread go on past the file's opening, or past one more batch. */
  allow(count: number): void;
  stop(): Promise<void>;
}

/**
 * Reads and checks a contacts file on a worker thread, so that reading, the phone numbers and the
 * row checks (a quarter of a SQLite import's CPU) run beside the writes instead of between them.
 * From dist/ it runs the compiled worker; from the TypeScript (tests, tsx) it runs the .ts through tsx.
 */
export function startImportParser(settings: ReadSettings): ImportParser {
  const entry = new URL(`./importParserWorker${extname(fileURLToPath(import.meta.url))}`, import.meta.url);
  const typescript = entry.pathname.endsWith(".ts");
  // The young generation the new heap starts with and keeps (see resourceLimits): V8 reads this
  // when it creates a heap, and no heap is created after the worker's.
  setFlagsFromString(`--min-semi-space-size=${workerSemiSpaceMb}`);
  setFlagsFromString(`--heap-growing-percent=${importHeapGrowingPercent}`);
  const worker = new Worker(typescript ? new URL("../../../scripts/runTypeScriptWorker.js", import.meta.url) : entry, {
    workerData: { settings, typescriptEntry: typescript ? entry.href : undefined },
    // Its own V8 heap, beside the main thread's: a small young generation, from its start (V8's
    // default starts at 1 MB and grows to 32: with the growth held, it stayed at 1 MB and collected
    // 13,000 times a million rows), and a ceiling for the rest that still holds the villages.
    resourceLimits: { maxYoungGenerationSizeMb: 3 * workerSemiSpaceMb, maxOldGenerationSizeMb: 256 },
  });
  // Batches wait here as columns: rebuilt as rows only when taken, they are not live (and copied
  // by each young-generation collection) while the batch before them is written.
  const queue: ParserMessage[] = [];
  let failure: unknown;
  let exited = false;
  let wake: (() => void) | undefined;
  worker.on("online", () => holdYoungGeneration());
  worker.on("message", (message: ParserMessage) => {
    holdYoungGeneration();
    queue.push(message);
    wake?.();
  });
  worker.on("error", (error) => {
    failure ??= error;
    wake?.();
  });
  worker.on("exit", () => {
    exited = true;
    wake?.();
  });
  async function* events(): AsyncGenerator<ImportReadEvent, void, void> {
    for (;;) {
      const message = queue.shift();
      if (message) {
        const event: ImportReadEvent = message.type === "batch" ? { ...message, rows: fromRowColumns(message.rows) } : message;
        yield event;
        if (event.type === "end" || event.type === "refused") return;
      } else if (failure !== undefined) throw failure;
      else if (exited) throw new Error("The import's reading thread stopped before the end of the file");
      else await new Promise<void>((resolve) => (wake = resolve));
    }
  }
  return {
    events: events(),
    allow: (count) => worker.postMessage(count),
    stop: async () => {
      // The hold stays: let go here, the writing thread's young generation grew to 16 MB while
      // `relawan import` finished (planner statistics, the audit).
      await worker.terminate();
      // Back to V8's own rule (0), for the bot that ran the import from a chat.
      setFlagsFromString("--heap-growing-percent=0");
    },
  };
}
