// relawan staff add|remove|list through the command line program, on a real SQLite file: the chat's
// /staff rule for a campaign with no Telegram admin, audited as "cli", in --lang or DEFAULT_LANGUAGE.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/runCli.js";
import { ensureAdmins } from "../../src/domain/staff/ensureAdmins.js";
import { contactOf, createTestApp, onboard, person, signUpVolunteer, type TestApp } from "../support/createTestApp.js";

let app: TestApp;
const now = new Date("2026-11-26T03:00:00Z");

beforeEach(async () => {
  app = await createTestApp();
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

describe("relawan staff", () => {
  it("makes a WhatsApp-only person a coordinator by phone number, audited as cli, and they can use /inbox", async () => {
    const whatsapp = person(app, "whatsapp", "6281234567890", { senderPhone: "+6281234567890" });
    await onboard(whatsapp);
    expect(await cli(["staff", "add", "0812", "3456", "7890", "koordinator"])).toEqual({ code: 0, stdout: "+62812****7890 sekarang koordinator.\n", stderr: "" });
    expect((await contactOf(app, "whatsapp", "6281234567890")).role).toBe("coordinator");
    const audit = await app.db.auditEntry.findFirstOrThrow({ where: { action: "role.grant" } });
    expect(audit.actor).toBe("cli");
    const inbox = await whatsapp.say("/inbox");
    expect(inbox.map((r) => r.title ?? r.text).join("\n")).toContain("Kotak masuk");
    // Again: nothing changes, and it says so.
    expect((await cli(["staff", "add", "+6281234567890", "coordinator", "--lang", "en"])).stdout).toBe("+62812****7890 is already coordinator.\n");
  });

  it("finds a volunteer by referral code, lists staff in the chosen language, and removes the role", async () => {
    const volunteer = person(app, "telegram", "8003");
    await onboard(volunteer);
    await signUpVolunteer(volunteer, { name: "Siti Aminah" });
    const code = (await app.db.volunteer.findFirstOrThrow()).referralCode;
    expect((await cli(["staff", "add", code.toLowerCase(), "admin", "--lang", "en"])).stdout).toBe("Siti Aminah is now admin.\n");
    await ensureAdmins(app.db, ["9001"], { at: now });
    const list = await cli(["staff", "list", "--lang", "en"]);
    expect(list.stdout).toContain("Campaign staff\n");
    expect(list.stdout).toContain("• Siti Aminah — admin (+62812****7890, Telegram 8003)");
    expect(list.stdout).toContain("Registered volunteers: 1");
    expect(list.stdout).not.toMatch(/Relawan terdaftar|sekarang/);
    const removed = await cli(["staff", "remove", code, "admin"]);
    expect(removed.stdout).toBe("Peran admin dicabut dari Siti Aminah. Perannya sekarang: relawan.\n");
    expect((await contactOf(app, "telegram", "8003")).role).toBe("volunteer");
  });

  it("refuses clearly: an unknown person, an unknown role, the last admin (exit 1, nothing changed)", async () => {
    await ensureAdmins(app.db, ["9001"], { at: now });
    const unknown = await cli(["staff", "add", "0899 1111 2222", "admin", "--lang", "en"]);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain('No contact found for "0899 1111 2222"');
    const role = await cli(["staff", "add", "9001", "boss", "--lang", "en"]);
    expect(role.stderr).toBe('Unknown role "boss". Use one of: admin, coordinator, volunteer.\n');
    const last = await cli(["staff", "remove", "9001", "admin", "--json"]);
    expect(last.code).toBe(1);
    expect(JSON.parse(last.stdout)).toMatchObject({ status: "refused" });
    expect((await contactOf(app, "telegram", "9001")).role).toBe("admin");
  });
});

describe("ADMIN_PHONES", () => {
  it("makes a phone an admin before they write; writing from WhatsApp with that number, they are that admin", async () => {
    const result = await ensureAdmins(app.db, [], { phones: ["0812 3456 7890", "12345"], defaultCountry: "ID", at: now });
    expect(result).toMatchObject({ created: 1, invalidPhones: ["12345"] });
    const audit = await app.db.auditEntry.findFirstOrThrow({ where: { action: "role.grant" } });
    expect(JSON.parse(audit.details ?? "{}")).toMatchObject({ source: "ADMIN_PHONES" });
    const whatsapp = person(app, "whatsapp", "6281234567890", { senderPhone: "+6281234567890" });
    await whatsapp.say("halo");
    expect((await contactOf(app, "whatsapp", "6281234567890")).role).toBe("admin");
    expect((await ensureAdmins(app.db, [], { phones: ["+62 812-3456-7890"], defaultCountry: "ID", at: now })).unchanged).toBe(1);
  });
});
