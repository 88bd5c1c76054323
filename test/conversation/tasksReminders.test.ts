// Reminders before a task's deadline, on an injected clock: once, only to who accepted and has
// not reported, never after the task is closed, and never to someone who said STOP.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { queueTaskReminders } from "../../src/domain/tasks/queueTaskReminders.js";
import { contactOf, createTestApp, transcript, type TestApp } from "../support/createTestApp.js";
import { bandungHealthSegment, coordinatorOf, createTaskInChat, fakeTelegramDispatcher, voiceOf, volunteer } from "../domain/tasks/support/taskWorld.js";

const day = 86_400_000;
let app: TestApp;
beforeEach(async () => {
  app = await createTestApp({ flood: { limit: 1000, windowMs: 1000 } });
});
afterEach(async () => {
  await app.close();
});

const sweep = () => queueTaskReminders(app.db, app.clock.now, day, voiceOf(app));

describe("task reminders", () => {
  it("reminds each volunteer who accepted and has not reported, once, a day before the deadline", async () => {
    const siti = await volunteer(app, "5001", { name: "Siti Aminah" });
    const budi = await volunteer(app, "5002", { name: "Budi Santoso", language: "en" });
    const rudi = await volunteer(app, "5003", { name: "Rudi Hartono" });
    await volunteer(app, "5004", { name: "Dewi Lestari" });
    const eko = await volunteer(app, "5005", { name: "Eko Prasetyo" });
    const gita = await volunteer(app, "5006", { name: "Gita Permata" });
    const coordinator = await coordinatorOf(app);
    const segment = await bandungHealthSegment(app);
    // Deadline 28 Nov 17:00 WIB = 10:00 UTC: the reminder window opens 27 Nov 10:00 UTC.
    const id = await createTaskInChat(coordinator, segment.id, { deadline: "2026-11-28 17:00" });
    const { dispatcher, sent } = fakeTelegramDispatcher(app);
    await dispatcher.runOnce();
    expect(sent).toHaveLength(6);
    sent.length = 0;

    await siti.say(`TERIMA ${id}`);
    await budi.say(`ACCEPT ${id}`);
    await budi.say(`DONE ${id} https://example.org/proof`);
    await rudi.say(`TOLAK ${id}`);
    await gita.say(`TERIMA ${id}`);
    await gita.say("STOP");
    // Dewi never answers.

    app.clock.now = new Date("2026-11-27T09:00:00Z");
    expect(await sweep()).toBe(0);

    app.clock.now = new Date("2026-11-27T11:00:00Z"); // 18:00 WIB, outside quiet hours
    expect(await sweep()).toBe(2);
    expect(await sweep()).toBe(0);
    // Eko accepts inside the last day: he has just read the deadline and gets no reminder.
    await eko.say(`TERIMA ${id}`);
    app.clock.advance(60_000);
    expect(await sweep()).toBe(0);

    const reminders = await app.db.delivery.findMany({ where: { taskId: id, kind: "task_reminder" } });
    const ids = { siti: (await contactOf(app, "telegram", "5001")).id, gita: (await contactOf(app, "telegram", "5006")).id };
    expect(reminders.map((r) => r.contactId).sort()).toEqual([ids.siti, ids.gita].sort());
    expect(reminders.every((r) => r.purpose === "volunteer_tasks" && r.status === "queued")).toBe(true);
    expect(await app.db.taskAssignment.count({ where: { taskId: id, remindedAt: { not: null } } })).toBe(2);

    await dispatcher.runOnce();
    // Gita said STOP after accepting: her reminder is skipped, not sent.
    expect(sent.map(([chat]) => chat)).toEqual(["5001"]);
    const [, message] = sent[0]!;
    expect(message.text).toContain(`⏰ Pengingat: tugas #${id} "Bagikan brosur posyandu" berakhir 28 Nov 2026, 17.00 WIB.`);
    expect(message.text).toContain(`Balas SELESAI ${id}`);
    expect(message.choices).toEqual([{ id: `task:${id}:done`, label: "📸 Lapor selesai" }]);
    expect(await app.db.delivery.findFirst({ where: { taskId: id, kind: "task_reminder", contactId: ids.gita } })).toMatchObject({ status: "skipped", reason: "opted_out" });

    // After the deadline, who accepted and did not report is overdue.
    app.clock.now = new Date("2026-11-28T11:00:00Z");
    expect(await sweep()).toBe(0);
    const status = transcript(await coordinator.say(`/task status ${id}`));
    expect(status).toContain("Terlambat (menerima, belum lapor): 3 — Siti, Gita, Eko");
    expect(status).toContain("Menerima: 0");
    expect(status).toContain("Belum menjawab: 1 — Dewi");
    expect(status).toContain("Selesai: 1 — Budi");
    expect(status).toContain("Menolak: 1 — Rudi");
  });

  it("drops a reminder still queued when the volunteer reports done or pulls out, and sends none after close", async () => {
    const siti = await volunteer(app, "5001", { name: "Siti Aminah" });
    const budi = await volunteer(app, "5002", { name: "Budi Santoso" });
    const coordinator = await coordinatorOf(app);
    const segment = await bandungHealthSegment(app);
    const first = await createTaskInChat(coordinator, segment.id, { deadline: "2026-11-28 17:00" });
    const second = await createTaskInChat(coordinator, segment.id, { title: "Jaga posko", deadline: "2026-11-28 17:00" });
    for (const id of [first, second]) {
      await siti.say(`TERIMA ${id}`);
      await budi.say(`TERIMA ${id}`);
    }
    await coordinator.say(`/task close ${second}`);

    app.clock.now = new Date("2026-11-27T11:00:00Z");
    expect(await sweep()).toBe(2);
    expect(await app.db.delivery.count({ where: { taskId: second, kind: "task_reminder" } })).toBe(0);
    await siti.say(`SELESAI ${first} sudah dibagikan semua`);
    await budi.say(`TOLAK ${first}`);

    const { dispatcher, sent } = fakeTelegramDispatcher(app);
    await dispatcher.runOnce();
    expect(sent.filter(([, m]) => m.text.includes("Pengingat"))).toEqual([]);
    const rows = await app.db.delivery.findMany({ where: { kind: "task_reminder" }, select: { status: true, reason: true } });
    expect(rows.map((r) => `${r.status}:${r.reason}`).sort()).toEqual(["skipped:declined", "skipped:task_done"]);
  });

  it("queues the reminder in the volunteer's language and holds it through the night", async () => {
    const budi = await volunteer(app, "5002", { name: "Budi Santoso", language: "en" });
    const id = await createTaskInChat(await coordinatorOf(app), (await bandungHealthSegment(app)).id, { deadline: "2026-11-28 08:00" });
    await budi.say(`ACCEPT ${id}`);
    app.clock.now = new Date("2026-11-27T00:30:00Z"); // 07:30 WIB, 24.5 hours before the deadline
    expect(await sweep()).toBe(0);
    app.clock.now = new Date("2026-11-27T14:00:00Z"); // 21:00 WIB: inside quiet hours
    expect(await sweep()).toBe(1);
    const { dispatcher, sent } = fakeTelegramDispatcher(app);
    await dispatcher.runOnce();
    expect(sent.filter(([, m]) => m.text.includes("Reminder"))).toEqual([]);
    expect(await app.db.delivery.findFirst({ where: { kind: "task_reminder" } })).toMatchObject({ status: "queued", reason: "quiet_hours" });
    app.clock.now = new Date("2026-11-28T00:30:00Z"); // 07:30 WIB
    await dispatcher.runOnce();
    const reminder = sent.find(([, m]) => m.text.includes("Reminder"));
    expect(reminder?.[1].text).toContain(`⏰ Reminder: task #${id} "Bagikan brosur posyandu" ends 28 Nov 2026, 08:00 WIB.`);
    expect(reminder?.[1].text).toContain(`Reply DONE ${id}`);
  });
});
