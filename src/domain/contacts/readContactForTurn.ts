import { Prisma, type Db } from "../../db/client.js";
import { queryDirectOrPrisma } from "../../db/queryDirect.js";
import { readDatabaseBoolean } from "../../db/readDatabaseBoolean.js";
import { readDatabaseTime } from "../../db/readDatabaseTime.js";

/** What a conversation turn needs of a contact: the contact, its volunteer profile and its conversation state. */
export type LoadedContact = Prisma.ContactGetPayload<{ include: { volunteer: true; conversation: true } }>;

/** The contact as a turn holds it (volunteer profile and conversation state included), read again after a change. */
export async function readContactForTurn(db: Db, contactId: string): Promise<LoadedContact> {
  const [row] = await queryDirectOrPrisma<TurnContactRow>(db, Prisma.sql`SELECT ${turnContactColumns} FROM "Contact" c ${turnContactJoins} WHERE c."id" = ${contactId}`);
  if (!row) throw new Error(`No contact ${contactId}`);
  return toLoadedContact(row);
}

// Raw SQL, not a Prisma `include`: every turn reads this, and the model query costs about five
// times the CPU of the statement (its plan is compiled anew each time), while SQLite's one write
// transaction waits for it. On PostgreSQL the `include` also ran its two relation reads at once on
// the transaction's one connection (pg's "client.query() when the client is already executing a
// query" deprecation).
/** The columns of a turn's contact, over `c` joined with turnContactJoins; see toLoadedContact. */
export const turnContactColumns = Prisma.sql`
  c."id", c."name", c."phone", c."language", c."regionCode", c."optedOut", c."updatesConsent", c."referredByCode", c."role", c."createdAt", c."lastActiveAt",
  v."id" AS "volunteerId", v."referralCode" AS "volunteerReferralCode", v."interests" AS "volunteerInterests",
  v."availability" AS "volunteerAvailability", v."createdAt" AS "volunteerCreatedAt",
  s."contactId" AS "stateContactId", s."flow" AS "stateFlow", s."step" AS "stateStep", s."data" AS "stateData", s."updatedAt" AS "stateUpdatedAt"`;

export const turnContactJoins = Prisma.sql`LEFT JOIN "Volunteer" v ON v."contactId" = c."id" LEFT JOIN "ConversationState" s ON s."contactId" = c."id"`;

type Contact = Omit<LoadedContact, "volunteer" | "conversation">;

export type TurnContactRow = Contact & {
  volunteerId: string | null;
  volunteerReferralCode: string | null;
  volunteerInterests: string | null;
  volunteerAvailability: string | null;
  volunteerCreatedAt: Date | null;
  stateContactId: string | null;
  stateFlow: string | null;
  stateStep: string | null;
  stateData: string | null;
  stateUpdatedAt: Date | null;
};

/** Times and booleans as Prisma reads them, or as better-sqlite3 does (text, 0/1) through queryDirect. */
export function toLoadedContact(row: TurnContactRow): LoadedContact {
  const { volunteerId, volunteerReferralCode, volunteerInterests, volunteerAvailability, volunteerCreatedAt, stateContactId, stateFlow, stateStep, stateData, stateUpdatedAt, ...contact } = row;
  return {
    ...contact,
    optedOut: readDatabaseBoolean(contact.optedOut)!,
    updatesConsent: readDatabaseBoolean(contact.updatesConsent),
    createdAt: readDatabaseTime(contact.createdAt)!,
    lastActiveAt: readDatabaseTime(contact.lastActiveAt)!,
    volunteer:
      volunteerId === null
        ? null
        : {
            id: volunteerId,
            contactId: contact.id,
            referralCode: volunteerReferralCode!,
            interests: volunteerInterests!,
            availability: volunteerAvailability!,
            createdAt: readDatabaseTime(volunteerCreatedAt)!,
          },
    conversation: stateContactId === null ? null : { contactId: stateContactId, flow: stateFlow!, step: stateStep!, data: stateData!, updatedAt: readDatabaseTime(stateUpdatedAt)! },
  };
}
