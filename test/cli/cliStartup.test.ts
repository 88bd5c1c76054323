// `npx relawan --help` as a newcomer types it: it answers from the compiled CLI and loads only the
// command definitions, never the database, the charts or the chat platforms (those load when a
// command runs). The figure itself is in `npm run bench` (BENCH_ONLY=startup), not asserted here.
import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { buildDist } from "../../scripts/buildDist.js";
import { repoRoot } from "../support/createTestApp.js";

// Each of these takes tens to hundreds of milliseconds to load; none is needed to print help.
const heavy = ["@prisma/client", "@prisma/adapter-pg", "pg", "zod", "exceljs", "vega", "vega-lite", "@resvg/resvg-js", "telegraf", "whatsapp-web.js", "libphonenumber-js", "i18next", "esbuild", "tsx"];

function relawan(args: string[]) {
  const dir = mkdtempSync(join(tmpdir(), "relawan-cli-"));
  const record = join(dir, "modules.txt");
  const result = spawnSync(process.execPath, ["--import", "./test/support/recordLoadedModules.mjs", "bin/relawan.js", ...args], {
    cwd: repoRoot,
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "/tmp", RECORD_MODULES_TO: record, DATABASE_URL: `file:${join(dir, "r.db")}` },
    encoding: "utf8",
    timeout: 60_000,
  });
  let modules: string[] = [];
  try {
    modules = readFileSync(record, "utf8").trim().split("\n");
  } catch {
    // nothing recorded: the assertions below say so
  }
  rmSync(dir, { recursive: true, force: true });
  return { ...result, modules };
}

function packagesOf(modules: string[]): Set<string> {
  return new Set(modules.map((url) => /node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(url)?.[1]).filter((name): name is string => name !== undefined));
}

describe("relawan --help", () => {
  // dist/ is brought up to date first, as npm ci does; the launcher then has nothing to compile.
  beforeAll(async () => {
    await buildDist();
  }, 120_000);

  it("lists every command from the compiled CLI without loading the database, the charts or the platforms", () => {
    const result = relawan(["--help"]);
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    for (const command of ["start", "segment", "broadcast", "stats", "import", "export", "targets", "db"]) expect(result.stdout).toMatch(new RegExp(`^  ${command}\\b`, "m"));
    expect(result.modules.some((url) => url.includes("/dist/cli/main.js"))).toBe(true);
    expect(result.modules.filter((url) => url.includes("/src/"))).toEqual([]);
    const loaded = packagesOf(result.modules);
    expect(heavy.filter((name) => loaded.has(name))).toEqual([]);
  });

  it("shows a command's own help just as lightly", () => {
    const result = relawan(["broadcast", "create", "--help"]);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain("--segment <name>");
    const loaded = packagesOf(result.modules);
    expect(heavy.filter((name) => loaded.has(name))).toEqual([]);
  });

  it("loads the database when a command runs", () => {
    const result = relawan(["segment", "list"]);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe("Belum ada segmen. Buat dengan: relawan segment create <nama> --region … --tag …\n");
    expect(packagesOf(result.modules).has("@prisma/client")).toBe(true);
  });

  it("imports contacts from the compiled CLI, the file read on a worker thread that runs from dist/ too", () => {
    const dir = mkdtempSync(join(tmpdir(), "relawan-cli-csv-"));
    const csv = join(dir, "kontak.csv");
    writeFileSync(csv, "nama,telepon,telegram_id,persetujuan\nBudi,081234567890,111,ya\nSiti,12,,\nBudi,,111,\n");
    try {
      const result = relawan(["import", csv, "--json", "--lang", "en"]);
      expect(result.stderr).not.toMatch(/error/i);
      expect(result.status).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ rowsRead: 3, created: 1, merged: 1, invalid: 1, consentRecorded: 1 });
      expect(result.modules.some((url) => url.includes("/dist/domain/imports/startImportParser.js"))).toBe(true);
      expect(result.modules.filter((url) => url.includes("/src/"))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
