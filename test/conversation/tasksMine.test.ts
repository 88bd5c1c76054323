// A volunteer's own view (/tugas), answers that keep the flow the person was in, a photo from
// Telegram as proof, and typed answers on WhatsApp, where there are no buttons.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { toInbound } from "../../src/channels/telegram/toInbound.js";
import { parseWebhook } from "../../src/channels/whatsapp/cloud/parseWebhook.js";
import { toInbound as cloudToInbound } from "../../src/channels/whatsapp/cloud/toInbound.js";
import { toInbound as webToInbound } from "../../src/channels/whatsapp/web/toInbound.js";
import { image, messagesWebhook, SITI as CLOUD_SITI } from "../channels/whatsapp/cloud/payloads.js";
import { mediaMessage } from "../channels/whatsapp/web/messages.js";
import { createTestApp, onboard, person, signUpVolunteer, transcript, type TestApp } from "../support/createTestApp.js";
import { photoMessage, SITI } from "../channels/telegram/updates.js";
import { bandungHealthSegment, coordinatorOf, createTaskInChat, volunteer } from "../domain/tasks/support/taskWorld.js";

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp({ flood: { limit: 1000, windowMs: 1000 } });
});
afterEach(async () => {
  await app.close();
});

describe("/tugas", () => {
  it("lists current tasks with what to do next, then past ones", async () => {
    const siti = await volunteer(app, "5001", { name: "Siti Aminah" });
    expect(transcript(await siti.say("/tugas"))).toContain("Kamu belum punya tugas. Tim kampanye akan mengirim tawaran tugas di sini.");
    const coordinator = await coordinatorOf(app);
    const segment = await bandungHealthSegment(app);
    const offered = await createTaskInChat(coordinator, segment.id, { title: "Survei warga", deadline: "2026-11-30 17:00" });
    const accepted = await createTaskInChat(coordinator, segment.id, { title: "Jaga posko", deadline: "2026-11-29 17:00" });
    const done = await createTaskInChat(coordinator, segment.id, { title: "Bagikan brosur", deadline: "2026-11-28 17:00" });
    const closed = await createTaskInChat(coordinator, segment.id, { title: "Rapat koordinasi", deadline: "2026-11-27 17:00" });
    await siti.say(`TERIMA ${accepted}`);
    await siti.say(`TERIMA ${done}`);
    await siti.say(`SELESAI ${done} sudah dibagikan di pasar`);
    await coordinator.say(`/task close ${closed}`);

    const mine = await siti.say("tugas saya");
    const text = transcript(mine);
    expect(text).toContain("# Tugas saya");
    expect(text).toContain(`Sedang berjalan:\n#${accepted} Jaga posko — kamu terima (batas 29 Nov 2026, 17.00 WIB)\n#${offered} Survei warga — menunggu jawabanmu (batas 30 Nov 2026, 17.00 WIB)`);
    expect(text).toContain(`Sebelumnya:\n#${done} Bagikan brosur — selesai ✅ (batas 28 Nov 2026, 17.00 WIB)\n#${closed} Rapat koordinasi — ditutup (batas 27 Nov 2026, 17.00 WIB)`);
    expect(mine.flatMap((r) => r.choices ?? []).map((c) => c.id)).toEqual([`task:${accepted}:done`, `task:${offered}:accept`, "menu:main"]);
    // Typing the number of a listed button works like pressing it.
    expect(transcript(await siti.say("2"))).toContain(`Kamu ikut tugas #${offered}`);
    // The English command and a button from an older message work too.
    expect(transcript(await siti.pick("task:list"))).toContain(`#${offered} Survei warga — kamu terima`);
  });

  it("tells someone who is not a volunteer how tasks reach people", async () => {
    const voter = person(app, "telegram", "6001");
    await onboard(voter);
    expect(transcript(await voter.say("/tugas"))).toContain("Tugas dikirim ke relawan terdaftar");
    expect(transcript(await voter.say("SELESAI"))).not.toContain("Tugas yang mana");
  });

  it("asks which task a bare SELESAI means when two are accepted", async () => {
    const siti = await volunteer(app, "5001", { name: "Siti Aminah" });
    const coordinator = await coordinatorOf(app);
    const segment = await bandungHealthSegment(app);
    const a = await createTaskInChat(coordinator, segment.id, { title: "Jaga posko" });
    const b = await createTaskInChat(coordinator, segment.id, { title: "Survei warga" });
    await siti.say(`TERIMA ${a}`);
    await siti.say(`terima tugas ${b} ya kak`);
    const which = await siti.say("selesai");
    expect(which[0]?.text).toBe(`Tugas yang mana yang sudah selesai? Pilih di bawah, atau balas misalnya SELESAI ${a}.`);
    expect(which[0]?.choices?.map((c) => c.label)).toEqual([`Lapor selesai #${a} Jaga posko`, `Lapor selesai #${b} Survei warga`]);
    expect(transcript(await siti.say("2"))).toContain(`Kirim bukti tugas #${b}`);
  });
});

describe("answers in the middle of another flow", () => {
  it("keeps the step the person was at, with its choices", async () => {
    const siti = await volunteer(app, "5001", { name: "Siti Aminah" });
    const id = await createTaskInChat(await coordinatorOf(app), (await bandungHealthSegment(app)).id);
    await siti.say("/bahasa");
    const answered = await siti.pick(`task:${id}:accept`);
    expect(answered[0]?.text).toContain(`Kamu ikut tugas #${id}`);
    expect(answered[0]?.choices).toBeUndefined();
    expect(answered[1]?.text).toBe("Sekarang kembali ke langkah tadi:");
    expect(answered[1]?.choices?.map((c) => c.id)).toEqual(["lang:id", "lang:en"]);
    // "2" still means English, as it did before the answer.
    expect(transcript(await siti.say("2"))).toContain("English");

    // Waiting for proof of one task, an answer to another keeps the proof step.
    await siti.say(`SELESAI ${id}`);
    const other = await createTaskInChat(await coordinatorOf(app, "9002"), (await bandungHealthSegment(app)).id, { title: "Jaga posko" });
    const kept = await siti.say(`DECLINE ${other}`);
    expect(kept.map((r) => r.text)).toEqual([
      `OK, you're not taking task #${other}. Thanks for letting us know! If you change your mind, reply ACCEPT ${other} while the task is open.`,
      `Great! Send proof for task #${id}: a photo, a link (https://...), or a short text about what you did.`,
    ]);
    expect((await siti.say("Gave out 50 leaflets at the market"))[0]?.text).toBe(`Thank you! 🎉 Task #${id} (Bagikan brosur posyandu) is recorded as done.`);
  });
});

describe("proof and answers on each channel", () => {
  it("keeps the largest Telegram photo as proof, captioned SELESAI <id> in one message", async () => {
    const siti = person(app, "telegram", String(SITI.id));
    await onboard(siti);
    await signUpVolunteer(siti, { name: "Siti Rahayu", phone: "081298765432" });
    const id = await createTaskInChat(await coordinatorOf(app), (await bandungHealthSegment(app)).id);
    await siti.say(`TERIMA ${id}`);
    const inbound = toInbound({ update_id: 1, ...photoMessage(`SELESAI ${id}`) } as Parameters<typeof toInbound>[0]);
    if (!inbound) throw new Error("no inbound");
    app.clock.advance(1000);
    const result = await app.engine.handle({ ...inbound, receivedAt: app.clock.now });
    expect(result.replies[0]?.text).toContain(`Tugas #${id} (Bagikan brosur posyandu) tercatat selesai dengan foto.`);
    expect(await app.db.taskAssignment.findFirst({ where: { taskId: id } })).toMatchObject({ status: "done", proofKind: "photo", proof: "telegram:AgACAgUAAxkBAAIB-large" });
  });

  it("works by typing on WhatsApp", async () => {
    const wa = person(app, "whatsapp", "6281211112222", { senderPhone: "+6281211112222" });
    await onboard(wa);
    await signUpVolunteer(wa, { name: "Ani Wijaya", phone: "081211112222" });
    const id = await createTaskInChat(await coordinatorOf(app), (await bandungHealthSegment(app)).id);
    expect(transcript(await wa.say(`Terima ${id}`))).toContain(`Kamu ikut tugas #${id}`);
    expect(transcript(await wa.say(`tugas ${id} selesai`))).toContain(`Kirim bukti tugas #${id}`);
    expect(transcript(await wa.send({ kind: "media", text: "", photo: { fileId: "true_6281211112222@c.us_3EB0" } }))).toContain("tercatat selesai dengan foto");
    expect(await app.db.taskAssignment.findFirst({ where: { taskId: id } })).toMatchObject({ proof: "whatsapp:true_6281211112222@c.us_3EB0" });
  });

  it("gives WhatsApp photos a reference too, and other media none", () => {
    const web = webToInbound(mediaMessage("image", "SELESAI 3"), { defaultCountry: "ID" });
    expect(web).toMatchObject({ kind: "media", text: "SELESAI 3", photo: { fileId: expect.stringContaining("@c.us") } });
    expect(webToInbound(mediaMessage("sticker"), { defaultCountry: "ID" })).not.toHaveProperty("photo");
    const parsed = parseWebhook(messagesWebhook(CLOUD_SITI, [image("SELESAI 3")]));
    if (parsed.status !== "ok") throw new Error("fixture did not parse");
    expect(cloudToInbound(parsed.messages[0]!)).toMatchObject({ kind: "media", text: "SELESAI 3", photo: { fileId: "2754859441498128" } });
  });
});
