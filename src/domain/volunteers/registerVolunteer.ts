import type { Db } from "../../db/client.js";
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
  const existing = await db.volunteer.findUnique({ where: { contactId }, select: { id: true } });
  if (existing) await db.volunteer.update({ where: { id: existing.id }, data: answers });
  else await db.volunteer.create({ data: { contactId, referralCode: await unusedReferralCode(db), createdAt: signUp.at, ...answers } });
  await db.contact.update({
    where: { id: contactId },
    data: { name: signUp.name, phone: signUp.phone, regionCode: signUp.regionCode, role: signUp.role ?? "volunteer" },
  });
  await saveNameWords(db, contactId, signUp.name);
  return readContactForTurn(db, contactId);
}

async function unusedReferralCode(db: Db): Promise<string> {
  for (;;) {
    const code = createReferralCode();
    if (!(await db.volunteer.findUnique({ where: { referralCode: code }, select: { id: true } }))) return code;
  }
}
