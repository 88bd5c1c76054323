import { Prisma, type Db } from "../../db/client.js";
import { executeDirectOrPrisma } from "../../db/queryDirect.js";
import { quoteIdentifier } from "../../db/quoteIdentifier.js";
import type { Availability } from "../volunteers/availabilities.js";
import type { LoadedContact } from "./readContactForTurn.js";
import { writeContactForTurn } from "./writeContactForTurn.js";

/** What a person may correct about themselves (/ubahdata); a field left out stays as it is. */
export interface ContactDetails {
  name?: string;
  /** E.164, already checked against other contacts (claimPhone). */
  phone?: string;
  regionCode?: string;
  language?: string;
  /** A volunteer's interests; ignored for someone who is not one. */
  interests?: readonly string[];
  /** A volunteer's availability; ignored for someone who is not one. */
  availability?: Availability;
}

/** Saves the person's corrected details and returns the contact as a turn holds it. */
export async function updateContactDetails(db: Db, contactId: string, details: ContactDetails): Promise<LoadedContact> {
  const { interests, availability, ...fields } = details;
  // Raw SQL, as the rest of a conversation turn's statements (docs/benchmarks.md), on SQLite below
  // Prisma altogether (queryDirect, runTransaction). The profile first: on PostgreSQL the contact's
  // write reads it back in the same statement.
  if (interests || availability) {
    const profile = [...(interests ? [Prisma.sql`"interests" = ${JSON.stringify(interests)}`] : []), ...(availability ? [Prisma.sql`"availability" = ${availability}`] : [])];
    await executeDirectOrPrisma(db, Prisma.sql`UPDATE "Volunteer" SET ${Prisma.join(profile)} WHERE "contactId" = ${contactId}`);
  }
  // The contact's columns are these four.
  const columns = (["name", "phone", "regionCode", "language"] as const).filter((column) => fields[column] !== undefined);
  const changes = columns.map((column) => Prisma.sql`${Prisma.raw(quoteIdentifier(column))} = ${fields[column]}`);
  return writeContactForTurn(db, contactId, changes, fields.name);
}
