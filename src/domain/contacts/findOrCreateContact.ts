import { Prisma, type Db } from "../../db/client.js";
import { createCuid } from "../../db/createCuid.js";
import { dialectOf } from "../../db/dialect.js";
import { executeDirectOrPrisma, queryDirect, queryDirectOrPrisma } from "../../db/queryDirect.js";
import { findContactIdByPhone } from "./findContactIdByPhone.js";
import { readContactForTurn, toLoadedContact, turnContactColumns, turnContactJoins, type LoadedContact, type TurnContactRow } from "./readContactForTurn.js";

export interface ContactIdentityKey {
  channel: string;
  externalId: string;
}

/** Finds the Contact behind a channel identity, creating both on first contact. */
export async function findOrCreateContact(
  db: Db,
  key: ContactIdentityKey,
  defaults: { language: string; at: Date; senderPhone?: string },
): Promise<{ contact: LoadedContact; isNew: boolean }> {
  const known = await touchKnownContact(db, key, defaults.at);
  if (known) return { contact: known, isNew: false };
  // A WhatsApp sender is their phone number: someone who already gave us that number
  // (say, by sharing it on Telegram) is the same person, not a new contact.
  const samePerson = defaults.senderPhone ? await findContactIdByPhone(db, defaults.senderPhone) : undefined;
  // Raw SQL with the ids made here (Prisma's cuid shape): a first contact is a conversation turn,
  // inside its transaction, and the model create with its nested identity and include cost several
  // times the statements (docs/benchmarks.md).
  const contactId = samePerson ?? createCuid();
  const contact = Prisma.sql`
    INSERT INTO "Contact" ("id", "language", "phone", "createdAt", "lastActiveAt")
    VALUES (${contactId}, ${defaults.language}, ${defaults.senderPhone ?? null}, ${defaults.at}, ${defaults.at})`;
  const identity = Prisma.sql`
    INSERT INTO "ChannelIdentity" ("id", "contactId", "channel", "externalId", "createdAt", "lastInboundAt")
    VALUES (${createCuid()}, ${contactId}, ${key.channel}, ${key.externalId}, ${defaults.at}, ${defaults.at})`;
  if (!samePerson && dialectOf(db) === "postgresql") {
    // Someone new in one statement: the contact, its identity (whose foreign key is checked at the
    // statement's end, when the contact is there) and the contact read back as a turn holds it.
    const [row] = await queryDirectOrPrisma<TurnContactRow>(db, Prisma.sql`WITH c AS (${contact} RETURNING *), i AS (${identity}) SELECT ${turnContactColumns} FROM c ${turnContactJoins}`);
    return { contact: toLoadedContact(row!), isNew: true };
  }
  await executeDirectOrPrisma(db, samePerson ? Prisma.sql`UPDATE "Contact" SET "lastActiveAt" = ${defaults.at} WHERE "id" = ${contactId}` : contact);
  await executeDirectOrPrisma(db, identity);
  return { contact: await readContactForTurn(db, contactId), isNew: !samePerson };
}

/**
 * Every turn of someone known starts here: their identity and contact marked active (writing again
 * means they are reachable again, e.g. unblocked the bot) and the contact read as a turn holds it,
 * in plain statements, since SQLite's one write transaction at a time waits for them: one on
 * PostgreSQL, three on SQLite (no UPDATE inside WITH there). Undefined for someone new.
 */
async function touchKnownContact(db: Db, key: ContactIdentityKey, at: Date): Promise<LoadedContact | undefined> {
  if (dialectOf(db) === "postgresql") {
    const [row] = await queryDirectOrPrisma<TurnContactRow>(
      db,
      Prisma.sql`
      WITH i AS (
        UPDATE "ChannelIdentity" SET "unreachableAt" = NULL, "lastInboundAt" = ${at}
        WHERE "channel" = ${key.channel} AND "externalId" = ${key.externalId} RETURNING "contactId"
      ), c AS (
        UPDATE "Contact" SET "lastActiveAt" = ${at} FROM i WHERE "Contact"."id" = i."contactId" RETURNING "Contact".*
      )
      SELECT ${turnContactColumns} FROM c ${turnContactJoins}`,
    );
    return row && toLoadedContact(row);
  }
  const [known] = await queryDirect<{ contactId: string }>(
    db,
    Prisma.sql`
      UPDATE "ChannelIdentity" SET "unreachableAt" = NULL, "lastInboundAt" = ${at}
      WHERE "channel" = ${key.channel} AND "externalId" = ${key.externalId}
      RETURNING "contactId"`,
  );
  if (!known) return undefined;
  await queryDirect(db, Prisma.sql`UPDATE "Contact" SET "lastActiveAt" = ${at} WHERE "id" = ${known.contactId}`);
  return readContactForTurn(db, known.contactId);
}
