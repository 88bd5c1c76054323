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
  // Every turn of someone known starts here: two plain statements and one read, not a nested
  // Prisma update (about three times the CPU, nearly all of it planning the query), since
  // SQLite's one write transaction at a time waits for it. Writing again means they are
  // reachable again (e.g. unblocked the bot).
  const [known] = await db.$queryRaw<{ contactId: string }[]>`
    UPDATE "ChannelIdentity" SET "unreachableAt" = NULL, "lastInboundAt" = ${defaults.at}
    WHERE "channel" = ${key.channel} AND "externalId" = ${key.externalId}
    RETURNING "contactId"`;
  if (known) {
    await db.$executeRaw`UPDATE "Contact" SET "lastActiveAt" = ${defaults.at} WHERE "id" = ${known.contactId}`;
    const contact = await db.contact.findUniqueOrThrow({ where: { id: known.contactId }, include: contactForTurn });
    return { contact, isNew: false };
  }
  const identityData = { channel: key.channel, externalId: key.externalId, createdAt: defaults.at, lastInboundAt: defaults.at };
  // A WhatsApp sender is their phone number: someone who already gave us that number
  // (say, by sharing it on Telegram) is the same person, not a new contact.
  const samePerson = defaults.senderPhone ? await db.contact.findUnique({ where: { phone: defaults.senderPhone }, select: { id: true } }) : null;
  if (samePerson) {
    const contact = await db.contact.update({
      where: { id: samePerson.id },
      data: { lastActiveAt: defaults.at, identities: { create: identityData } },
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
