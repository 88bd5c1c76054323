import { Prisma, type Db } from "../../db/client.js";
import { createCuid } from "../../db/createCuid.js";
import { executeDirectOrPrisma, queryDirectOrPrisma } from "../../db/queryDirect.js";
import type { LoadedContact } from "../contacts/readContactForTurn.js";
import { readContactForTurn } from "../contacts/readContactForTurn.js";
import { saveNameWords } from "../contacts/saveNameWords.js";
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
  const updated = await queryDirectOrPrisma(
    db,
    Prisma.sql`UPDATE "Volunteer" SET "interests" = ${answers.interests}, "availability" = ${answers.availability} WHERE "contactId" = ${contactId} RETURNING "id"`,
  );
  if (updated.length === 0) {
    await executeDirectOrPrisma(
      db,
      Prisma.sql`
        INSERT INTO "Volunteer" ("id", "contactId", "referralCode", "interests", "availability", "createdAt")
        VALUES (${createCuid()}, ${contactId}, ${await unusedReferralCode(db)}, ${answers.interests}, ${answers.availability}, ${signUp.at})`,
    );
  }
  await executeDirectOrPrisma(
    db,
    Prisma.sql`
      UPDATE "Contact" SET "name" = ${signUp.name}, "phone" = ${signUp.phone}, "regionCode" = ${signUp.regionCode}, "role" = ${signUp.role ?? "volunteer"}
      WHERE "id" = ${contactId}`,
  );
  await saveNameWords(db, contactId, signUp.name);
  return readContactForTurn(db, contactId);
}

async function unusedReferralCode(db: Db): Promise<string> {
  for (;;) {
    const code = createReferralCode();
    const [taken] = await queryDirectOrPrisma(db, Prisma.sql`SELECT 1 FROM "Volunteer" WHERE "referralCode" = ${code}`);
    if (!taken) return code;
  }
}
