import { execFile } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, mkdtempSync, rmSync, statSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { createBenchDatabase, root, type BenchDialect } from "./benchDatabase.js";

const regions = ["32.73", "32.04", "31.71", "35.78", "32.73.01", "33.74", "51.71", "73.71"];
const tags = ["posko-a", "posko-b", "saksi", "donatur", "relawan-lama"];

/**
 * Writes a CSV of `rows` contacts (a few invalid rows and in-file duplicates among them, as real
 * lists have), then imports it with `relawan import` into a fresh database in a child process,
 * so the peak RSS is the import's alone (on PostgreSQL the server's memory is not in it).
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
    const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", join(root, "bench/importContactsChild.ts"), store.url, csv], {
      cwd: root,
      maxBuffer: 16 * 1024 * 1024,
    });
    const wallSeconds = (performance.now() - started) / 1000;
    const result = JSON.parse(stdout.trim().split("\n").at(-1)!) as { code: number; report: Record<string, number>; seconds: number; cpuSeconds: number; peakRssMb: number };
    if (result.code !== 0) throw new Error(`import exited with ${result.code}: ${stdout}`);
    const { report } = result;
    console.log(
      `import (${database}): ${rows} rows (${(statSync(csv).size / 1024 / 1024).toFixed(0)} MB CSV, written in ${writeSeconds.toFixed(1)} s) imported by relawan import in ${result.seconds.toFixed(1)} s ` +
        `(${Math.round(rows / result.seconds)} rows/s; ${wallSeconds.toFixed(1)} s with process start; CPU of the importing process ${result.cpuSeconds.toFixed(1)} s; load average ${loadavg()[0]!.toFixed(1)}); peak RSS ${result.peakRssMb.toFixed(0)} MB; ` +
        `${report.created} created, ${report.merged} merged, ${report.invalid} invalid, ${report.consentRecorded} consents; database now ${(await store.sizeMb()).toFixed(0)} MB`,
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
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
