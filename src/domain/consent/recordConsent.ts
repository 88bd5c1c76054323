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
    // Raw SQL: a consent answer is a conversation turn, inside its transaction (docs/benchmarks.md).
    if (event.granted) await db.$executeRaw`UPDATE "Contact" SET "updatesConsent" = ${true}, "optedOut" = ${false} WHERE "id" = ${event.contactId}`;
    else await db.$executeRaw`UPDATE "Contact" SET "updatesConsent" = ${false} WHERE "id" = ${event.contactId}`;
  }
}
