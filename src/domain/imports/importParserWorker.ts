// The thread startImportParser starts: it reads and checks the file (readImportBatches) while the
// main thread writes, and keeps at most as many batches ahead as the main thread allows.
import { parentPort, workerData } from "node:worker_threads";
import { rowColumnBuffers } from "./importRowColumns.js";
import { readImportBatches, type ReadSettings } from "./readImportBatches.js";

const port = parentPort!;
let allowed = 0;
let wake: (() => void) | undefined;
port.on("message", (more: number) => {
  allowed += more;
  wake?.();
});

async function permit(): Promise<void> {
  while (allowed === 0) await new Promise<void>((resolve) => (wake = resolve));
  allowed--;
}

for await (const event of readImportBatches((workerData as { settings: ReadSettings }).settings)) {
  port.postMessage(event, event.type === "batch" ? rowColumnBuffers(event.rows) : []);
  // Nothing is read before the main thread says the import goes on (it may still refuse it).
  if (event.type === "opened" || event.type === "batch") await permit();
}
port.unref();
