// `relawan stats` against a real SQLite file: the numbers on stdout, and with --out the five charts and stats.json.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/runCli.js";
import { pngSize } from "../charts/pngSize.js";
import { seedStats, statsNow } from "../domain/stats/seedStats.js";
import { createTestDatabase, type TestDatabase } from "../support/createTestDatabase.js";

let database: TestDatabase;
let out: string;
beforeEach(async () => {
  database = await createTestDatabase();
  out = mkdtempSync(join(tmpdir(), "relawan-stats-"));
});
afterEach(async () => {
  await database.close();
  rmSync(out, { recursive: true, force: true });
});

async function cli(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    env: { DATABASE_URL: database.url },
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    clock: () => statsNow,
  });
  return { code, stdout, stderr };
}

const chartFiles = ["broadcast-delivery.png", "contacts-over-time.png", "task-completion.png", "unanswered-questions.png", "volunteers-by-province.png"];

describe("relawan stats", () => {
  it("writes the five charts and stats.json into --out and prints the numbers", async () => {
    await seedStats(database.db);
    const dir = join(out, "nested", "charts");
    const result = await cli(["stats", "--out", dir, "--lang", "en"]);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Contacts: 5 (+4 in the last 7 days)\nVolunteers: 4 (+3 in the last 7 days)\n");
    expect(result.stdout).toContain("Broadcasts: 3 delivered · 4 queued · 1 failed · 2 blocked · 2 skipped · 1 uncertain\n");
    expect(result.stdout).toContain(`Wrote 6 files to ${dir}:\n  contacts-over-time.png\n`);
    expect(readdirSync(dir).sort()).toEqual([...chartFiles, "stats.json"].sort());
    for (const file of chartFiles) expect(pngSize(readFileSync(join(dir, file))), file).toEqual({ width: 800, height: 450 });
    const json = JSON.parse(readFileSync(join(dir, "stats.json"), "utf8"));
    expect(json).toMatchObject({
      // Instants in stats.json carry the campaign zone's offset, as --json does.
      at: "2026-11-26T10:00:00+07:00",
      timeZone: "Asia/Jakarta",
      growth: { contacts: 5, volunteers: 4 },
      volunteersByProvince: [{ code: "32", name: "Jawa Barat", volunteers: 2 }, { code: "31", name: "DKI Jakarta", volunteers: 1 }, { code: null, volunteers: 1 }],
      broadcasts: { queued: 4, delivered: 3, failed: 1, blocked: 2, skipped: 2, uncertain: 1 },
      tasks: { tasks: 2, totals: { done: 2, accepted: 2, overdue: 1, offered: 1, declined: 1 }, recent: expect.arrayContaining([expect.objectContaining({ deadline: "2026-12-01T17:00:00+07:00" })]) },
      questions: [{ text: "gimana cara daftar", count: 4 }, { text: "Kapan debat kandidat?", count: 2 }, { text: "Apakah ada kaos gratis", count: 1 }],
    });
  });

  it("prints the numbers in the default language without writing anything when --out is left out", async () => {
    await seedStats(database.db);
    const result = await cli(["stats"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Kontak: 5 (+4 dalam 7 hari terakhir)");
    expect(result.stdout).not.toMatch(/Wrote|ditulis/);
    expect(readdirSync(out)).toEqual([]);
  });

  it("gives scripts the same figures with --json", async () => {
    await seedStats(database.db);
    const result = await cli(["stats", "--json"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ growth: { contacts: 5 }, tasks: { openTasks: 2 } });
  });

  it("draws every chart on an empty database too", async () => {
    const result = await cli(["stats", "--out", out]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Kontak: 0 (+0 dalam 7 hari terakhir)");
    for (const file of chartFiles) expect(pngSize(readFileSync(join(out, file))), file).toEqual({ width: 800, height: 450 });
  });

  it("refuses an unknown language as a usage error, and says when the folder cannot be written", async () => {
    const usage = await cli(["stats", "--lang", "fr"]);
    expect(usage.code).toBe(2);
    expect(usage.stderr).toContain("Allowed choices are en, id");
    const file = join(out, "a-file");
    writeFileSync(file, "not a folder");
    const refused = await cli(["stats", "--out", file, "--lang", "en"]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(new RegExp(`^Could not write to ${file}: `));
    expect((await cli(["stats", "--out", file])).stderr).toMatch(new RegExp(`^Tidak bisa menulis ke ${file}: `));
  });
});
