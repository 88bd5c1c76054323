// `relawan regions coverage` and `relawan regions weak` in-process against a real database: the
// text, --json, a saved segment with its audit entry, and every kind of bad input.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/runCli.js";
import { parseSegmentDefinition } from "../../src/domain/segments/parseSegmentDefinition.js";
import { createTestDatabase, type TestDatabase } from "../support/createTestDatabase.js";

let store: TestDatabase;
const now = new Date("2026-11-26T03:00:00Z");

// Kota Bandung: Coblong has 3 volunteers of 4 wanted (75%), Lengkong 1 of 10 (10%), Andir 0 of 2
// (0%), Cibeunying Kidul no target. Kabupaten Bandung's Cimenyan: 1 volunteer of 5 (20%).
beforeAll(async () => {
  store = await createTestDatabase();
  const people: Array<[string, boolean]> = [
    ["32.73.02", true],
    ["32.73.02.1004", true],
    ["32.73.02.1004", true],
    ["32.73.02", false],
    ["32.73.13", true],
    ["32.73.14", false],
    ["32.04.06", true],
  ];
  for (const [index, [regionCode, volunteer]] of people.entries()) {
    const contact = await store.db.contact.create({ data: { name: `P${index}`, regionCode, updatesConsent: true, lastActiveAt: now } });
    if (volunteer) await store.db.volunteer.create({ data: { contactId: contact.id, referralCode: `R${index}`, interests: "[]", availability: "any" } });
  }
  const targets: Array<[string, number]> = [
    ["32.73.02", 4],
    ["32.73.13", 10],
    ["32.73.05", 2],
    ["32.04.06", 5],
  ];
  for (const [regionCode, targetVolunteers] of targets) await store.db.regionTarget.create({ data: { regionCode, targetVolunteers, updatedAt: now, updatedBy: "cli" } });
}, 60_000);
afterAll(async () => {
  await store.close();
});

async function cli(args: string[]) {
  let stdout = "";
  let stderr = "";
  const code = await runCli(args, {
    env: { DATABASE_URL: store.url },
    stdout: { write: (s: string) => (stdout += s) },
    stderr: { write: (s: string) => (stderr += s) },
    clock: () => now,
  });
  return { code, stdout, stderr };
}

describe("relawan regions coverage", () => {
  it("shows a regency and the districts with data, in words", async () => {
    const result = await cli(["regions", "coverage", "Kota Bandung", "--lang", "en"]);
    expect(result.code).toBe(0);
    const lines = result.stdout.split("\n");
    expect(lines.slice(0, 4)).toEqual([
      "Coverage: Kota Bandung (regency/city)",
      "Contacts 6 · subscribers 6 · volunteers 4 (active in the last 30 days: 4)",
      "Targets: DPT – · TPS – · volunteers 16 · supporters –",
      "Volunteers per TPS – · volunteer coverage 25% · supporters 6 (– of target)",
    ]);
    expect(lines).toContain("• Coblong: 3/4 (75%), active 3, contacts 4, supporters 4/–");
    expect(lines).toContain("• Cibeunying Kidul: 0/– (–), active 0, contacts 1, supporters 1/–");
    expect(lines).toContain("No data yet: 26 districts");
  });

  it("gives the same figures as JSON, with null for what is not known", async () => {
    const result = await cli(["regions", "coverage", "3273", "--json"]);
    const json = JSON.parse(result.stdout) as { region: { code: string; volunteers: number }; children: Array<{ code: string; volunteerCoverage: number | null; hasData: boolean }> };
    expect(json.region).toMatchObject({ code: "32.73", volunteers: 4 });
    expect(json.children.find((c) => c.code === "32.73.14")).toMatchObject({ volunteerCoverage: null, hasData: true });
    expect(json.children.find((c) => c.code === "32.73.01")).toMatchObject({ volunteerCoverage: null, hasData: false });
  });

  it("asks which region a shared name means, and says when a name is unknown", async () => {
    const ambiguous = await cli(["regions", "coverage", "Bandung", "--lang", "en"]);
    expect(ambiguous.code).toBe(1);
    expect(ambiguous.stderr).toBe('"Bandung" matches several regions. Which one?\n• Kabupaten Bandung, Jawa Barat (32.04)\n• Kota Bandung, Jawa Barat (32.73)\n');
    const unknown = await cli(["regions", "coverage", "Kota Bandng", "--lang", "en"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No region called "Kota Bandng". Did you mean: Kota Bandung, Jawa Barat (32.73)');
    const code = await cli(["regions", "coverage", "99", "--json"]);
    expect(JSON.parse(code.stdout)).toMatchObject({ error: "unknown_region" });
  });
});

describe("relawan regions weak", () => {
  it("lists the regions below half their volunteer target, weakest first, leaving out those without a target", async () => {
    const result = await cli(["regions", "weak", "Kota Bandung", "--lang", "en"]);
    expect(result.code).toBe(0);
    expect(result.stdout.split("\n")).toEqual([
      "Weak districts in Kota Bandung: below 50% of their target volunteers",
      "• Andir: 0/2 (0%), active 0, contacts 0, supporters 0/–",
      "• Lengkong: 1/10 (10%), active 1, contacts 1, supporters 1/–",
      "2 of 3 districts with a volunteer target; 27 without a target are not judged.",
      "",
    ]);
  });

  it("takes another threshold and a deeper level", async () => {
    const result = await cli(["regions", "weak", "32", "--threshold", "80%", "--level", "district", "--json"]);
    const json = JSON.parse(result.stdout) as { level: string; thresholdPercent: number; weak: Array<{ code: string }> };
    expect(json.level).toBe("district");
    expect(json.thresholdPercent).toBe(80);
    expect(json.weak.map((row) => row.code)).toEqual(["32.73.05", "32.73.13", "32.04.06", "32.73.02"]);
  });

  it("saves the contacts of the weak regions as a segment, audited, and refuses a name already taken", async () => {
    const result = await cli(["regions", "weak", "Jawa Barat", "--level", "district", "--threshold", "25", "--save-segment", "Rekrut  Jabar", "--lang", "en"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain('Segment "Rekrut Jabar" saved: the contacts in these 3 regions.');
    const segment = await store.db.segment.findUniqueOrThrow({ where: { name: "Rekrut Jabar" } });
    expect(parseSegmentDefinition(segment.definition)).toEqual({ regionCodes: ["32.73.05", "32.73.13", "32.04.06"] });
    const audit = await store.db.auditEntry.findFirstOrThrow({ where: { action: "segment.create", target: "Rekrut Jabar" } });
    expect(audit.actor).toBe("cli");
    const count = await cli(["segment", "count", "Rekrut Jabar", "--json"]);
    expect(JSON.parse(count.stdout)).toMatchObject({ total: 2 });

    const again = await cli(["regions", "weak", "Jawa Barat", "--level", "district", "--threshold", "25", "--save-segment", "rekrut jabar", "--lang", "en"]);
    expect(again.code).toBe(1);
    expect(again.stderr).toBe('A segment called "rekrut jabar" already exists.\n');
  });

  it("answers a threshold that is not a number, and a level that is not below the region", async () => {
    const bad = await cli(["regions", "weak", "--threshold", "half", "--lang", "en"]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain('"half" is not a threshold.');
    const above = await cli(["regions", "weak", "Kota Bandung", "--level", "province", "--lang", "en"]);
    expect(above.code).toBe(1);
    expect(above.stderr).toBe("province is not below Kota Bandung.\n");
  });
});
