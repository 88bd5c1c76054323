import type { Db } from "../../db/client.js";

/**
 * Who brought this person in: the volunteer whose referral code they arrived with. The first code
 * counts and one's own never does. Returns the code recorded, or undefined when none was.
 */
export async function recordReferral(db: Db, contactId: string, code: string): Promise<string | undefined> {
  const referrer = await db.volunteer.findUnique({ where: { referralCode: code.trim().toUpperCase() }, select: { contactId: true, referralCode: true } });
  if (!referrer || referrer.contactId === contactId) return undefined;
  const updated = await db.contact.updateMany({ where: { id: contactId, referredByCode: null }, data: { referredByCode: referrer.referralCode } });
  return updated.count === 1 ? referrer.referralCode : undefined;
}
