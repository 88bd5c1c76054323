import type { Db } from "../../db/client.js";

/** One item with what staff may see of the person (name and phone, masked by the caller). */
export async function findInboxItem(db: Db, id: number) {
  return db.inboxItem.findUnique({ where: { id }, include: { contact: { select: { name: true, phone: true, optedOut: true } } } });
}

export type FoundInboxItem = NonNullable<Awaited<ReturnType<typeof findInboxItem>>>;
