import type { Database } from "../../db/client.js";
import { recordAudit } from "../audit/recordAudit.js";
import { eraseContact, type ErasedContact } from "../contacts/eraseContact.js";

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
 * does (eraseContact), in one transaction with the audit entry naming the admin.
 */
export async function erasePersonForStaff(db: Database, request: StaffErasure): Promise<StaffErasureOutcome> {
  return db.$transaction(async (tx) => {
    const contact = await tx.contact.findUnique({ where: { id: request.contactId }, select: { id: true } });
    if (!contact) return { status: "no_person" } as const;
    const erased = await eraseContact(tx, contact.id, request.at, request.channel, request.textVersion);
    await recordAudit(tx, { actor: request.actor, action: "person.erase", target: contact.id, details: { channel: request.channel }, at: request.at });
    return { status: "erased", ...erased } as const;
  });
}
