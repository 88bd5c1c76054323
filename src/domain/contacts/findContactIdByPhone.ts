import type { Db } from "../../db/client.js";

/** The contact that holds this phone number (E.164), if any. */
export async function findContactIdByPhone(db: Db, phone: string): Promise<string | undefined> {
  const owner = await db.contact.findUnique({ where: { phone }, select: { id: true } });
  return owner?.id;
}
