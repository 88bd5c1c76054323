// The task lifecycle in the chat: a coordinator creates a task for a segment, the matching
// volunteers (and nobody else) are offered it through the outbox, they answer by button and by
// typing, report it done with proof, the coordinator follows and closes it.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { contactOf, createTestApp, transcript, type TestApp } from "../support/createTestApp.js";
import { bandungHealthSegment, coordinatorOf, createTaskInChat, fakeTelegramDispatcher, volunteer, voterInBandung } from "../domain/tasks/support/taskWorld.js";

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp({ flood: { limit: 1000, windowMs: 1000 } });
});
afterEach(async () => {
  await app.close();
});

describe("a task from creation to close", () => {
  it("is offered to the segment's consenting volunteers only, answered, reported, followed and closed", async () => {
    const siti = await volunteer(app, "5001", { name: "Siti Aminah" });
    const budi = await volunteer(app, "5002", { name: "Budi Santoso", language: "en" });
    const rudi = await volunteer(app, "5003", { name: "Rudi Hartono" });
    await volunteer(app, "5004", { name: "Tono Tanpa Tugas", tasksConsent: false });
    const stopped = await volunteer(app, "5005", { name: "Wati Berhenti" });
    await stopped.say("STOP");
    await voterInBandung(app, "5006");
    await volunteer(app, "5007", { name: "Yogi Sleman", region: "sleman" });
    const segment = await bandungHealthSegment(app);
    const coordinator = await coordinatorOf(app);

    // The wizard, step by step, with its preview.
    expect(transcript(await coordinator.say("/task new"))).toContain("Judul tugasnya apa?");
    await coordinator.say("Bagikan brosur posyandu");
    expect(transcript(await coordinator.say("Bagikan 50 brosur di posyandu terdekat."))).toContain("[taskwiz:skip] Tanpa tautan");
    expect(transcript(await coordinator.say("bukan tautan"))).toContain("bukan alamat web");
    await coordinator.say("https://contoh.id/brosur");
    const segments = transcript(await coordinator.pick("taskwiz:skip"));
    expect(segments).toContain(`[taskwiz:segment:${segment.id}] ${segment.name} (3)`);
    await coordinator.pick(`taskwiz:segment:${segment.id}`);
    expect(transcript(await coordinator.say("kemarin sore"))).toContain("Batas waktunya tidak saya pahami");
    expect(transcript(await coordinator.say("2026-11-01 17:00"))).toContain("sudah lewat");
    await coordinator.say("2026-11-28 17:00");
    expect(transcript(await coordinator.say("nol"))).toContain("Tulis angka bulat");
    await coordinator.say("tanpa batas");
    const preview = transcript(await coordinator.pick("taskwiz:operational:no"));
    expect(preview).toContain("# Pratinjau — relawan Bahasa Indonesia (N = nomor tugas)");
    expect(preview).toContain("📋 Tugas baru #N: Bagikan brosur posyandu");
    expect(preview).toContain("Balas TERIMA N. Tidak bisa? Balas TOLAK N.");
    expect(preview).toContain("Reply ACCEPT N.");
    expect(preview).toContain("🔗 https://contoh.id/brosur");
    expect(preview).toContain("⏰ Batas waktu: 28 Nov 2026, 17.00 WIB");
    expect(preview).toContain("ditawarkan ke 3 relawan");
    expect(preview).toContain("2 dari 5 relawan di segmen tidak ditawari");
    const created = await coordinator.pick("taskwiz:confirm:yes");
    const task = await app.db.task.findFirstOrThrow();
    expect(created[0]?.text).toBe(`Tugas #${task.id} dibuat dan ditawarkan ke 3 relawan. Pantau dengan /task status ${task.id}.`);
    expect(task).toMatchObject({ title: "Bagikan brosur posyandu", link: "https://contoh.id/brosur", operational: false, status: "open", maxVolunteers: null });
    expect(task.deadline.toISOString()).toBe("2026-11-28T10:00:00.000Z");
    expect(await app.db.auditEntry.findFirst({ where: { action: "task.create", target: String(task.id) } })).toMatchObject({ actor: (await contactOf(app, "telegram", "9001")).id });

    // One assignment and one queued offer each for Siti, Budi and Rudi; nobody else.
    const ids = { siti: (await contactOf(app, "telegram", "5001")).id, budi: (await contactOf(app, "telegram", "5002")).id, rudi: (await contactOf(app, "telegram", "5003")).id };
    const assignments = await app.db.taskAssignment.findMany({ where: { taskId: task.id }, select: { contactId: true, status: true } });
    expect(assignments.map((a) => a.contactId).sort()).toEqual(Object.values(ids).sort());
    expect(assignments.every((a) => a.status === "offered")).toBe(true);
    const offers = await app.db.delivery.findMany({ where: { taskId: task.id }, orderBy: { contactId: "asc" } });
    expect(offers.map((o) => o.contactId).sort()).toEqual(Object.values(ids).sort());
    expect(offers.every((o) => o.kind === "task_offer" && o.status === "queued" && o.purpose === "volunteer_tasks")).toBe(true);

    // The dispatcher sends each their offer, in their language, with buttons.
    const { dispatcher, sent } = fakeTelegramDispatcher(app);
    expect(await dispatcher.runOnce()).toMatchObject({ sent: 3 });
    const byChat = Object.fromEntries(sent);
    expect(Object.keys(byChat).sort()).toEqual(["5001", "5002", "5003"]);
    expect(byChat["5001"]?.text).toContain(`Bisa ikut? Balas TERIMA ${task.id}. Tidak bisa? Balas TOLAK ${task.id}.`);
    expect(byChat["5001"]?.text).toContain("Balas STOP untuk berhenti.");
    expect(byChat["5002"]?.text).toContain(`Can you help? Reply ACCEPT ${task.id}.`);
    expect(byChat["5001"]?.choices).toEqual([
      { id: `task:${task.id}:accept`, label: "✅ Terima" },
      { id: `task:${task.id}:decline`, label: "Tolak" },
    ]);

    // Siti accepts with the button, Budi by typing, Rudi declines by typing.
    const accepted = await siti.pick(`task:${task.id}:accept`);
    expect(accepted[0]?.text).toContain(`Kamu ikut tugas #${task.id}: Bagikan brosur posyandu.`);
    expect(accepted[0]?.text).toContain("Batas waktu: 28 Nov 2026, 17.00 WIB");
    expect(accepted[0]?.choices?.[0]).toEqual({ id: `task:${task.id}:done`, label: "📸 Lapor selesai" });
    expect((await budi.say(`ACCEPT ${task.id}`))[0]?.text).toContain(`You're on task #${task.id}`);
    expect((await rudi.say(`tolak tugas #${task.id}`))[0]?.text).toContain(`tugas #${task.id} tidak kamu ambil`);
    expect((await siti.say(`terima ${task.id}`))[0]?.text).toBe(`Kamu sudah menerima tugas #${task.id}. Setelah selesai, balas SELESAI ${task.id} lalu kirim buktinya.`);

    // Siti reports done: the bot asks for proof; a sticker is not proof, a photo is.
    expect(transcript(await siti.say(`SELESAI ${task.id}`))).toContain(`Kirim bukti tugas #${task.id}: sebuah foto, tautan`);
    expect(transcript(await siti.sendMedia())).toContain("Bukti bisa berupa foto, tautan, atau teks singkat.");
    expect(transcript(await siti.say("ok"))).toContain("Buktinya terlalu singkat");
    const photo = await siti.send({ kind: "media", photo: { fileId: "AgAC-brosur" } });
    expect(photo[0]?.text).toBe(`Terima kasih! 🎉 Tugas #${task.id} (Bagikan brosur posyandu) tercatat selesai dengan foto.`);
    // Budi reports with the proof in the same message.
    expect((await budi.say(`done ${task.id} https://instagram.com/p/brosur-posyandu`))[0]?.text).toContain("recorded as done, with your link");

    const rows = await app.db.taskAssignment.findMany({ where: { taskId: task.id }, select: { contactId: true, status: true, proofKind: true, proof: true, doneAt: true } });
    const of = (contactId: string) => rows.find((r) => r.contactId === contactId);
    expect(of(ids.siti)).toMatchObject({ status: "done", proofKind: "photo", proof: "telegram:AgAC-brosur" });
    expect(of(ids.siti)?.doneAt).toBeInstanceOf(Date);
    expect(of(ids.budi)).toMatchObject({ status: "done", proofKind: "link", proof: "https://instagram.com/p/brosur-posyandu" });
    expect(of(ids.rudi)).toMatchObject({ status: "declined", proofKind: null });

    // The coordinator sees who is where, by first name, and no phone numbers.
    const status = transcript(await coordinator.say(`/task status ${task.id}`));
    expect(status).toContain(`# Tugas #${task.id} · terbuka`);
    expect(status).toContain("Belum menjawab: 0");
    expect(status).toContain("Menerima: 0");
    expect(status).toContain("Menolak: 1 — Rudi");
    expect(status).toContain("Selesai: 2 — Siti (foto), Budi (“https://instagram.com/p/brosur-posyandu”)");
    expect(status).toContain("Pesan tawaran: terkirim 3 · menunggu 0 · ditahan 0 · dilewati 0 · gagal 0");
    expect(status).not.toMatch(/0812|\+62/);
    expect(transcript(await coordinator.say("/task list"))).toContain(`#${task.id} Bagikan brosur posyandu — terbuka`);

    // Closed: nobody can take it any more, and a late answer is refused politely.
    expect((await coordinator.say(`/task close ${task.id}`))[0]?.text).toContain(`Tugas #${task.id} (Bagikan brosur posyandu) ditutup.`);
    expect((await coordinator.say(`/task close ${task.id}`))[0]?.text).toBe(`Tugas #${task.id} sudah ditutup.`);
    expect((await rudi.say(`TERIMA ${task.id}`))[0]?.text).toBe(`Tugas #${task.id} sudah ditutup, jadi tidak bisa diambil lagi. Terima kasih atas kesediaanmu! 🙏`);
    expect((await app.db.task.findUniqueOrThrow({ where: { id: task.id } })).status).toBe("closed");
    expect(await app.db.auditEntry.count({ where: { action: "task.close", target: String(task.id) } })).toBe(1);
    expect(transcript(await coordinator.say(`/task status ${task.id}`))).toContain(`# Tugas #${task.id} · ditutup`);
  });

  it("lets a volunteer decline, change their mind, and never take a task twice", async () => {
    const siti = await volunteer(app, "5001", { name: "Siti Aminah" });
    const segment = await bandungHealthSegment(app);
    const id = await createTaskInChat(await coordinatorOf(app), segment.id);

    expect((await siti.pick(`task:${id}:decline`))[0]?.text).toContain("Terima kasih sudah mengabari!");
    expect((await siti.say(`tolak ${id}`))[0]?.text).toBe(`Tugas #${id} sudah kamu tolak. Kalau berubah pikiran, balas TERIMA ${id}.`);
    // Reporting a task one has not accepted says what to do first.
    const early = await siti.say(`SELESAI ${id} sudah saya bagikan`);
    expect(early[0]?.text).toBe(`Tugas #${id} belum kamu terima. Terima dulu (balas TERIMA ${id}), lalu laporkan selesai.`);
    expect(early[0]?.choices?.[0]?.id).toBe(`task:${id}:accept`);
    expect((await siti.say(`TERIMA ${id}`))[0]?.text).toContain(`Kamu ikut tugas #${id}`);
    expect((await siti.say(`selesai ${id}: sudah bagikan 50 brosur di posyandu Melati`))[0]?.text).toBe(`Terima kasih! 🎉 Tugas #${id} (Bagikan brosur posyandu) tercatat selesai.`);
    expect((await siti.say(`TOLAK ${id}`))[0]?.text).toBe(`Tugas #${id} sudah tercatat selesai. Terima kasih! 🙏`);
    expect(await app.db.taskAssignment.findFirst({ where: { taskId: id } })).toMatchObject({ status: "done", proofKind: "text", proof: "sudah bagikan 50 brosur di posyandu Melati" });
  });

  it("answers a task that does not exist, and leaves ordinary talk with numbers alone", async () => {
    const siti = await volunteer(app, "5001", { name: "Siti Aminah" });
    expect((await siti.say("TERIMA 999"))[0]?.text).toBe("Saya tidak menemukan tugas #999 untukmu. Ketik /tugas untuk melihat tugas-tugasmu.");
    // Informal forms count only for a task the person was offered: otherwise they are ordinary talk.
    expect(transcript(await siti.say("ikut 17"))).not.toContain("tugas #17");
    expect(transcript(await siti.say("ikut 17 agustusan gimana caranya"))).not.toContain("tugas #17");
    // The same words about a task Siti was offered are an answer.
    const segment = await bandungHealthSegment(app);
    const id = await createTaskInChat(await coordinatorOf(app), segment.id);
    expect(transcript(await siti.say(`ikut ${id}`))).toContain(`Kamu ikut tugas #${id}`);
  });

  it("asks for proof after the Lapor selesai button, and lets the volunteer cancel", async () => {
    const siti = await volunteer(app, "5001", { name: "Siti Aminah" });
    const segment = await bandungHealthSegment(app);
    const id = await createTaskInChat(await coordinatorOf(app), segment.id);
    await siti.say(`TERIMA ${id}`);
    expect(transcript(await siti.pick(`task:${id}:done`))).toContain("[taskproof:cancel] Batal");
    expect((await siti.pick("taskproof:cancel"))[0]?.text).toBe(`Baik, laporan tugas #${id} dibatalkan. Kirim SELESAI ${id} kapan saja untuk melapor.`);
    // A bare SELESAI means the one task Siti has accepted.
    expect(transcript(await siti.say("selesai"))).toContain(`Kirim bukti tugas #${id}`);
    expect((await siti.say("https://drive.example.org/foto-brosur"))[0]?.text).toContain("tercatat selesai dengan tautan");
  });

  it("refuses an acceptance after the deadline, and takes a report after the deadline or the close", async () => {
    const siti = await volunteer(app, "5001", { name: "Siti Aminah" });
    const budi = await volunteer(app, "5002", { name: "Budi Santoso" });
    const coordinator = await coordinatorOf(app);
    const id = await createTaskInChat(coordinator, (await bandungHealthSegment(app)).id, { deadline: "2026-11-27 17:00" });
    await siti.say(`TERIMA ${id}`);
    app.clock.now = new Date("2026-11-27T10:30:00Z"); // half an hour past the deadline
    expect((await budi.say(`TERIMA ${id}`))[0]?.text).toBe(`Batas waktu tugas #${id} sudah lewat, jadi tidak bisa diambil lagi. Terima kasih!`);
    await coordinator.say(`/task close ${id}`);
    expect((await siti.say(`SELESAI ${id} https://example.org/laporan`))[0]?.text).toContain("tercatat selesai dengan tautan");
    expect(await app.db.taskAssignment.count({ where: { taskId: id, status: "done" } })).toBe(1);
    expect(await app.db.taskAssignment.count({ where: { taskId: id, status: "offered" } })).toBe(1);
  });
});
