// Runs one entry point of Relawan (src/main.ts, src/cli/main.ts) from its compiled copy in dist/,
// after bringing dist/ up to date with src/: an edited source is compiled again before it runs
// (a fraction of a second), so nobody runs stale code. When it cannot be compiled (a syntax error,
// a read-only checkout), the TypeScript runs through tsx instead, which says what is wrong.
import { join, resolve, dirname } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { buildDist } from "./buildDist.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

/** `entry` without its extension, relative to src/: "main" or "cli/main". */
export async function runCompiled(entry) {
  let compiled = true;
  try {
    await buildDist(repoRoot);
  } catch {
    compiled = false;
  }
  if (compiled) {
    await import(pathToFileURL(join(repoRoot, "dist", `${entry}.js`)).href);
    return;
  }
  const { register } = await import("tsx/esm/api");
  register();
  await import(pathToFileURL(join(repoRoot, "src", `${entry}.ts`)).href);
}
