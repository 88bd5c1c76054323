import type { Db } from "../../db/client.js";

/** Everything Relawan stores about one person, for /datasaya (UU PDP right of access). */
export async function readPersonalData(db: Db, contactId: string) {
  // One relation at a time, not one `include`: Prisma reads an include's relations at once, and
  // inside a turn's transaction on PostgreSQL that is two queries at once on one connection (pg's
  // "client.query() when the client is already executing a query", an error from pg 9).
  const where = { contactId };
  const contact = await db.contact.findUniqueOrThrow({ where: { id: contactId } });
  const identities = await db.channelIdentity.findMany({ where, orderBy: { createdAt: "asc" } });
  const tags = await db.contactTag.findMany({ where, orderBy: { tag: "asc" } });
  const consents = await db.consentRecord.findMany({ where, orderBy: { recordedAt: "asc" } });
  const volunteer = await db.volunteer.findUnique({ where });
  const inboxItems = await db.inboxItem.findMany({ where, orderBy: { id: "asc" } });
  const choices = await db.questionChoice.findMany({ where, orderBy: { id: "asc" } });
  const assignments = await db.taskAssignment.findMany({
    where,
    orderBy: [{ offeredAt: "asc" }, { taskId: "asc" }],
    include: { task: { select: { id: true, title: true } } },
  });
  // Deliveries have no relation to the contact (broadcast rows outlive it); counted, not listed:
  // a task message repeats the task, a reply is shown with the question it answers.
  const deliveries = await db.delivery.findMany({ where: { contactId }, select: { kind: true, broadcastId: true } });
  const messagesByKind: Record<string, number> = {};
  for (const { kind, broadcastId } of deliveries) {
    // A "broadcast" row of no broadcast is a message recorded as unsent (WhatsApp's 24-hour window).
    const shown = kind === "broadcast" && broadcastId === null ? "unsent" : kind;
    messagesByKind[shown] = (messagesByKind[shown] ?? 0) + 1;
  }
  // An unanswered question is one inbox item (kept once however often it was asked), shown with its status.
  return { ...contact, identities, tags, consents, volunteer, inboxItems, choices, assignments, messagesByKind };
}

export type PersonalData = Awaited<ReturnType<typeof readPersonalData>>;
