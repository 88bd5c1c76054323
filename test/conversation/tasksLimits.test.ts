// Who gets a task and when: the maximum of volunteers, the election quiet period, STOP, voters,
// and staff commands refused to everyone else.
import { afterEach, describe, expect, it } from "vitest";
import { parseBlackout } from "../../src/domain/blackout/parseBlackout.js";
import type { EngineDeps } from "../../src/conversation/engineDeps.js";
import type { Reply } from "../../src/conversation/types.js";
import { contactOf, createTestApp, transcript, type TestApp, type Voter } from "../support/createTestApp.js";
import { bandungHealthSegment, coordinatorOf, createTaskInChat, fakeTelegramDispatcher, volunteer, voterInBandung } from "../domain/tasks/support/taskWorld.js";

let app: TestApp;
async function setUp(overrides: Partial<EngineDeps> = {}): Promise<TestApp> {
  app = await createTestApp({ flood: { limit: 1000, windowMs: 1000 }, ...overrides });
  return app;
}
afterEach(async () => {
  await app.close();
});

describe("maxVolunteers", () => {
  it("takes the first who accept, drops the offers still queued once full, and thanks later ones", async () => {
    await setUp();
    const siti = await volunteer(app, "5001", { name: "Siti Aminah" });
    const budi = await volunteer(app, "5002", { name: "Budi Santoso" });
    const rudi = await volunteer(app, "5003", { name: "Rudi Hartono" });
    const coordinator = await coordinatorOf(app);
    const id = await createTaskInChat(coordinator, (await bandungHealthSegment(app)).id, { max: 2 });
    expect((await app.db.task.findUniqueOrThrow({ where: { id } })).maxVolunteers).toBe(2);

    // Siti and Budi answer before the dispatcher got to the offers (a coordinator told them).
    await siti.say(`TERIMA ${id}`);
    expect(await app.db.delivery.findFirst({ where: { taskId: id, contactId: (await contactOf(app, "telegram", "5001")).id } })).toMatchObject({ status: "skipped", reason: "answered" });
    await budi.say(`TERIMA ${id}`);
    // Full: Rudi's offer is not sent any more.
    expect(await app.db.delivery.findFirst({ where: { taskId: id, contactId: (await contactOf(app, "telegram", "5003")).id } })).toMatchObject({ status: "skipped", reason: "task_full" });
    const { dispatcher, sent } = fakeTelegramDispatcher(app);
    await dispatcher.runOnce();
    expect(sent).toEqual([]);

    expect((await rudi.say(`TERIMA ${id}`))[0]?.text).toBe(`Tugas #${id} sudah penuh, terima kasih atas kesediaanmu! 🙏 Kami kabari lagi untuk tugas berikutnya.`);
    expect(await app.db.taskAssignment.count({ where: { taskId: id, status: "accepted" } })).toBe(2);
    // Budi pulls out: there is room again.
    await budi.say(`TOLAK ${id}`);
    expect((await rudi.say(`TERIMA ${id}`))[0]?.text).toContain(`Kamu ikut tugas #${id}`);
    expect(transcript(await coordinator.say(`/task list`))).toContain("diterima 2/2");
    expect(transcript(await coordinator.say(`/task status ${id}`))).toContain("Menerima: 2 — Siti, Rudi");
  });
});

describe("the election quiet period", () => {
  it("holds a campaign task's offers and lets an operational task's through", async () => {
    const blackout = parseBlackout("2026-11-26..2026-11-30@Asia/Jakarta", "Asia/Jakarta");
    if (blackout.status !== "ok") throw new Error(blackout.problem);
    await setUp({ blackout: blackout.ranges });
    await volunteer(app, "5001", { name: "Siti Aminah" });
    const coordinator = await coordinatorOf(app);
    const segment = await bandungHealthSegment(app);

    await coordinator.say("/task new");
    await coordinator.say("Ajak tetangga");
    await coordinator.say("Ajak tetangga datang ke kampanye.");
    await coordinator.pick("taskwiz:skip");
    await coordinator.pick("taskwiz:skip");
    await coordinator.pick(`taskwiz:segment:${segment.id}`);
    await coordinator.say("2026-12-05 17:00");
    await coordinator.say("tanpa batas");
    const preview = transcript(await coordinator.pick("taskwiz:operational:no"));
    expect(preview).toContain("⚠️ Sekarang masa tenang pemilu: tawaran baru dikirim setelah masa tenang berakhir.");
    await coordinator.pick("taskwiz:confirm:yes");
    const campaignTask = await app.db.task.findFirstOrThrow({ where: { title: "Ajak tetangga" } });
    const operationalTask = await createTaskInChat(coordinator, segment.id, { title: "Rapat saksi TPS", operational: true });

    const { dispatcher, sent } = fakeTelegramDispatcher(app, { blackout: blackout.ranges });
    await dispatcher.runOnce();
    expect(sent.map(([chat, m]) => [chat, m.text.split("\n")[0]])).toEqual([["5001", `📋 Tugas baru #${operationalTask}: Rapat saksi TPS`]]);
    expect(await app.db.delivery.findFirst({ where: { taskId: campaignTask.id } })).toMatchObject({ status: "queued", reason: "blackout" });
    expect(transcript(await coordinator.say(`/task status ${campaignTask.id}`))).toContain("terkirim 0 · menunggu 0 · ditahan 1");
  });
});

describe("who is offered a task", () => {
  it("never offers one to a voter, or to a volunteer who said STOP before or after it was created", async () => {
    await setUp();
    await volunteer(app, "5001", { name: "Siti Aminah" });
    const before = await volunteer(app, "5002", { name: "Budi Santoso" });
    const after = await volunteer(app, "5003", { name: "Rudi Hartono" });
    await voterInBandung(app, "5004");
    await before.say("STOP");
    // A segment of everyone: the voter is in it, and still gets no task.
    const everyone = await bandungHealthSegment(app, {});
    const id = await createTaskInChat(await coordinatorOf(app), everyone.id);
    const offered = await app.db.taskAssignment.findMany({ where: { taskId: id }, select: { contactId: true } });
    expect(offered.map((a) => a.contactId).sort()).toEqual([(await contactOf(app, "telegram", "5001")).id, (await contactOf(app, "telegram", "5003")).id].sort());
    await after.say("BERHENTI");

    const { dispatcher, sent } = fakeTelegramDispatcher(app);
    await dispatcher.runOnce();
    expect(sent.map(([chat]) => chat)).toEqual(["5001"]);
    expect(await app.db.delivery.findFirst({ where: { taskId: id, contactId: (await contactOf(app, "telegram", "5003")).id } })).toMatchObject({ status: "skipped", reason: "opted_out" });
  });

  it("refuses a task nobody can be offered, says why, asks for another segment, and creates nothing", async () => {
    await setUp();
    const coordinator = await coordinatorOf(app);
    const segment = await bandungHealthSegment(app);
    await coordinator.say("/task new");
    for (const line of ["Survei warga", "Tanya 10 warga soal air bersih."]) await coordinator.say(line);
    await coordinator.pick("taskwiz:skip");
    await coordinator.pick("taskwiz:skip");
    await coordinator.pick(`taskwiz:segment:${segment.id}`);
    await coordinator.say("1/12/2026 19.00 WITA");
    await coordinator.say("5");
    const preview = await coordinator.pick("taskwiz:operational:no");
    expect(preview.map((r) => r.text).join("\n")).toContain("19.00 WITA");
    const done = await coordinator.pick("taskwiz:confirm:yes");
    // Offers are made once, at creation: such a task would never reach anyone.
    expect(done[0]?.text).toBe(`Tidak ada relawan di segmen ${segment.name} yang bisa ditawari tugas ini (belum ada relawan di sana, atau belum ada yang setuju menerima tugas). Tawaran hanya dibuat sekali, saat tugas dibuat, jadi pilih segmen lain.`);
    expect(done.at(-1)?.choices?.map((c) => c.id)).toContain(`taskwiz:segment:${segment.id}`);
    expect(await app.db.task.count()).toBe(0);
    expect(await app.db.delivery.count({ where: { kind: "task_offer" } })).toBe(0);
  });
});

describe("task commands without the role", () => {
  async function unknownAnswer(who: Voter, command: string): Promise<Reply[]> {
    const replies = await who.say("/zzzunknown");
    return replies.map((r) => ({ ...r, text: r.text.replace("/zzzunknown", command) }));
  }

  it("answers voters and volunteers exactly like an unknown command and logs each attempt", async () => {
    await setUp();
    const siti = await volunteer(app, "5001", { name: "Siti Aminah" });
    const id = await createTaskInChat(await coordinatorOf(app), (await bandungHealthSegment(app)).id);
    const voter = await voterInBandung(app, "5004");
    for (const who of [siti, voter]) {
      for (const line of ["/task new", "/task list", `/task status ${id}`, `/task close ${id}`, "/task"]) {
        const denied = await app.db.auditEntry.count({ where: { action: "denied", target: "/task" } });
        expect(await who.say(line), line).toEqual(await unknownAnswer(who, "/task"));
        expect(await app.db.auditEntry.count({ where: { action: "denied", target: "/task" } }), line).toBe(denied + 1);
      }
    }
    expect((await app.db.task.findUniqueOrThrow({ where: { id } })).status).toBe("open");
  });

  it("lists the task commands in /help for staff, and /tugas for volunteers", async () => {
    await setUp();
    const voter = await voterInBandung(app, "5004");
    const help = transcript(await voter.say("/help"));
    expect(help).not.toContain("/task");
    expect(help).not.toContain("/tugas");
    expect(transcript(await (await volunteer(app, "5001")).say("/help"))).toContain("/tugas menampilkan tugasmu");
    expect(transcript(await (await coordinatorOf(app)).say("/bantuan"))).toContain("/task new, /task list, /task status <id>, /task close <id>");
  });

  it("ends the wizard when the role is revoked in the middle of it", async () => {
    await setUp();
    await bandungHealthSegment(app);
    const coordinator = await coordinatorOf(app);
    await coordinator.say("/task new");
    const contact = await contactOf(app, "telegram", "9001");
    await app.db.contact.update({ where: { id: contact.id }, data: { role: null } });
    expect(transcript(await coordinator.say("Bagikan brosur"))).toContain("tidak saya kenal");
    expect(await app.db.task.count()).toBe(0);
  });
});
