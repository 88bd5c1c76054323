import type { Db } from "../../db/client.js";
import type { LoadedContact } from "./findOrCreateContact.js";
import { readContactForTurn } from "./readContactForTurn.js";

/** What a person may correct about themselves (/ubahdata); a field left out stays as it is. */
export interface ContactDetails {
  name?: string;
  /** E.164, already checked against other contacts (claimPhone). */
  phone?: string;
  regionCode?: string;
  language?: string;
  /** A volunteer's interests; ignored for someone who is not one. */
  interests?: readonly string[];
}

/** Saves the person's corrected details and returns the contact as a turn holds it. */
export async function updateContactDetails(db: Db, contactId: string, details: ContactDetails): Promise<LoadedContact> {
  const { interests, ...fields } = details;
  if (Object.keys(fields).length > 0) await db.contact.update({ where: { id: contactId }, data: fields });
  if (interests) await db.volunteer.updateMany({ where: { contactId }, data: { interests: JSON.stringify(interests) } });
  return readContactForTurn(db, contactId);
}
