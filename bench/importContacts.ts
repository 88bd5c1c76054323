import { spawn } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { createBenchDatabase, root, type BenchDialect } from "./benchDatabase.js";
import { watchServerCpu } from "./watchServerCpu.js";

const regions = ["32.73", "32.04", "31.71", "35.78", "32.73.01", "33.74", "51.71", "73.71"];
const tags = ["posko-a", "posko-b", "saksi", "donatur", "relawan-lama"];

// Loaded before bin/relawan.js (and by its worker threads, which inherit the flags): at the process's
// exit, its CPU time (all threads, and the main thread's alone: on a quiet machine with a core
// to spare, the main thread is the wall time) and peak RSS, on a line of stderr.
const usageReporter = `data:text/javascript,${encodeURIComponent(
  'import{readFileSync,writeSync}from"node:fs";import{isMainThread}from"node:worker_threads";if(isMainThread)process.on("exit",()=>{const u=process.resourceUsage();' +
    'const t=readFileSync("/proc/self/task/"+process.pid+"/stat","utf8").split(") ")[1].split(" ");' +
    'writeSync(2,"\\nBENCH_USAGE "+JSON.stringify({cpuSeconds:(u.userCPUTime+u.systemCPUTime)/1e6,mainThreadCpuSeconds:(Number(t[11])+Number(t[12]))/100,peakRssMb:u.maxRSS/1024})+"\\n")})',
)}`;

/**
 * Writes a CSV of `rows` contacts (a few invalid rows and in-file duplicates among them, as real
 * lists have), then imports it into a fresh database by running `node bin/relawan.js import` as a
 * user does (the compiled dist/, not tsx), so the CPU time and peak RSS are the import's alone (on
 * PostgreSQL the server's are not in them). BENCH_IMPORT_CPU_PROF=<folder> writes a --cpu-prof there;
 * BENCH_IMPORT_WRITERS=<n> passes --writers <n>, BENCH_IMPORT_BATCH_SIZE=<rows> --batch-size <rows>.
 */
export async function benchImportContacts(rows: number, database: BenchDialect): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "relawan-bench-import-"));
  const store = await createBenchDatabase(database);
  try {
    const csv = join(dir, "contacts.csv");
    let started = performance.now();
    await writeContactsCsv(csv, rows);
    const writeSeconds = (performance.now() - started) / 1000;
    started = performance.now();
    const loadBefore = loadavg()[0]!;
    // On PostgreSQL: the server processes serving the import's connections (its bulk writer, Prisma's pool).
    const server = watchServerCpu(store);
    const result = await runImport(store.url, csv).finally(() => server.stop());
    const wallSeconds = (performance.now() - started) / 1000;
    const serverSeconds = await server.seconds();
    const serverCpu = serverSeconds === undefined ? "" : `; CPU of the PostgreSQL server processes ${serverSeconds.toFixed(1)} s`;
    const { report, usage } = result;
    console.log(
      `import (${database}): ${rows} rows (${(statSync(csv).size / 1024 / 1024).toFixed(0)} MB CSV, written in ${writeSeconds.toFixed(1)} s) imported by relawan import in ${report.seconds!.toFixed(1)} s ` +
        `(${Math.round(rows / report.seconds!)} rows/s; ${wallSeconds.toFixed(1)} s with process start; CPU of the importing process ${usage.cpuSeconds.toFixed(1)} s, of its main thread ${usage.mainThreadCpuSeconds.toFixed(1)} s${serverCpu}; ` +
        `load average ${loadBefore.toFixed(1)} before, ${loadavg()[0]!.toFixed(1)} after); peak RSS ${usage.peakRssMb.toFixed(0)} MB; ` +
        `${report.created} created, ${report.merged} merged, ${report.invalid} invalid, ${report.consentRecorded} consents; database now ${(await store.sizeMb()).toFixed(0)} MB`,
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** `node bin/relawan.js import <csv> --json`: its report, and its CPU time and peak RSS. */
async function runImport(url: string, csv: string) {
  const profile = process.env.BENCH_IMPORT_CPU_PROF ? ["--cpu-prof", `--cpu-prof-dir=${process.env.BENCH_IMPORT_CPU_PROF}`] : [];
  // BENCH_IMPORT_WRITERS=<n>: relawan import --writers <n> (PostgreSQL connections writing at once).
  const writers = process.env.BENCH_IMPORT_WRITERS ? ["--writers", process.env.BENCH_IMPORT_WRITERS] : [];
  const batchSize = process.env.BENCH_IMPORT_BATCH_SIZE ? ["--batch-size", process.env.BENCH_IMPORT_BATCH_SIZE] : [];
  const child = spawn(process.execPath, [...profile, "--import", usageReporter, join(root, "bin/relawan.js"), "import", csv, "--json", "--lang", "en", ...writers, ...batchSize], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: url },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout.setEncoding("utf8").on("data", (text: string) => (stdout += text));
  child.stderr.setEncoding("utf8").on("data", (text: string) => {
    stderr += text;
    // Progress lines (one per 100,000 rows) go to the bench's stderr as they come.
    if (!text.includes("BENCH_USAGE")) process.stderr.write(text);
  });
  const [code] = (await once(child, "close")) as [number | null];
  const usage = /^BENCH_USAGE (.*)$/m.exec(stderr)?.[1];
  if (code !== 0 || usage === undefined) throw new Error(`relawan import exited with ${code}: ${stdout}${stderr}`);
  return { report: JSON.parse(stdout) as Record<string, number>, usage: JSON.parse(usage) as { cpuSeconds: number; mainThreadCpuSeconds: number; peakRssMb: number } };
}

async function writeContactsCsv(path: string, rows: number): Promise<void> {
  const out = createWriteStream(path);
  let buffer = "nama,telepon,telegram_id,kode_wilayah,bahasa,tag,persetujuan,sumber_persetujuan,tanggal_persetujuan\n";
  for (let i = 0; i < rows; i++) {
    // Every 1,000th row has a broken phone; every 500th repeats an earlier person with another tag.
    const n = i % 500 === 499 ? i - 250 : i;
    const phone = i % 1000 === 999 ? "0812-xx" : `0812${String(10_000_000 + n)}`;
    const telegram = n % 2 === 0 ? String(500_000_000 + n) : "";
    const consent = n % 3 === 0 ? "tidak" : "ya";
    const source = consent === "ya" ? "formulir posko" : "";
    const date = consent === "ya" ? `2026-0${1 + (n % 9)}-1${n % 10}` : "";
    buffer += `Relawan ${n},${phone},${telegram},${regions[n % regions.length]},${n % 7 === 0 ? "en" : "id"},${tags[i % tags.length]};${tags[(n + 1) % tags.length]},${consent},${source},${date}\n`;
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, "drain");
      buffer = "";
    }
  }
  out.end(buffer);
  await once(out, "finish");
}
