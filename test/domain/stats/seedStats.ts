// A small campaign with a known answer for every figure of /stats, written straight into the tables.
import type { Database } from "../../../src/db/client.js";

/** 10:00 WIB on 26 November 2026. */
export const statsNow = new Date("2026-11-26T03:00:00Z");

export async function seedStats(db: Database): Promise<void> {
  const contact = async (createdAt: string, regionCode: string | null, volunteerAt?: string) => {
    const row = await db.contact.create({ data: { createdAt: new Date(createdAt), regionCode } });
    if (volunteerAt) {
      await db.volunteer.create({
        data: { contactId: row.id, referralCode: `REF${row.id.slice(-6).toUpperCase()}`, interests: "[]", availability: "anytime", createdAt: new Date(volunteerAt) },
      });
    }
    return row.id;
  };
  // 07:00 WIB 10 Nov: the first contact, a volunteer without a region.
  await contact("2026-11-10T00:00:00Z", null, "2026-11-10T00:00:00Z");
  // 23:30 WIB 20 Nov (still the 20th in Jakarta), no volunteer.
  const c1 = await contact("2026-11-20T16:30:00Z", "35.78");
  // 00:30 WIB 21 Nov, although it is still the 20th in UTC.
  const c2 = await contact("2026-11-20T17:30:00Z", "32.73.01", "2026-11-21T02:00:00Z");
  const c3 = await contact("2026-11-25T10:00:00Z", "32.04", "2026-11-25T11:00:00Z");
  const c4 = await contact("2026-11-26T01:00:00Z", "31.71", "2026-11-26T02:00:00Z");

  const segment = await db.segment.create({ data: { name: "Semua", definition: "{}", createdBy: "test" } });
  const broadcast = await db.broadcast.create({ data: { texts: JSON.stringify({ id: "Halo" }), segmentId: segment.id, scheduledAt: statsNow, createdBy: "test" } });
  const deliveries: Array<[string, string | null]> = [
    ["queued", null],
    ["queued", "quiet_hours"],
    ["claimed", null],
    ["sending", null],
    ["sent", null],
    ["sent", null],
    ["sent", null],
    ["failed", "blocked"],
    ["failed", "Bad Request: chat not found"],
    ["skipped", "unreachable"],
    ["skipped", "opted_out"],
    ["skipped", "opted_out"],
    ["uncertain", "sender_died"],
  ];
  let n = 0;
  for (const [status, reason] of deliveries) {
    await db.delivery.create({ data: { kind: "broadcast", broadcastId: broadcast.id, contactId: `x${n++}`, status, reason } });
  }

  const overdueTask = await db.task.create({
    data: { title: "Sebar brosur di pasar", instructions: "Ambil di posko", segmentId: segment.id, deadline: new Date("2026-11-25T10:00:00Z"), createdBy: "test" },
  });
  const laterTask = await db.task.create({
    data: { title: "Pasang spanduk", instructions: "Dua per RW", segmentId: segment.id, deadline: new Date("2026-12-01T10:00:00Z"), createdBy: "test" },
  });
  const assign = (taskId: number, contactId: string, status: string) => db.taskAssignment.create({ data: { taskId, contactId, status } });
  await assign(overdueTask.id, c1, "accepted");
  await assign(overdueTask.id, c2, "done");
  await assign(overdueTask.id, c3, "declined");
  await assign(overdueTask.id, c4, "offered");
  await assign(laterTask.id, c1, "accepted");
  await assign(laterTask.id, c2, "accepted");
  await assign(laterTask.id, c3, "done");
  // A task-offer delivery is not a broadcast and stays out of the funnel.
  await db.delivery.create({ data: { kind: "task_offer", taskId: laterTask.id, contactId: c1, status: "sent" } });

  const ask = (text: string, status = "open") => db.inboxItem.create({ data: { contactId: c1, kind: "question", text, language: "id", channel: "telegram", status } });
  await ask("Gimana cara daftar?");
  await ask("gimana cara daftar");
  await ask("  gimana cara daftar ");
  await ask("gmn cara daftar??");
  await ask("Kapan debat kandidat?");
  await ask("kapan debat kandidat?");
  await ask("Apakah ada kaos gratis");
  await ask("Siapa wakilnya", "closed");
  // A "talk to a person" request is no FAQ gap, and a question answered by an FAQ staff saved is none any more.
  await db.inboxItem.create({ data: { contactId: c1, kind: "handoff", text: "Apakah ada kaos gratis", language: "id", channel: "telegram" } });
  await ask("Di mana posko Bandung?");
  await db.faqEntry.create({ data: { id: "inbox-999", language: "id", question: "di mana posko bandung? ", answer: "Jl. Merdeka 1.", variants: "[]" } });
}
