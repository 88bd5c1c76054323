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
  await recordKeywordConsent(db, change, false);
}

/** MULAI / START: the person asked for everything STOP stopped, so a volunteer gets tasks again too. */
export async function optIn(db: Db, change: OptChange): Promise<void> {
  await recordKeywordConsent(db, change, true);
}

async function recordKeywordConsent(db: Db, change: OptChange, granted: boolean): Promise<void> {
  const volunteer = await db.volunteer.findUnique({ where: { contactId: change.contactId }, select: { id: true } });
  const purposes = volunteer ? (["updates", "volunteer_tasks"] as const) : (["updates"] as const);
  const textKey = granted ? "optIn.keyword" : "optOut.keyword";
  for (const purpose of purposes) await recordConsent(db, { ...change, purpose, granted, textKey, source: "keyword" });
}
