import type { Db } from "../../db/client.js";

/**
 * The broadcast a dashboard confirm form already made, by the form's one-time key: a form sent
 * twice, or replayed, finds it instead of making another (the key is unique on Broadcast).
 */
export async function findBroadcastByFormKey(db: Db, formKey: string): Promise<{ id: string } | undefined> {
  return (await db.broadcast.findUnique({ where: { formKey }, select: { id: true } })) ?? undefined;
}
