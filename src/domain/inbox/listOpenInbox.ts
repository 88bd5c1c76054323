import type { Db } from "../../db/client.js";

export interface InboxLine {
  id: number;
  kind: string;
  text: string;
  language: string;
  channel: string;
  createdAt: Date;
  contact: { name: string | null; phone: string | null };
}

/** The open items, oldest first (the longest wait gets answered first), and how many are open in all. */
export async function listOpenInbox(db: Db, limit: number): Promise<{ total: number; items: InboxLine[] }> {
  const total = await db.inboxItem.count({ where: { status: "open" } });
  const items = await db.inboxItem.findMany({
    where: { status: "open" },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: limit,
    select: { id: true, kind: true, text: true, language: true, channel: true, createdAt: true, contact: { select: { name: true, phone: true } } },
  });
  return { total, items };
}
