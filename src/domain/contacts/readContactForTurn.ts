import type { Db } from "../../db/client.js";
import { contactForTurn, type LoadedContact } from "./findOrCreateContact.js";

/** The contact as a turn holds it (volunteer profile and conversation state included), read again after a change. */
export function readContactForTurn(db: Db, contactId: string): Promise<LoadedContact> {
  return db.contact.findUniqueOrThrow({ where: { id: contactId }, include: contactForTurn });
}
