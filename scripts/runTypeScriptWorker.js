// A worker thread whose code is TypeScript (tests, and src/ run through tsx when dist/ cannot be
// compiled): Node 20 does not apply `--import tsx` to a worker's own entry, so the worker starts
// here, registers tsx, then imports its entry (workerData.typescriptEntry, a file URL).
import { workerData } from "node:worker_threads";
import { register } from "tsx/esm/api";

register();
await import(workerData.typescriptEntry);
