import type { Db } from "../../db/client.js";

/**
 * Deletes a person's personal data and conversation state (UU PDP right to
 * erasure). What stays is an anonymised record that consent was withdrawn and
 * when; earlier consent records lose their link to the person.
 */
export async function eraseContact(db: Db, contactId: string, at: Date, channel: string, textVersion: string): Promise<void> {
  const contact = await db.contact.findUnique({ where: { id: contactId }, select: { language: true } });
  if (!contact) return;
  // Questions can hold anything the person typed, so they go rather than being unlinked.
  await db.unansweredQuestion.deleteMany({ where: { contactId } });
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
  // Identities, tags, volunteer profile and conversation state cascade; consent history is unlinked.
  await db.contact.delete({ where: { id: contactId } });
}
