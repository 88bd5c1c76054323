import type { Database } from "../../db/client.js";
import { recordAudit } from "../audit/recordAudit.js";
import { eraseContact, type ErasedContact } from "../contacts/eraseContact.js";
import type { FaqMatcher } from "../faq/createFaqMatcher.js";
import { forgetErasedWords } from "../faq/forgetErasedWords.js";

export interface StaffErasure {
  contactId: string;
  /** The admin's contact id. */
  actor: string;
  /** Where it was done ("dashboard"), for the anonymised consent record and the audit log. */
  channel: string;
  at: Date;
  /** The campaign's consentTextVersion, as the chat records it for /hapusdata. */
  textVersion: string;
}

export type StaffErasureOutcome = ({ status: "erased" } & ErasedContact) | { status: "no_person" };

/**
 * A person's deletion request carried out by an admin for them: exactly what their own /hapusdata
 * does (eraseContact), in one transaction with the audit entry naming the admin; then, as after
 * /hapusdata, the running bot's FAQ matcher (when this process has one) forgets their words.
 */
export async function erasePersonForStaff(db: Database, request: StaffErasure, faq?: Pick<FaqMatcher, "remove" | "removeVariant">): Promise<StaffErasureOutcome> {
  const outcome = await db.$transaction(async (tx) => {
    const contact = await tx.contact.findUnique({ where: { id: request.contactId }, select: { id: true } });
    if (!contact) return { status: "no_person" } as const;
    const erased = await eraseContact(tx, contact.id, request.at, request.channel, request.textVersion);
    await recordAudit(tx, { actor: request.actor, action: "person.erase", target: contact.id, details: { channel: request.channel }, at: request.at });
    return { status: "erased", ...erased } as const;
  });
  if (outcome.status === "erased" && faq) forgetErasedWords(faq, outcome);
  return outcome;
}
