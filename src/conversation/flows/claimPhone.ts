import { mergeContacts } from "../../domain/contacts/mergeContacts.js";
import type { Turn } from "../turn.js";
import { contactForTurn } from "../../domain/contacts/findOrCreateContact.js";

/**
 * Before a phone number is saved on this person: if another contact has it and the
 * platform vouched for the number (Telegram's own-contact button, a WhatsApp sender),
 * the two are one person and are merged. A merely typed number never merges: anyone
 * could type someone else's number and take over their record.
 */
export async function claimPhone(turn: Turn, phone: string, verified: boolean): Promise<"ok" | "taken"> {
  const owner = await turn.tx.contact.findUnique({ where: { phone }, select: { id: true } });
  if (!owner || owner.id === turn.contact.id) return "ok";
  if (!verified) return "taken";
  await mergeContacts(turn.tx, turn.contact.id, owner.id);
  turn.contact = await turn.tx.contact.findUniqueOrThrow({ where: { id: turn.contact.id }, include: contactForTurn });
  turn.effects.push({ type: "contacts_merged", contactId: turn.contact.id });
  return "ok";
}
