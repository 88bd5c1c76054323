import { findContactIdByPhone } from "../../domain/contacts/findContactIdByPhone.js";
import { mergeContacts } from "../../domain/contacts/mergeContacts.js";
import { readContactForTurn } from "../../domain/contacts/readContactForTurn.js";
import type { Turn } from "../turn.js";

/**
 * Before a phone number is saved on this person: if another contact has it and the
 * platform vouched for the number (Telegram's own-contact button, a WhatsApp sender),
 * the two are one person and are merged. A merely typed number never merges: anyone
 * could type someone else's number and take over their record.
 */
export async function claimPhone(turn: Turn, phone: string, verified: boolean): Promise<"ok" | "taken"> {
  const owner = await findContactIdByPhone(turn.tx, phone);
  if (!owner || owner === turn.contact.id) return "ok";
  if (!verified) return "taken";
  await mergeContacts(turn.tx, turn.contact.id, owner);
  turn.contact = await readContactForTurn(turn.tx, turn.contact.id);
  turn.effects.push({ type: "contacts_merged", contactId: turn.contact.id });
  return "ok";
}
