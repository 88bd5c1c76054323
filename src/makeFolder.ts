import { mkdirSync, statSync } from "node:fs";
import { dirname, resolve } from "node:path";

/**
 * mkdir -p, one level at a time. Node's own `{ recursive: true }` loops for ever when mkdir says
 * ENOENT for a folder whose parent exists (as /proc does: file:/proc/x/relawan.db hung start-up);
 * here that error, like any other, is thrown with its code and syscall "mkdir".
 */
export function makeFolder(path: string): void {
  const missing: string[] = [];
  for (let folder = resolve(path); !exists(folder); folder = dirname(folder)) {
    missing.unshift(folder);
    if (dirname(folder) === folder) break;
  }
  for (const folder of missing) {
    try {
      mkdirSync(folder);
    } catch (error) {
      // Made meanwhile by another process: fine.
      if ((error as { code?: string }).code !== "EEXIST" || !exists(folder)) throw error;
    }
  }
}

function exists(path: string): boolean {
  try {
    statSync(path);
    return true;
  } catch {
    return false;
  }
}
