import { Prisma, type Db } from "../../db/client.js";
import { createCuid } from "../../db/createCuid.js";
import { queryDirectOrPrisma } from "../../db/queryDirect.js";
import type { LoadedContact } from "../contacts/readContactForTurn.js";
import { writeContactForTurn } from "../contacts/writeContactForTurn.js";
import { createReferralCode } from "./createReferralCode.js";

export interface VolunteerSignUp {
  contactId: string;
  name: string;
  /** E.164, already claimed for this contact (claimPhone). */
  phone: string;
  /** The most precise region given: village, else district, else regency. */
  regionCode: string;
  interests: readonly string[];
  availability: string;
  /** The contact's role now; staff keep theirs, anyone else becomes a volunteer. */
  role: string | null;
  at: Date;
}

/**
 * The end of the volunteer sign-up: the profile (a new referral code, or the one a merged-in
 * contact already had) and the person's details. Returns the contact as a turn holds it.
 */
export async function registerVolunteer(db: Db, signUp: VolunteerSignUp): Promise<LoadedContact> {
  const { contactId } = signUp;
  const answers = { interests: JSON.stringify(signUp.interests), availability: signUp.availability };
  // Raw SQL (the new profile's id made here, in Prisma's cuid shape): the end of a sign-up is a
  // conversation turn, inside its transaction, and model queries cost several times the statements
  // (docs/benchmarks.md); on SQLite below Prisma altogether (queryDirect, runTransaction).
  for (;;) {
    // A new profile in one statement: a code some profile already has, or a profile this contact
    // already has, inserts nothing (DO NOTHING without a target covers both unique keys).
    const created = await queryDirectOrPrisma(
      db,
      Prisma.sql`
        INSERT INTO "Volunteer" ("id", "contactId", "referralCode", "interests", "availability", "createdAt")
        VALUES (${createCuid()}, ${contactId}, ${createReferralCode()}, ${answers.interests}, ${answers.availability}, ${signUp.at})
        ON CONFLICT DO NOTHING RETURNING "id"`,
    );
    if (created.length > 0) break;
    const updated = await queryDirectOrPrisma(
      db,
      Prisma.sql`UPDATE "Volunteer" SET "interests" = ${answers.interests}, "availability" = ${answers.availability} WHERE "contactId" = ${contactId} RETURNING "id"`,
    );
    if (updated.length > 0) break;
    // Neither: the code drawn was taken. Draw another.
  }
  const changes = [
    Prisma.sql`"name" = ${signUp.name}`,
    Prisma.sql`"phone" = ${signUp.phone}`,
    Prisma.sql`"regionCode" = ${signUp.regionCode}`,
    Prisma.sql`"role" = ${signUp.role ?? "volunteer"}`,
  ];
  return writeContactForTurn(db, contactId, changes, signUp.name);
}
