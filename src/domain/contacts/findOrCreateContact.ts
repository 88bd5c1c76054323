import type { Db } from "../../db/client.js";

export interface ContactIdentityKey {
  channel: string;
  externalId: string;
}

/** Finds the Contact behind a channel identity, creating both on first contact. */
export async function findOrCreateContact(db: Db, key: ContactIdentityKey, defaults: { language: string; at: Date }) {
  const identity = await db.channelIdentity.findUnique({
    where: { channel_externalId: { channel: key.channel, externalId: key.externalId } },
    include: { contact: { include: { volunteer: true, conversation: true } } },
  });
  if (identity) {
    // Writing again means they are reachable again (e.g. unblocked the bot).
    if (identity.unreachableAt) await db.channelIdentity.update({ where: { id: identity.id }, data: { unreachableAt: null } });
    const contact = await db.contact.update({
      where: { id: identity.contactId },
      data: { lastActiveAt: defaults.at },
      include: { volunteer: true, conversation: true },
    });
    return { contact, isNew: false };
  }
  const contact = await db.contact.create({
    data: {
      language: defaults.language,
      createdAt: defaults.at,
      lastActiveAt: defaults.at,
      identities: { create: { channel: key.channel, externalId: key.externalId, createdAt: defaults.at } },
    },
    include: { volunteer: true, conversation: true },
  });
  return { contact, isNew: true };
}

export type LoadedContact = Awaited<ReturnType<typeof findOrCreateContact>>["contact"];
