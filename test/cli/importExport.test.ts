// `relawan import` and `relawan export` in-process against a real SQLite file: reports, exit codes, audit.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "csv-parse/sync";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/runCli.js";
import { createTestDatabase, type TestDatabase } from "../support/createTestDatabase.js";
import { createCsvFolder } from "../domain/imports/support.js";
import { readContactTags } from "../../src/domain/contacts/contactTags.js";

let store: TestDatabase;
let folder: ReturnType<typeof createCsvFolder>;
const now = new Date("2026-11-26T03:00:00Z");
beforeEach(async () => {
  store = await createTestDatabase();
  folder = createCsvFolder();
});
afterEach(async () => {
  await store.close();
  folder.remove();
});

async function cli(args: string[], url = store.url, at = now) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    env: { DATABASE_URL: url },
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    clock: () => at,
  });
  return { code, stdout, stderr };
}

const csv = [
  "name,phone,telegram_id,region_code,language,tags,consent,consent_source,consent_date",
  "Budi,081234567890,111,32.73,id,posko,yes,form,2026-03-01",
  "Siti,12,,,,,,,",
  "Budi,081234567890,,,,saksi,,,",
  "Ani,081311112222,,,en,,no,,",
].join("\n");

describe("relawan import", () => {
  it("imports, prints the report, lists invalid rows with line numbers, and exits 0", async () => {
    const path = folder.write("kontak.csv", `${csv}\n`);
    const result = await cli(["import", path, "--lang", "en"]);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe("");
    expect(result.stdout.split("\n")).toEqual([
      `Import of ${path}`,
      "Rows read: 4",
      "New contacts: 2",
      "Merged into existing contacts or earlier rows: 1",
      "Invalid rows: 1",
      "Consent recorded: 1",
      "Skipped (blank rows): 0",
      "",
      "Invalid rows (the first 1):",
      'line 3: phone "12": wrong number of digits',
      `Every invalid row, with its reason: ${path}.errors.csv`,
      expect.stringMatching(/^Took \d+\.\d s\.$/),
      "",
    ]);
    expect(readFileSync(`${path}.errors.csv`, "utf8")).toContain('3,"phone ""12"": wrong number of digits",Siti,12');
    expect(await store.db.contact.count()).toBe(2);
    expect(await store.db.auditEntry.findFirstOrThrow({ where: { action: "import" } })).toMatchObject({ actor: "cli", target: path });
  });

  it("--dry-run reports the same counts, writes no contact and no audit entry; an .xlsx imports like the CSV", async () => {
    const path = folder.write("kontak.csv", `${csv}\n`);
    const dry = await cli(["import", path, "--lang", "en", "--dry-run"]);
    expect(dry.code).toBe(0);
    const lines = dry.stdout.split("\n");
    expect(lines.slice(0, 5)).toEqual([`Dry run of ${path}: nothing was written. The import would give:`, "Rows read: 4", "New contacts: 2", "Merged into existing contacts or earlier rows: 1", "Invalid rows: 1"]);
    expect(await store.db.contact.count()).toBe(0);
    expect(await store.db.auditEntry.count()).toBe(0);

    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet("Kontak");
    for (const line of csv.split("\n")) sheet.addRow(line.split(","));
    const xlsx = join(folder.dir, "kontak.xlsx");
    await workbook.xlsx.writeFile(xlsx);
    const real = await cli(["import", xlsx, "--lang", "en", "--json"]);
    expect(real.code).toBe(0);
    expect(JSON.parse(real.stdout)).toMatchObject({ rowsRead: 4, created: 2, merged: 1, invalid: 1 });
    expect(await store.db.contact.count()).toBe(2);
  });

  it("answers --json with the counts and the reasons, and writes the errors where --errors says", async () => {
    const path = folder.write("kontak.csv", `${csv}\n`);
    const errors = join(folder.dir, "salah.csv");
    const result = await cli(["import", path, "--json", "--errors", errors, "--lang", "id"]);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({
      rowsRead: 4,
      created: 2,
      merged: 1,
      invalid: 1,
      consentRecorded: 1,
      errorsPath: errors,
      invalidRows: [{ line: 3, problem: { code: "phone", reason: "wrong_length" }, reason: 'nomor "12": jumlah digit salah' }],
    });
    expect(readFileSync(errors, "utf8")).toContain("jumlah digit salah");
  });

  // One file each: every import starts its reading thread, about a second apiece on a busy machine.
  async function nothingWritten() {
    expect(await store.db.contact.count()).toBe(0);
    expect(await store.db.auditEntry.count()).toBe(0);
  }

  it("refuses an empty file with exit code 1", async () => {
    const empty = folder.write("kosong.csv", "");
    expect(await cli(["import", empty, "--lang", "en"])).toEqual({ code: 1, stdout: "", stderr: `Nothing was imported. "${empty}" is empty: there is nothing to import.\n` });
    await nothingWritten();
  });

  it("refuses a header alone with exit code 1", async () => {
    const headerOnly = folder.write("header.csv", "nama,hp\n");
    expect(await cli(["import", headerOnly])).toEqual({
      code: 1,
      stdout: "",
      stderr: `Tidak ada yang diimpor. "${headerOnly}" hanya berisi baris header: tidak ada yang diimpor.\n`,
    });
    await nothingWritten();
  });

  it("refuses a missing file with exit code 1, in JSON when asked", async () => {
    const missing = await cli(["import", join(folder.dir, "nope.csv"), "--json"]);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: "not_found" });
    await nothingWritten();
  });

  it("refuses a file without a phone column with exit code 1", async () => {
    const noPhone = await cli(["import", folder.write("email.csv", "name,email\nBudi,b@example.org\n"), "--lang", "en"]);
    expect(noPhone.code).toBe(1);
    expect(noPhone.stderr).toContain("has no phone column and no Telegram id column (its first row has: name, email)");
    await nothingWritten();
  });

  it("refuses an errors file it cannot write with exit code 1", async () => {
    const nowhere = await cli(["import", folder.write("ok.csv", `${csv}\n`), "--errors", join(folder.dir, "no-such-folder", "e.csv"), "--lang", "en"]);
    expect(nowhere.code).toBe(1);
    expect(nowhere.stderr).toContain("cannot be written to");
    await nothingWritten();
  });

  it("gives every phone number a WhatsApp identity, so a yes to updates can receive broadcasts", async () => {
    const path = folder.write("wa.csv", "nama,telepon,persetujuan\nBudi,081234567890,ya\nSiti,081311112222,\nAni,081322223333,ya\n");
    expect((await cli(["import", path])).code).toBe(0);
    const identities = await store.db.channelIdentity.findMany({ include: { contact: true }, orderBy: { externalId: "asc" } });
    expect(identities.map((i) => [i.channel, i.externalId, i.contact.phone, i.lastInboundAt])).toEqual([
      ["whatsapp", "6281234567890", "+6281234567890", null],
      ["whatsapp", "6281311112222", "+6281311112222", null],
      ["whatsapp", "6281322223333", "+6281322223333", null],
    ]);
    await store.db.segment.create({ data: { name: "Semua", definition: "{}", createdBy: "test" } });
    expect(JSON.parse((await cli(["segment", "count", "Semua", "--json"])).stdout)).toMatchObject({ total: 3, sendable: 2, unreachable: { no_consent: 1 } });
    expect((await cli(["segment", "count", "Semua"])).stdout).toBe("Semua: 3 kontak: 2 bisa menerima siaran; 1 belum setuju menerima kabar\n");
  });

  it("changes nothing when the same file is imported again on another day", async () => {
    const path = folder.write("lagi.csv", "nama,telepon,persetujuan,sumber_persetujuan\nBudi,081234567890,ya,\nSiti,081311112222,ya,posko\n");
    const exportAll = async () => (await cli(["export", "contacts"])).stdout;
    expect((await cli(["import", path])).code).toBe(0);
    const first = await exportAll();
    const counts = async () => [await store.db.contact.count(), await store.db.channelIdentity.count(), await store.db.consentRecord.count()];
    const before = await counts();
    const later = await cli(["import", path, "--json"], store.url, new Date("2026-12-03T03:00:00Z"));
    expect(JSON.parse(later.stdout)).toMatchObject({ created: 0, merged: 2, consentRecorded: 0 });
    expect(await counts()).toEqual(before);
    expect(await exportAll()).toBe(first);
    const rows = parse(first, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.name, r.consent_source, r.consent_date])).toEqual(
      expect.arrayContaining([
        ["Budi", "import", "2026-11-26T10:00:00+07:00"],
        ["Siti", "posko", "2026-11-26T10:00:00+07:00"],
      ]),
    );
  });

  it("answers usage errors with exit code 2", async () => {
    expect((await cli(["import"])).code).toBe(2);
    expect((await cli(["import", "x.csv", "--lang", "fr"])).code).toBe(2);
    expect(await cli(["import", folder.write("a.csv", `${csv}\n`), "--batch-size", "0", "--lang", "en"])).toMatchObject({ code: 1, stderr: "--batch-size must be a whole number from 1 to 50000.\n" });
    expect(await cli(["import", folder.write("a.csv", `${csv}\n`), "--batch-size", "0"])).toMatchObject({ code: 1, stderr: "--batch-size harus bilangan bulat dari 1 sampai 50000.\n" });
  });
});

describe("relawan export", () => {
  it("writes CSV to stdout with the summary on stderr, or to --out with the summary on stdout", async () => {
    await cli(["import", folder.write("kontak.csv", `${csv}\n`)]);
    const piped = await cli(["export", "contacts", "--lang", "en"]);
    expect(piped.code).toBe(0);
    expect(piped.stderr).toBe("Exported 2 contacts.\n");
    const rows = parse(piped.stdout, { columns: true }) as Record<string, string>[];
    expect(rows.map((r) => [r.name, r.phone, r.tags, r.updates_consent])).toEqual(
      expect.arrayContaining([
        ["Budi", "'+6281234567890", "posko; saksi", "yes"],
        ["Ani", "'+6281311112222", "", "no"],
      ]),
    );
    const out = join(folder.dir, "out.csv");
    const written = await cli(["export", "volunteers", "--out", out]);
    expect(written).toEqual({ code: 0, stdout: `0 relawan diekspor ke ${out}.\n`, stderr: "" });
    expect(readFileSync(out, "utf8")).toMatch(/^\uFEFFid,name,phone,telegram_id,.*,referral_code,interests,availability,volunteer_since\n$/);
    const audit = await store.db.auditEntry.findMany({ where: { action: "export" }, orderBy: { target: "asc" } });
    expect(audit.map((a) => [a.actor, a.target, JSON.parse(a.details ?? "{}")])).toEqual([
      ["cli", "contacts", { segment: null, rows: 2, destination: "stdout", complete: true }],
      ["cli", "volunteers", { segment: null, rows: 0, destination: "file", complete: true }],
    ]);
  });

  it("exports a segment, refuses an unknown one with exit code 1 and an unknown kind with 2", async () => {
    await cli(["import", folder.write("kontak.csv", `${csv}\n`)]);
    await store.db.segment.create({ data: { name: "Posko", definition: JSON.stringify({ tagsAll: ["posko"] }), createdBy: "test" } });
    const some = await cli(["export", "contacts", "--segment", "posko"]);
    expect(some.stderr).toBe('1 kontak diekspor dari segmen "Posko".\n');
    expect((parse(some.stdout, { columns: true }) as Record<string, string>[]).map((r) => r.name)).toEqual(["Budi"]);
    expect(await cli(["export", "contacts", "--segment", "Nope", "--lang", "en"])).toEqual({ code: 1, stdout: "", stderr: 'No segment named "Nope". See: relawan segment list\n' });
    const wrong = await cli(["export", "donors"]);
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain("Allowed choices are contacts, volunteers, deliveries");
  });

  it("exports a file that imports into a fresh database", async () => {
    await cli(["import", folder.write("kontak.csv", `${csv}\n`)]);
    const out = join(folder.dir, "export.csv");
    expect((await cli(["export", "contacts", "--out", out])).code).toBe(0);
    const fresh = await createTestDatabase();
    try {
      const again = await cli(["import", out, "--json"], fresh.url);
      expect(JSON.parse(again.stdout)).toMatchObject({ created: 2, invalid: 0, consentRecorded: 1 });
      const budi = await fresh.db.contact.findUniqueOrThrow({ where: { phone: "+6281234567890" }, include: { identities: true } });
      expect(budi).toMatchObject({ name: "Budi", regionCode: "32.73", updatesConsent: true });
      expect(await readContactTags(fresh.db, budi.id)).toEqual(["posko", "saksi"]);
      expect(budi.identities.map((i) => [i.channel, i.externalId]).sort()).toEqual([
        ["telegram", "111"],
        ["whatsapp", "6281234567890"],
      ]);
    } finally {
      await fresh.close();
    }
  });
});
