import type { Db } from "../../db/client.js";

export interface ContactIdentityKey {
  channel: string;
  externalId: string;
}

/** What a conversation turn needs of a contact, loaded in one query wherever a turn (re)loads it. */
export const contactForTurn = { volunteer: true, conversation: true } as const;

/** Finds the Contact behind a channel identity, creating both on first contact. */
export async function findOrCreateContact(
  db: Db,
  key: ContactIdentityKey,
  defaults: { language: string; at: Date; senderPhone?: string },
) {
  const identity = await db.channelIdentity.findUnique({
    where: { channel_externalId: { channel: key.channel, externalId: key.externalId } },
    select: { id: true, contactId: true },
  });
  const identityData = { channel: key.channel, externalId: key.externalId, createdAt: defaults.at, lastInboundAt: defaults.at };
  // A WhatsApp sender is their phone number: someone who already gave us that number
  // (say, by sharing it on Telegram) is the same person, not a new contact.
  const samePerson =
    !identity && defaults.senderPhone ? await db.contact.findUnique({ where: { phone: defaults.senderPhone }, select: { id: true } }) : null;
  const contactId = identity?.contactId ?? samePerson?.id;
  if (contactId) {
    const contact = await db.contact.update({
      where: { id: contactId },
      data: {
        lastActiveAt: defaults.at,
        identities: identity
          ? // Writing again means they are reachable again (e.g. unblocked the bot).
            { update: { where: { id: identity.id }, data: { unreachableAt: null, lastInboundAt: defaults.at } } }
          : { create: identityData },
      },
      include: contactForTurn,
    });
    return { contact, isNew: false };
  }
  const contact = await db.contact.create({
    data: {
      language: defaults.language,
      phone: defaults.senderPhone ?? null,
      createdAt: defaults.at,
      lastActiveAt: defaults.at,
      identities: { create: identityData },
    },
    include: contactForTurn,
  });
  return { contact, isNew: true };
}

export type LoadedContact = Awaited<ReturnType<typeof findOrCreateContact>>["contact"];
