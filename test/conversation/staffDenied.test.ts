// Without the role, a staff command is indistinguishable from a command the bot does not know,
// and the attempt is in the audit log.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Reply } from "../../src/conversation/types.js";
import { contactOf, createTestApp, onboard, person, signUpVolunteer, staffMember, transcript, type TestApp, type Voter } from "../support/createTestApp.js";

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.close();
});

const staffCommands = [
  "/staff list",
  "/staff add 9001 admin",
  "/staff remove 9001 admin",
  "/audit",
  "/segments",
  "/segment new",
  "/segment show Semua",
  "/segment edit Semua",
  "/segment delete Semua",
  "/broadcast",
  "/broadcast status",
  "/broadcast pause",
  "/broadcast resume",
  "/broadcast cancel",
];

/** What the same person gets for a command nobody has, with the command's name put in. */
async function unknownAnswer(who: Voter, command: string): Promise<Reply[]> {
  const replies = await who.say("/zzzunknown");
  return replies.map((r) => ({ ...r, text: r.text.replace("/zzzunknown", command) }));
}

async function expectRefused(who: Voter, externalId: string, line: string) {
  const command = line.split(" ")[0]!;
  const before = await app.db.auditEntry.count({ where: { action: "denied" } });
  const replies = await who.say(line);
  expect(replies, line).toEqual(await unknownAnswer(who, command));
  const entry = await app.db.auditEntry.findFirstOrThrow({ where: { action: "denied" }, orderBy: [{ at: "desc" }, { id: "desc" }] });
  expect(await app.db.auditEntry.count({ where: { action: "denied" } }), line).toBe(before + 1);
  expect(entry, line).toMatchObject({ actor: (await contactOf(app, "telegram", externalId)).id, target: command });
}

describe("staff commands without the role", () => {
  it("answers a voter exactly like an unknown command and logs each attempt", async () => {
    await app.db.segment.create({ data: { name: "Semua", definition: "{}", createdBy: "test" } });
    const voter = person(app, "telegram", "3001");
    await onboard(voter);
    for (const line of staffCommands) await expectRefused(voter, "3001", line);
    expect(await app.db.segment.count()).toBe(1);
    expect(await app.db.broadcast.count()).toBe(0);
    const details = JSON.parse((await app.db.auditEntry.findFirstOrThrow({ where: { action: "denied", target: "/staff" } })).details ?? "{}");
    // The sub-command is kept, never the rest (it may be someone's phone number).
    expect(details).toEqual({ subcommand: "list", role: null, channel: "telegram" });
  });

  it("gives a registered volunteer nothing staff either", async () => {
    const volunteer = person(app, "telegram", "3002");
    await onboard(volunteer);
    await signUpVolunteer(volunteer);
    expect((await contactOf(app, "telegram", "3002")).role).toBe("volunteer");
    for (const line of ["/staff list", "/segments", "/broadcast", "/audit"]) await expectRefused(volunteer, "3002", line);
  });

  it("lets coordinators run segments and broadcasts but not roles, the audit log or segment deletion", async () => {
    await app.db.segment.create({ data: { name: "Semua", definition: "{}", createdBy: "test" } });
    const coordinator = await staffMember(app, "coordinator", "3003");
    for (const line of ["/staff list", "/staff add 3003 admin", "/audit", "/segment delete Semua"]) await expectRefused(coordinator, "3003", line);
    expect((await coordinator.say("/segments"))[0]?.title).toBe("Segmen");
    expect((await coordinator.say("/broadcast status"))[0]?.text).toBe("Belum ada siaran. Buat dengan /broadcast.");
    expect(await app.db.segment.count()).toBe(1);
    expect((await contactOf(app, "telegram", "3003")).role).toBe("coordinator");
  });
});

describe("/help", () => {
  it("lists staff commands to staff only", async () => {
    const voter = person(app, "telegram", "8801");
    await onboard(voter);
    expect(transcript(await voter.say("/help"))).not.toContain("/broadcast");
    const coordinator = await staffMember(app, "coordinator", "8802");
    const coordinatorHelp = transcript(await coordinator.say("/help"));
    expect(coordinatorHelp).toContain("/broadcast");
    expect(coordinatorHelp).not.toContain("/audit");
    const admin = await staffMember(app, "admin", "8803");
    expect(transcript(await admin.say("/help"))).toContain("/staff add");
  });
});
