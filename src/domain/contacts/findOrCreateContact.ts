import type { Db } from "../../db/client.js";
import { dialectOf } from "../../db/dialect.js";
import { readContactForTurn, toLoadedContact, turnContactColumns, turnContactJoins, type LoadedContact, type TurnContactRow } from "./readContactForTurn.js";

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
): Promise<{ contact: LoadedContact; isNew: boolean }> {
  const known = await touchKnownContact(db, key, defaults.at);
  if (known) return { contact: known, isNew: false };
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

/**
 * Every turn of someone known starts here: their identity and contact marked active (writing again
 * means they are reachable again, e.g. unblocked the bot) and the contact read as a turn holds it,
 * in plain statements, since SQLite's one write transaction at a time waits for them: one on
 * PostgreSQL, three on SQLite (no UPDATE inside WITH there). Undefined for someone new.
 */
async function touchKnownContact(db: Db, key: ContactIdentityKey, at: Date): Promise<LoadedContact | undefined> {
  if (dialectOf(db) === "postgresql") {
    const [row] = await db.$queryRaw<TurnContactRow[]>`
      WITH i AS (
        UPDATE "ChannelIdentity" SET "unreachableAt" = NULL, "lastInboundAt" = ${at}
        WHERE "channel" = ${key.channel} AND "externalId" = ${key.externalId} RETURNING "contactId"
      ), c AS (
        UPDATE "Contact" SET "lastActiveAt" = ${at} FROM i WHERE "Contact"."id" = i."contactId" RETURNING "Contact".*
      )
      SELECT ${turnContactColumns} FROM c ${turnContactJoins}`;
    return row && toLoadedContact(row);
  }
  const [known] = await db.$queryRaw<{ contactId: string }[]>`
    UPDATE "ChannelIdentity" SET "unreachableAt" = NULL, "lastInboundAt" = ${at}
    WHERE "channel" = ${key.channel} AND "externalId" = ${key.externalId}
    RETURNING "contactId"`;
  if (!known) return undefined;
  await db.$executeRaw`UPDATE "Contact" SET "lastActiveAt" = ${at} WHERE "id" = ${known.contactId}`;
  return readContactForTurn(db, known.contactId);
}
