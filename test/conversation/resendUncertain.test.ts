// Issue 14.3: staff can send a finished broadcast again to the recipients whose delivery is
// "uncertain", after a warning that some may get it twice: in the chat and the CLI, through one
// domain function, audited.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runCli } from "../../src/cli/runCli.js";
import { broadcastRef } from "../../src/domain/broadcasts/broadcastRef.js";
import { contactOf, createTestApp, onboard, person, staffMember, type TestApp } from "../support/createTestApp.js";

let app: TestApp;
let broadcast: string;
beforeEach(async () => {
  app = await createTestApp();
  const ids: string[] = [];
  for (const externalId of ["7001", "7002", "7003"]) {
    await onboard(person(app, "telegram", externalId));
    ids.push((await contactOf(app, "telegram", externalId)).id);
  }
  const segment = await app.db.segment.create({ data: { name: "Semua", definition: "{}", createdBy: "test" } });
  const row = await app.db.broadcast.create({
    data: { texts: JSON.stringify({ id: "Halo!" }), segmentId: segment.id, status: "completed", scheduledAt: app.clock.now, completedAt: app.clock.now, createdBy: "test" },
  });
  broadcast = row.id;
  const [a, b, c] = ids;
  await app.db.delivery.createMany({
    data: [
      { broadcastId: broadcast, contactId: a!, status: "sent", channel: "telegram", externalId: "7001" },
      { broadcastId: broadcast, contactId: b!, status: "uncertain", reason: "interrupted", channel: "telegram", externalId: "7002", attempts: 1 },
      { broadcastId: broadcast, contactId: c!, status: "uncertain", reason: "interrupted", channel: "telegram", externalId: "7003", attempts: 1 },
      // Someone who erased their data since: nobody to send to.
      { broadcastId: broadcast, contactId: null, status: "uncertain", reason: "interrupted" },
    ],
  });
});
afterEach(async () => {
  await app.close();
});

const statuses = async () => (await app.db.delivery.findMany({ where: { broadcastId: broadcast }, orderBy: { status: "asc" } })).map((d) => [d.status, d.reason]);

describe("sending a finished broadcast again to the uncertain", () => {
  it("warns with the count in the chat, and only a second, confirmed command queues them again, audited", async () => {
    const coordinator = await staffMember(app, "coordinator", "9001");
    const ref = broadcastRef(broadcast);
    const warning = await coordinator.say(`/broadcast resend-uncertain ${ref}`);
    expect(warning[0]?.text).toContain(`Siaran #${ref}: 2 pesan tidak pasti`);
    expect(warning[0]?.text).toContain("sebagian orang bisa menerimanya dua kali");
    expect(warning[0]?.text).toContain(`/broadcast resend-uncertain ${ref} ya`);
    expect(await statuses()).toEqual([["sent", null], ["uncertain", "interrupted"], ["uncertain", "interrupted"], ["uncertain", "interrupted"]]);

    const done = await coordinator.say(`/broadcast resend-uncertain ${ref} ya`);
    expect(done[0]?.text).toContain(`Siaran #${ref}: 2 pesan tidak pasti dikirim ulang`);
    expect(await statuses()).toEqual([["queued", "resend_uncertain"], ["queued", "resend_uncertain"], ["sent", null], ["uncertain", "interrupted"]]);
    expect(await app.db.broadcast.findUniqueOrThrow({ where: { id: broadcast } })).toMatchObject({ status: "sending", completedAt: null });
    const audit = await app.db.auditEntry.findFirstOrThrow({ where: { action: "broadcast.resend_uncertain" } });
    expect(audit).toMatchObject({ target: broadcast, actor: (await contactOf(app, "telegram", "9001")).id });
    expect(JSON.parse(audit.details ?? "{}")).toEqual({ deliveries: 2 });

    // While it sends again (and afterwards, with none left), there is nothing more to resend.
    expect((await coordinator.say(`/broadcast resend-uncertain ${ref} ya`))[0]?.text).toContain(": sedang dikirim. Kirim ulang pesan yang tidak pasti hanya bisa untuk siaran yang sudah selesai.");
  });

  it("is refused to voters like an unknown command, and explains a wrong id", async () => {
    const voter = person(app, "telegram", "7009");
    await onboard(voter);
    const unknown = (await voter.say("/zzz"))[0]?.text.replace("/zzz", "/broadcast");
    expect((await voter.say(`/broadcast resend-uncertain ${broadcastRef(broadcast)} ya`))[0]?.text).toBe(unknown);
    const coordinator = await staffMember(app, "coordinator", "9001");
    expect((await coordinator.say("/broadcast resend-uncertain nosuch"))[0]?.text).toContain('Tidak ada siaran dengan id "nosuch"');
    expect(await statuses()).toContainEqual(["uncertain", "interrupted"]);
  });

  it("asks on the command line, and sends with --yes", async () => {
    const cli = async (args: string[]) => {
      let stdout = "";
      let stderr = "";
      const code = await runCli(args, {
        env: { DATABASE_URL: app.dbUrl },
        stdout: { write: (s: string) => (stdout += s) },
        stderr: { write: (s: string) => (stderr += s) },
        clock: () => app.clock.now,
      });
      return { code, stdout, stderr };
    };
    const asked = await cli(["broadcast", "resend-uncertain", broadcast, "--lang", "en"]);
    expect(asked.code).toBe(1);
    expect(asked.stderr).toContain(`Broadcast ${broadcast} has 2 uncertain deliveries`);
    expect(asked.stderr).toContain("some people may get it twice");
    expect(asked.stderr).toContain(`relawan broadcast resend-uncertain ${broadcast} --yes`);
    expect(await app.db.delivery.count({ where: { status: "queued" } })).toBe(0);

    const sent = await cli(["broadcast", "resend-uncertain", broadcast, "--yes", "--json"]);
    expect(sent.code).toBe(0);
    expect(JSON.parse(sent.stdout)).toEqual({ status: "requeued", id: broadcast, count: 2 });
    expect(await app.db.auditEntry.count({ where: { action: "broadcast.resend_uncertain", actor: "cli" } })).toBe(1);
    expect((await cli(["broadcast", "resend-uncertain", broadcast, "--lang", "en"])).stderr).toContain("is sending; only a completed broadcast");
  });
});
