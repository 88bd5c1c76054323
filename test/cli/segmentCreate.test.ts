// relawan segment create and list through the command line program: the chat's rules for a
// segment's name, tags, region and referral code, the chat's words for its filters, audited as cli.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/runCli.js";
import { createTestApp, onboard, person, signUpVolunteer, staffMember, type TestApp } from "../support/createTestApp.js";

let app: TestApp;
const now = new Date("2026-11-26T03:00:00Z");

beforeEach(async () => {
  app = await createTestApp();
  const volunteer = person(app, "telegram", "8003");
  await onboard(volunteer);
  await signUpVolunteer(volunteer, { region: "kota bandung" });
  await onboard(person(app, "telegram", "8001"));
});
afterEach(async () => {
  await app.close();
});

async function cli(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, { env: { DATABASE_URL: app.dbUrl }, stdout: { write: (s: string) => (stdout += s) }, stderr: { write: (s: string) => (stderr += s) }, clock: () => now });
  return { code, stdout, stderr };
}

describe("relawan segment create", () => {
  it("saves a segment by region name and tags, says its filters and count in words, and the chat sees it", async () => {
    const created = await cli(["segment", "create", "Relawan  Bandung", "--region", "Kota Bandung", "--role", "volunteer", "--tag", "Event:rally-2026"]);
    expect(created.stderr).toBe("");
    expect(created.code).toBe(0);
    expect(created.stdout).toMatch(/^Segmen "Relawan Bandung" disimpan\.\n {2}• .*event:rally-2026\n {2}• .*Kota Bandung, Jawa Barat\n {2}• .*relawan.*\n {2}0 kontak: 0 bisa menerima siaran\n$/);
    expect(created.stdout).not.toContain("{");
    const saved = await app.db.segment.findFirstOrThrow({ where: { name: "Relawan Bandung" } });
    expect(JSON.parse(saved.definition)).toEqual({ tagsAll: ["event:rally-2026"], regionPrefix: "32.73", role: "volunteer" });
    const audit = await app.db.auditEntry.findFirstOrThrow({ where: { action: "segment.create" } });
    expect(audit.actor).toBe("cli");
    const admin = await staffMember(app, "admin", "9001");
    expect((await admin.say("/segments")).map((r) => r.text).join("\n")).toContain("Relawan Bandung");
  });

  it("refuses what the chat refuses, with the chat's sentence, in --lang", async () => {
    expect((await cli(["segment", "create", "/x", "--lang", "en"])).stderr).toBe("A segment name has 2 to 60 characters and does not start with /. Try again.\n");
    expect((await cli(["segment", "create", "Tags", "--tag", "two words,ok", "--tag", "a b!", "--lang", "en"])).stderr).toBe(
      "Tags may only contain letters, digits and : _ . - (no spaces). Try again.\n",
    );
    const ambiguous = await cli(["segment", "create", "Bandung", "--region", "bandung", "--lang", "en"]);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toContain('Several regions are called "bandung"; give one by its code');
    expect(ambiguous.stderr).toContain("32.73  Kota Bandung, Jawa Barat");
    expect((await cli(["segment", "create", "X1", "--region", "Atlantis", "--lang", "en"])).stderr).toContain('No regency or city called "Atlantis"');
    expect((await cli(["segment", "create", "X2", "--role", "boss", "--lang", "en"])).stderr).toMatch(/^Not a valid filter: --role: /);
    expect((await cli(["segment", "create", "X3", "--referred-by", "NOPE99", "--lang", "en"])).stderr).toBe('No volunteer has the code "NOPE99". Try again.\n');
    await cli(["segment", "create", "Semua"]);
    const taken = await cli(["segment", "create", "semua", "--json"]);
    expect(JSON.parse(taken.stdout)).toMatchObject({ error: "name_taken" });
    expect(await app.db.segment.count()).toBe(1);
  });
});

describe("relawan segment create, through the dashboard form's rules (buildSegmentDefinition)", () => {
  it("takes a village as the form does, and days of activity as fixed instants before now", async () => {
    const village = await cli(["segment", "create", "Desa", "--region", "32.73.02.1004", "--active-within", "7", "--inactive-for", "2", "--json"]);
    expect(village.code).toBe(0);
    expect(JSON.parse(village.stdout).definition).toEqual({ regionCodes: ["32.73.02.1004"], lastActiveAfter: "2026-11-19T03:00:00.000Z", lastActiveBefore: "2026-11-24T03:00:00.000Z" });
  });

  it("names an unknown code as a code, a bad number of days by its flag, and saves nothing", async () => {
    expect((await cli(["segment", "create", "K1", "--region", "32.99", "--lang", "en"])).stderr).toBe("No region has the code 32.99.\n");
    expect((await cli(["segment", "create", "K2", "--active-within", "seminggu", "--lang", "en"])).stderr).toBe("Not a valid filter: --active-within seminggu\n");
    expect(await app.db.segment.count()).toBe(0);
  });
});

describe("relawan segment list", () => {
  it("prints each segment's filters and count in words, not JSON; --json keeps the definition", async () => {
    await cli(["segment", "create", "Relawan", "--role", "volunteer"]);
    await cli(["segment", "create", "Semua"]);
    const list = await cli(["segment", "list", "--lang", "en"]);
    expect(list.stdout).not.toContain("{");
    expect(list.stdout).toMatch(/^Relawan\n {2}• Role: registered volunteers\n {2}1 contact: 1 can receive broadcasts\n\nSemua\n {2}.+\n {2}2 contacts: /);
    const machine = JSON.parse((await cli(["segment", "list", "--json"])).stdout);
    expect(machine).toEqual([expect.objectContaining({ name: "Relawan", definition: { role: "volunteer" } }), expect.objectContaining({ name: "Semua", definition: {} })]);
  });
});
