import type { Db } from "../../db/client.js";
import { recordConsent } from "./recordConsent.js";

export interface OptChange {
  contactId: string;
  language: string;
  channel: string;
  textVersion: string;
  at: Date;
}

/** STOP on any channel stops every campaign message to the person, on every channel. */
export async function optOut(db: Db, change: OptChange): Promise<void> {
  await db.contact.update({ where: { id: change.contactId }, data: { optedOut: true, updatesConsent: false } });
  const volunteer = await db.volunteer.findUnique({ where: { contactId: change.contactId }, select: { id: true } });
  const purposes = volunteer ? (["updates", "volunteer_tasks"] as const) : (["updates"] as const);
  for (const purpose of purposes) {
    await recordConsent(db, { ...change, purpose, granted: false, textKey: "optOut.keyword", source: "keyword" });
  }
}

/** MULAI / START: the person asked for everything STOP stopped, so a volunteer gets tasks again too. */
export async function optIn(db: Db, change: OptChange): Promise<void> {
  const volunteer = await db.volunteer.findUnique({ where: { contactId: change.contactId }, select: { id: true } });
  const purposes = volunteer ? (["updates", "volunteer_tasks"] as const) : (["updates"] as const);
  for (const purpose of purposes) {
    await recordConsent(db, { ...change, purpose, granted: true, textKey: "optIn.keyword", source: "keyword" });
  }
}
