import type { Db } from "../../db/client.js";

export interface ContactIdentityKey {
  channel: string;
  externalId: string;
}

/** Finds the Contact behind a channel identity, creating both on first contact. */
export async function findOrCreateContact(
  db: Db,
  key: ContactIdentityKey,
  defaults: { language: string; at: Date; senderPhone?: string },
) {
  const identity = await db.channelIdentity.findUnique({
    where: { channel_externalId: { channel: key.channel, externalId: key.externalId } },
    include: { contact: { include: { volunteer: true, conversation: true } } },
  });
  if (identity) {
    // Writing again means they are reachable again (e.g. unblocked the bot).
    await db.channelIdentity.update({ where: { id: identity.id }, data: { unreachableAt: null, lastInboundAt: defaults.at } });
    const contact = await db.contact.update({
      where: { id: identity.contactId },
      data: { lastActiveAt: defaults.at },
      include: { volunteer: true, conversation: true },
    });
    return { contact, isNew: false };
  }
  const identityData = { channel: key.channel, externalId: key.externalId, createdAt: defaults.at, lastInboundAt: defaults.at };
  // A WhatsApp sender is their phone number: someone who already gave us that number
  // (say, by sharing it on Telegram) is the same person, not a new contact.
  const samePerson = defaults.senderPhone ? await db.contact.findUnique({ where: { phone: defaults.senderPhone }, select: { id: true } }) : null;
  if (samePerson) {
    await db.channelIdentity.create({ data: { ...identityData, contactId: samePerson.id } });
    const contact = await db.contact.update({
      where: { id: samePerson.id },
      data: { lastActiveAt: defaults.at },
      include: { volunteer: true, conversation: true },
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
    include: { volunteer: true, conversation: true },
  });
  return { contact, isNew: true };
}

export type LoadedContact = Awaited<ReturnType<typeof findOrCreateContact>>["contact"];
