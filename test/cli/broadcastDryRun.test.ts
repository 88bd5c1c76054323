// relawan broadcast create --dry-run through the command line: each language's recipients' message
// exactly as the dispatcher renders it (footer and STOP hint), the count with the reasons others
// are left out, in --lang or DEFAULT_LANGUAGE, and nothing created.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { renderBroadcast } from "../../src/domain/broadcasts/renderBroadcast.js";
import { createTestApp, type TestApp } from "../support/createTestApp.js";
import { seedFourPeopleAndTwoSegments } from "../support/seedFourPeopleAndTwoSegments.js";
import { runCliInProcess } from "../support/runCliInProcess.js";

let app: TestApp;
const now = new Date("2026-11-26T03:00:00Z");

beforeEach(async () => {
  app = await createTestApp();
  await seedFourPeopleAndTwoSegments(app);
});
afterEach(async () => {
  await app.close();
});

const cli = (args: string[], env: Record<string, string> = {}) => runCliInProcess(args, { databaseUrl: app.dbUrl, now, env });

async function nothingCreated(): Promise<void> {
  expect(await app.db.broadcast.count()).toBe(0);
  expect(await app.db.delivery.count()).toBe(0);
  expect(await app.db.auditEntry.count({ where: { action: { startsWith: "broadcast." } } })).toBe(0);
}

describe("relawan broadcast create --dry-run", () => {
  it("shows each language's message with the footer, the count and why others are left out, in Indonesian by default", async () => {
    const result = await cli(["broadcast", "create", "--segment", "Semua", "--text", "Rapat relawan Sabtu jam 10.", "--text-en", "Volunteer meeting Saturday at 10.", "--dry-run"]);
    expect(result).toEqual({
      code: 0,
      stderr: "",
      stdout: [
        "Pratinjau — penerima Bahasa Indonesia",
        "  Rapat relawan Sabtu jam 10.",
        "",
        "  — Tim Relawan Nusa Bakti (DEMO)",
        "  Balas STOP untuk berhenti.",
        "",
        "Pratinjau — penerima English",
        "  Volunteer meeting Saturday at 10.",
        "",
        "  — Nusa Bakti Volunteer Team (DEMO)",
        "  Reply STOP to unsubscribe.",
        "",
        "Segmen: Semua — 3 penerima.",
        "4 kontak: 3 bisa menerima siaran; 1 belum setuju menerima kabar",
        "Dikirim: sekarang",
        "Kapan sampai, per zona waktu:",
        "  WIB (dan kontak tanpa wilayah): langsung diterima, 26 Nov 2026, 10.00 WIB.",
        "  WITA: langsung diterima, 26 Nov 2026, 11.00 WITA.",
        "  WIT: langsung diterima, 26 Nov 2026, 12.00 WIT.",
        "",
        "Uji coba: tidak ada yang dibuat atau dikirim. Tanpa --dry-run siaran ini keluar persis seperti di atas.",
        "",
      ].join("\n"),
    });
    await nothingCreated();
  });

  it("shows what the dispatcher will send, in English with --lang en, scheduled, with one text for everyone", async () => {
    const result = await cli(["broadcast", "create", "--segment", "Semua", "--text", "Halo semua", "--at", "2026-12-01 19:00", "--dry-run", "--lang", "en"]);
    expect(result.code).toBe(0);
    // The English recipients get the only text there is, with their own footer: the dispatcher's rendering.
    const english = renderBroadcast({ texts: { id: "Halo semua" } }, { language: "en" }, { translator: app.deps.translator, campaignName: app.content.campaign.campaign.name });
    expect(result.stdout).toContain(`Preview — English recipients\n${english.text.split("\n").map((l) => (l ? `  ${l}` : l)).join("\n")}\n`);
    expect(result.stdout).toContain("Preview — Bahasa Indonesia recipients\n  Halo semua\n\n  — Tim Relawan Nusa Bakti (DEMO)\n  Balas STOP untuk berhenti.\n");
    expect(result.stdout).toContain("Segment: Semua — 3 recipients.\n4 contacts: 3 can receive broadcasts; 1 without consent to updates\nSending: 1 Dec 2026, 19:00 WIB\n");
    expect(result.stdout).toContain("When it arrives, in each time zone:\n  WIB (and contacts without a region): they get it right away, 1 Dec 2026, 19:00 WIB.\n");
    expect(result.stdout).toContain("  WIT: 1 Dec 2026, 21:00 WIT is inside quiet hours (21:00–07:00): held, they get it from 2 Dec 2026, 07:00 WIT.\n");
    expect(result.stdout).toContain("Dry run: nothing was created or sent.");
    expect(result.stdout).not.toMatch(/Pratinjau|penerima\b|Uji coba/);
    await nothingCreated();
  });

  it("gives the same facts as JSON, and refuses what creating would refuse", async () => {
    const json = JSON.parse((await cli(["broadcast", "create", "--segment", "Relawan", "--text", "Briefing", "--operational", "--dry-run", "--json"])).stdout);
    expect(json).toMatchObject({ dryRun: true, segment: "Relawan", operational: true, total: 1, sendable: 1, previews: [{ language: "id", text: expect.stringContaining("Briefing\n\n— Tim Relawan") }, { language: "en" }] });
    expect(await cli(["broadcast", "create", "--segment", "Semua", "--text", "x", "--operational", "--dry-run", "--lang", "en"])).toEqual({
      code: 1,
      stdout: "",
      stderr: "--operational is only for segments of volunteers (role: volunteer).\n",
    });
    expect((await cli(["broadcast", "create", "--segment", "Semua", "--text", "x", "--image", "ftp://a", "--dry-run"])).stderr).toBe("--image harus alamat https://.\n");
    expect((await cli(["broadcast", "create", "--segment", "Nope", "--text", "x", "--dry-run"], { DEFAULT_LANGUAGE: "en" })).stderr).toBe('No segment named "Nope". See: relawan segment list\n');
    await nothingCreated();
  });
});
