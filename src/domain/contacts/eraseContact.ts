import type { Db } from "../../db/client.js";
import { inboxFaqId } from "../inbox/inboxFaqId.js";

export interface ErasedContact {
  /** FAQ entries staff had saved from the person's questions, now deleted: the running matcher must forget them. */
  faqIds: string[];
  /** Variants staff had kept from the person's words ("Maksud Anda…?" picks), now deleted with them. */
  variants: Array<{ faqId: string; language: string; text: string }>;
}

/**
 * Deletes a person's personal data and conversation state (UU PDP right to
 * erasure). What stays is an anonymised record that consent was withdrawn and
 * when; earlier consent records lose their link to the person, and their
 * broadcast deliveries stay, linked to nobody, so the broadcasts' reports still add up.
 */
export async function eraseContact(db: Db, contactId: string, at: Date, channel: string, textVersion: string): Promise<ErasedContact> {
  const contact = await db.contact.findUnique({
    where: { id: contactId },
    select: { language: true, identities: { select: { channel: true, externalId: true } } },
  });
  if (!contact) return { faqIds: [], variants: [] };
  // Questions can hold anything the person typed, so they go rather than being unlinked. That
  // includes an FAQ entry staff saved from one (/reply <id> faq): its question is the person's own words.
  const items = await db.inboxItem.findMany({ where: { contactId }, select: { id: true } });
  const faqIds = items.map((item) => inboxFaqId(item.id));
  if (faqIds.length > 0) await db.faqEntry.deleteMany({ where: { id: { in: faqIds } } });
  // The same for a variant kept from one of their picks; it cascades away with the pick below.
  const variants = await db.faqVariant.findMany({ where: { choice: { contactId } }, select: { faqId: true, language: true, text: true } });
  // One-off messages carry their text (a staff reply repeats what the person asked about). That
  // includes messages recorded as unsent to one of their chats before the chat had a contact.
  const theirs = [{ contactId }, ...contact.identities.map((i) => ({ contactId: null, channel: i.channel, externalId: i.externalId }))];
  await db.delivery.deleteMany({ where: { OR: theirs, NOT: { kind: "broadcast", broadcastId: { not: null } } } });
  // Broadcast rows hold no text. Those still waiting are settled as the dispatcher would settle
  // them ("no_contact"), so a paused or scheduled broadcast does not count them as remaining.
  const anonymous = { contactId: null, channel: null, externalId: null, platformMessageId: null, updatedAt: at };
  await db.delivery.updateMany({ where: { contactId, status: "queued" }, data: { ...anonymous, status: "skipped", reason: "no_contact" } });
  await db.delivery.updateMany({ where: { contactId }, data: anonymous });
  await db.consentRecord.create({
    data: {
      contactId: null,
      purpose: "all",
      granted: false,
      textKey: "myData.erase.confirm",
      textVersion,
      language: contact.language,
      channel,
      source: "data_deletion",
      recordedAt: at,
    },
  });
  // Identities, tags, volunteer profile, task assignments, inbox items, "Maksud Anda…?" picks (and
  // the variants kept from them) and conversation state cascade; consent history is unlinked.
  await db.contact.delete({ where: { id: contactId } });
  return { faqIds, variants };
}
