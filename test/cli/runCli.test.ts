// The command line against a real SQLite file, in-process, plus one real `node bin/relawan.js`.
import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/runCli.js";
import { createTestApp, repoRoot, type TestApp } from "../support/createTestApp.js";
import { seedFourPeopleAndTwoSegments } from "../support/seedFourPeopleAndTwoSegments.js";

let app: TestApp;
const now = new Date("2026-11-26T03:00:00Z");

beforeEach(async () => {
  app = await createTestApp();
  await seedFourPeopleAndTwoSegments(app);
});
afterEach(async () => {
  await app.close();
});

async function cli(args: string[], env: Record<string, string> = {}) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    env: { DATABASE_URL: app.dbUrl, ...env },
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    clock: () => now,
  });
  return { code, stdout, stderr };
}

describe("relawan segment", () => {
  it("lists segments with live counts, for people and for machines", async () => {
    const human = await cli(["segment", "list"]);
    expect(human.stdout).toMatch(/^Relawan\n {2}• .+\n {2}1 kontak: 1 bisa menerima siaran\n\nSemua\n {2}.+\n {2}4 kontak: 3 bisa menerima siaran; 1 belum setuju menerima kabar\n$/);
    expect(human.stdout).not.toContain("{");
    // English counts one as one: "1 contact", never "1 contacts" (i18next's _one and _other).
    const english = await cli(["segment", "list", "--lang", "en"]);
    expect(english.stdout).toContain("  1 contact: 1 can receive broadcasts\n");
    expect(english.stdout).toContain("  4 contacts: 3 can receive broadcasts;");
    const machine = await cli(["segment", "list", "--json"]);
    expect(JSON.parse(machine.stdout)).toEqual([
      expect.objectContaining({ name: "Relawan", total: 1, sendable: 1, definition: { role: "volunteer" } }),
      expect.objectContaining({ name: "Semua", total: 4, sendable: 3, definition: {} }),
    ]);
  });

  it("counts one segment, and says so when it does not exist", async () => {
    expect(await cli(["segment", "count", "semua"])).toEqual({ code: 0, stdout: "Semua: 4 kontak: 3 bisa menerima siaran; 1 belum setuju menerima kabar\n", stderr: "" });
    await app.db.contact.updateMany({ where: { identities: { some: { externalId: "8001" } } }, data: { optedOut: true } });
    await app.db.channelIdentity.updateMany({ where: { externalId: "8002" }, data: { unreachableAt: now } });
    await app.db.contact.create({ data: { phone: "+6281299990000", updatesConsent: true } });
    const english = await cli(["segment", "count", "semua"], { DEFAULT_LANGUAGE: "en" });
    expect(english.stdout).toBe(
      "Semua: 5 contacts: 1 can receive broadcasts; 1 without consent to updates; 1 said STOP; 1 without a Telegram or WhatsApp account; 1 blocked the bot or closed their account\n",
    );
    expect(JSON.parse((await cli(["segment", "count", "semua", "--json"])).stdout)).toMatchObject({
      total: 5,
      sendable: 1,
      unreachable: { no_consent: 1, opted_out: 1, no_account: 1, blocked: 1 },
    });
    const missing = await cli(["segment", "count", "Nope", "--json"]);
    expect(missing.code).toBe(1);
    expect(JSON.parse(missing.stdout)).toMatchObject({ error: "segment_not_found" });
    expect(missing.stderr).toBe('Tidak ada segmen bernama "Nope". Lihat: relawan segment list\n');
  });
});

describe("relawan broadcast", () => {
  it("creates and sends at once, with the audit actor cli", async () => {
    const created = await cli(["broadcast", "create", "--segment", "Semua", "--text", "Halo semua", "--text-en", "Hello all", "--json"]);
    expect(created.code).toBe(0);
    const json = JSON.parse(created.stdout);
    // --json: ISO 8601 with the campaign zone's offset (TIMEZONE defaults to Asia/Jakarta).
    expect(json).toEqual({ id: expect.any(String), status: "sending", scheduledAt: "2026-11-26T10:00:00+07:00", recipients: 3 });
    const broadcast = await app.db.broadcast.findUniqueOrThrow({ where: { id: json.id } });
    expect(JSON.parse(broadcast.texts)).toEqual({ id: "Halo semua", en: "Hello all" });
    expect(broadcast).toMatchObject({ createdBy: "cli", status: "sending", progressChat: null });
    expect(await app.db.delivery.count({ where: { broadcastId: json.id } })).toBe(3);
    expect(await app.db.auditEntry.findFirstOrThrow({ where: { action: "broadcast.create" } })).toMatchObject({ actor: "cli", target: json.id });
  });

  it("saves a draft and sends it; sending twice gives each recipient one delivery", async () => {
    const draft = await cli(["broadcast", "create", "--segment", "Semua", "--text", "Draf", "--draft"]);
    expect(draft.code).toBe(0);
    const id = /^Draf (\S+) disimpan\. Kirim dengan: relawan broadcast send \1\n$/.exec(draft.stdout)?.[1] ?? "";
    expect(id).not.toBe("");
    expect(await app.db.delivery.count()).toBe(0);
    expect(await cli(["broadcast", "send", id, "--lang", "en"])).toEqual({ code: 0, stdout: `Broadcast ${id} sending: 3 recipients (3 added now).\n`, stderr: "" });
    expect(await cli(["broadcast", "send", id])).toEqual({ code: 0, stdout: `Siaran ${id} sedang dikirim: 3 penerima (0 ditambahkan sekarang).\n`, stderr: "" });
    expect(await app.db.delivery.count({ where: { broadcastId: id } })).toBe(3);
    const status = await cli(["broadcast", "status", id, "--lang", "en"]);
    expect(status.stdout).toBe(`${id}  sending  segment "Semua"\n  scheduled 26 Nov 2026, 10:00 WIB, started 26 Nov 2026, 10:00 WIB\n  queued 3 (total 3)\n`);
    const statusId = await cli(["broadcast", "status", id]);
    expect(statusId.stdout).toBe(`${id}  sedang dikirim  segmen "Semua"\n  dijadwalkan 26 Nov 2026, 10.00 WIB, mulai 26 Nov 2026, 10.00 WIB\n  antre 3 (total 3)\n`);
    const statusJson = JSON.parse((await cli(["broadcast", "status", id, "--json"])).stdout);
    expect(statusJson[0]).toMatchObject({ scheduledAt: "2026-11-26T10:00:00+07:00", startedAt: "2026-11-26T10:00:00+07:00", completedAt: null });
    expect(await app.db.auditEntry.count({ where: { actor: "cli", action: "broadcast.send" } })).toBe(2);
  });

  it("schedules with --at in the campaign zone or a named one, and refuses the past", async () => {
    const later = await cli(["broadcast", "create", "--segment", "Semua", "--text", "Nanti", "--at", "2026-12-01 19:00 WIT", "--json"]);
    expect(JSON.parse(later.stdout)).toMatchObject({ status: "scheduled", scheduledAt: "2026-12-01T17:00:00+07:00", recipients: 3 });
    const text = await cli(["broadcast", "create", "--segment", "Semua", "--text", "Nanti juga", "--at", "2026-12-01 19:00 WITA"], { DEFAULT_LANGUAGE: "en" });
    expect(text.stdout).toMatch(/^Broadcast \S+ scheduled for 1 Dec 2026, 18:00 WIB to 3 recipients\.\n$/);
    const past = await cli(["broadcast", "create", "--segment", "Semua", "--text", "Lewat", "--at", "2026-11-26 09:00", "--lang", "en"]);
    expect(past).toEqual({ code: 1, stdout: "", stderr: "--at: 26 Nov 2026, 09:00 WIB has already passed.\n" });
    expect((await cli(["broadcast", "create", "--segment", "Semua", "--text", "Lewat", "--at", "2026-11-26 09:00"])).stderr).toBe("--at: 26 Nov 2026, 09.00 WIB sudah lewat.\n");
    const bad = await cli(["broadcast", "create", "--segment", "Semua", "--text", "Gambar", "--image", "http://example.org/a.jpg"]);
    expect(bad).toEqual({ code: 1, stdout: "", stderr: "--image harus alamat https://.\n" });
    expect(await app.db.broadcast.count()).toBe(2);
  });

  it("holds the election quiet period, except operational messages to volunteers", async () => {
    const env = { CAMPAIGN_BLACKOUT: "2026-11-25..2026-11-27@Asia/Jakarta" };
    const refused = await cli(["broadcast", "create", "--segment", "Semua", "--text", "Pilih kami!", "--lang", "en"], env);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain("election quiet period");
    expect((await cli(["broadcast", "create", "--segment", "Semua", "--text", "Pilih kami!", "--dry-run"], env)).stderr).toContain("masa tenang pemilu");
    expect(await cli(["broadcast", "create", "--segment", "Semua", "--text", "Pilih kami!", "--operational"], { ...env, DEFAULT_LANGUAGE: "en" })).toMatchObject({
      code: 1,
      stderr: "--operational is only for segments of volunteers (role: volunteer).\n",
    });
    const allowed = await cli(["broadcast", "create", "--segment", "Relawan", "--text", "Briefing saksi jam 6", "--operational", "--json"], env);
    expect(JSON.parse(allowed.stdout)).toMatchObject({ status: "sending", recipients: 1 });
    expect(await app.db.broadcast.count()).toBe(1);
  });

  it("pauses, resumes and cancels by id", async () => {
    const { stdout } = await cli(["broadcast", "create", "--segment", "Semua", "--text", "Halo", "--json"]);
    const id = JSON.parse(stdout).id as string;
    expect(await cli(["broadcast", "pause", id, "--lang", "en"])).toEqual({ code: 0, stdout: `Broadcast ${id}: sending -> paused\n`, stderr: "" });
    expect(await cli(["broadcast", "pause", id, "--lang", "en"])).toEqual({ code: 1, stdout: "", stderr: `Broadcast ${id} is paused; it can't be paused.\n` });
    expect(await cli(["broadcast", "pause", id])).toEqual({ code: 1, stdout: "", stderr: `Siaran ${id} berstatus dijeda; tidak bisa dijeda.\n` });
    expect((await cli(["broadcast", "resume", id])).stdout).toBe(`Siaran ${id}: dijeda -> sedang dikirim\n`);
    const queuedBefore = JSON.parse((await cli(["stats", "--json"])).stdout).broadcasts;
    expect(queuedBefore).toMatchObject({ queued: 3, skipped: 0 });
    expect((await cli(["broadcast", "cancel", id], { DEFAULT_LANGUAGE: "en" })).stdout).toBe(`Broadcast ${id}: sending -> cancelled\n`);
    expect((await cli(["broadcast", "cancel", "nosuch"])).code).toBe(1);
    // No dispatcher runs here: the cancel itself closes the queue, and the stats say so at once.
    expect(JSON.parse((await cli(["stats", "--json"])).stdout).broadcasts).toMatchObject({ queued: 0, skipped: 3 });
    // One fixed clock for every call: compare as a set.
    expect((await app.db.auditEntry.findMany({ where: { actor: "cli" } })).map((a) => a.action).sort()).toEqual(["broadcast.cancel", "broadcast.create", "broadcast.pause", "broadcast.resume"]);
  });
});

describe("configuration and usage", () => {
  it("stops with exit code 2 and the bot's own configuration lines", async () => {
    expect(await cli(["segment", "list"], { DATABASE_URL: "mysql://db/relawan" })).toEqual({
      code: 2,
      stdout: "",
      stderr:
        'Configuration error: DATABASE_URL: expected a SQLite URL like file:./data/relawan.db or a PostgreSQL URL like postgresql://user:password@host:5432/relawan (got "mysql://db/relawan")\nSee .env.example for every setting.\n',
    });
    const blackout = await cli(["segment", "list"], { CAMPAIGN_BLACKOUT: "soon" });
    expect(blackout.code).toBe(2);
    expect(blackout.stderr).toMatch(/^Configuration error: CAMPAIGN_BLACKOUT: "soon": expected START\.\.END@Zone/);
  });

  it("answers unknown commands and missing options with usage and exit code 2", async () => {
    expect((await cli(["broadcast", "launch"])).code).toBe(2);
    const missing = await cli(["broadcast", "create", "--text", "x"]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("required option '--segment <name>' not specified");
    expect((await cli(["--help"])).code).toBe(0);
    expect((await cli([])).code).toBe(2);
  });
});

describe("bin/relawan.js", () => {
  it("runs the TypeScript CLI as a plain node process", async () => {
    const { stdout } = await promisify(execFile)(process.execPath, [join(repoRoot, "bin", "relawan.js"), "segment", "list"], {
      cwd: repoRoot,
      env: { ...process.env, DATABASE_URL: app.dbUrl },
    });
    expect(stdout).toContain("4 kontak: 3 bisa menerima siaran");
  }, 30_000);
});
