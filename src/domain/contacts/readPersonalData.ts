import type { Db } from "../../db/client.js";

/** Everything Relawan stores about one person, for /datasaya (UU PDP right of access). */
export async function readPersonalData(db: Db, contactId: string) {
  const contact = await db.contact.findUniqueOrThrow({
    where: { id: contactId },
    include: {
      identities: { orderBy: { createdAt: "asc" } },
      tags: { orderBy: { tag: "asc" } },
      consents: { orderBy: { recordedAt: "asc" } },
      volunteer: true,
      inboxItems: { orderBy: { id: "asc" } },
      choices: { orderBy: { id: "asc" } },
      assignments: { orderBy: [{ offeredAt: "asc" }, { taskId: "asc" }], include: { task: { select: { id: true, title: true } } } },
    },
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
  return { ...contact, messagesByKind };
}

export type PersonalData = Awaited<ReturnType<typeof readPersonalData>>;
