import { Prisma, type Db } from "../../db/client.js";
import { createCuid } from "../../db/createCuid.js";
import { executeDirectOrPrisma } from "../../db/queryDirect.js";

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
  // Raw SQL with the id made here (Prisma's cuid shape): consent answers are conversation turns,
  // inside their transaction, and a model create costs several times the statement (docs/benchmarks.md);
  // on SQLite they run below Prisma altogether (queryDirect, runTransaction).
  await executeDirectOrPrisma(
    db,
    Prisma.sql`
      INSERT INTO "ConsentRecord" ("id", "contactId", "purpose", "granted", "textKey", "textVersion", "language", "channel", "source", "recordedAt")
      VALUES (${createCuid()}, ${event.contactId}, ${event.purpose}, ${event.granted}, ${event.textKey}, ${event.textVersion}, ${event.language}, ${event.channel}, ${event.source}, ${event.at})`,
  );
  if (event.contactId && event.purpose === "updates") {
    if (event.granted) await executeDirectOrPrisma(db, Prisma.sql`UPDATE "Contact" SET "updatesConsent" = ${true}, "optedOut" = ${false} WHERE "id" = ${event.contactId}`);
    else await executeDirectOrPrisma(db, Prisma.sql`UPDATE "Contact" SET "updatesConsent" = ${false} WHERE "id" = ${event.contactId}`);
  }
}
