// Compiles src/ into dist/ so that `npm start` and `relawan` start without compiling TypeScript
// on every run. esbuild transpiles file by file, as tsx does (no bundling, no type check: that is
// `npm run typecheck`), so every module keeps its place and paths relative to a module (locales/,
// prisma/migrations/) point where they did. Other files under src/ are copied as they are.
//
// Only what changed is redone: dist/.build.json records the size and modification time of every
// source it was made from, and a build whose record matches src/ exactly has nothing to do. Plain
// JavaScript, because it runs before anything is compiled (postinstall, bin/relawan.js).
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
// Bump when the esbuild options below change, so every existing dist/ is rebuilt.
const FORMAT = "1";

/**
 * Brings dist/ up to date with src/. Returns "fresh" when nothing had changed, else what it did.
 * Safe to run from several processes at once: every file is written whole and renamed into place.
 */
export async function buildDist(root = repoRoot) {
  const srcDir = join(root, "src");
  const outDir = join(root, "dist");
  const recordPath = join(outDir, ".build.json");
  const sources = readSources(srcDir);
  // The inode too: an editor that saves by renaming a new file over the old one gives a new one.
  const stamp = (file) => `${file.size}:${file.mtimeMs}:${file.ino}`;
  const format = `${FORMAT}:${readStamp(join(root, "tsconfig.json"))}`;
  const previous = readRecord(recordPath);
  const sameFormat = previous?.format === format;
  const changed = sources.filter((file) => !sameFormat || previous.files[file.path] !== stamp(file));
  const current = new Set(sources.map((file) => file.path));
  const gone = previous ? Object.keys(previous.files).filter((path) => !current.has(path)) : [];
  if (previous && changed.length === 0 && gone.length === 0) return { status: "fresh" };

  const typescript = changed.filter((file) => isTypeScript(file.path));
  const others = changed.filter((file) => !isTypeScript(file.path) && !file.path.endsWith(".d.ts"));
  if (typescript.length > 0) {
    // Loaded only when there is something to compile: a fresh start never pays for it.
    const { build } = await import("esbuild");
    const result = await build({
      entryPoints: typescript.map((file) => join(srcDir, file.path)),
      outdir: outDir,
      outbase: srcDir,
      bundle: false,
      format: "esm",
      platform: "node",
      target: "node20",
      // Linked, not enabled: NODE_OPTIONS=--enable-source-maps maps stacks to src/ when wanted.
      sourcemap: "linked",
      write: false,
      logLevel: "silent",
    });
    for (const output of result.outputFiles) writeWhole(output.path, output.contents);
  }
  for (const file of others) writeWhole(join(outDir, file.path), readFileSync(join(srcDir, file.path)));
  for (const path of gone) {
    for (const output of outputsOf(path)) rmSync(join(outDir, output), { force: true });
  }
  writeWhole(recordPath, `${JSON.stringify({ format, files: Object.fromEntries(sources.map((file) => [file.path, stamp(file)])) })}\n`);
  return { status: "built", compiled: typescript.length, copied: others.length, removed: gone.length };
}

function isTypeScript(path) {
  return path.endsWith(".ts") && !path.endsWith(".d.ts");
}

function outputsOf(path) {
  if (!isTypeScript(path)) return [path];
  const js = path.replace(/\.ts$/, ".js");
  return [js, `${js}.map`];
}

/** Every file under src/, with the size and time its record is compared by (paths with "/"). */
function readSources(srcDir) {
  const files = [];
  for (const entry of readdirSync(srcDir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = join(entry.parentPath ?? entry.path, entry.name);
    const { size, mtimeMs, ino } = statSync(full);
    files.push({ path: relative(srcDir, full).split(sep).join("/"), size, mtimeMs, ino });
  }
  return files;
}

function readStamp(path) {
  try {
    const { size, mtimeMs } = statSync(path);
    return `${size}:${mtimeMs}`;
  } catch {
    return "none";
  }
}

function readRecord(path) {
  try {
    const record = JSON.parse(readFileSync(path, "utf8"));
    return typeof record?.format === "string" && typeof record.files === "object" ? record : undefined;
  } catch {
    return undefined;
  }
}

// Another process starting at the same moment may build too: it sees a whole old file or a whole new one.
function writeWhole(path, contents) {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
  writeFileSync(temporary, contents);
  renameSync(temporary, path);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const started = performance.now();
  const outcome = await buildDist();
  const ms = Math.round(performance.now() - started);
  process.stdout.write(
    outcome.status === "fresh"
      ? `dist/ is up to date with src/ (${ms} ms)\n`
      : `dist/: compiled ${outcome.compiled}, copied ${outcome.copied}, removed ${outcome.removed} files in ${ms} ms\n`,
  );
}
