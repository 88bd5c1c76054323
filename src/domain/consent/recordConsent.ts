import type { Db } from "../../db/client.js";

export type ConsentPurpose = "updates" | "volunteer_data" | "volunteer_tasks" | "all";

export interface ConsentEvent {
  contactId: string | null;
  purpose: ConsentPurpose;
  granted: boolean;
  /** The i18n key of the sentence the person answered, and the content version it had. */
  textKey: string;
  textVersion: string;
  language: string;
  channel: string;
  source: "conversation" | "keyword" | "data_deletion";
  at: Date;
}

/** Appends to the consent history; for "updates" also keeps the contact's current state in step. */
export async function recordConsent(db: Db, event: ConsentEvent): Promise<void> {
  await db.consentRecord.create({
    data: {
      contactId: event.contactId,
      purpose: event.purpose,
      granted: event.granted,
      textKey: event.textKey,
      textVersion: event.textVersion,
      language: event.language,
      channel: event.channel,
      source: event.source,
      recordedAt: event.at,
    },
  });
  if (event.contactId && event.purpose === "updates") {
    await db.contact.update({
      where: { id: event.contactId },
      data: { updatesConsent: event.granted, optedOut: event.granted ? false : undefined },
    });
  }
}
