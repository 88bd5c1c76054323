import type { Db } from "../../db/client.js";

/** People who arrived with this referral code, and how many of them finished volunteer sign-up. */
export async function countRecruits(db: Db, referralCode: string): Promise<{ joined: number; volunteers: number }> {
  const joined = await db.contact.count({ where: { referredByCode: referralCode } });
  const volunteers = await db.contact.count({ where: { referredByCode: referralCode, volunteer: { isNot: null } } });
  return { joined, volunteers };
}
