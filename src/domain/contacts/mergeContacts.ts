import type { Db } from "../../db/client.js";

/**
 * Two contacts turned out to be one person (the same verified phone on Telegram and
 * WhatsApp). Everything of `mergedId` moves to `keptId`: identities, consent history,
 * tags, questions, the volunteer profile. The person's consent state is what their
 * latest answer across both says, and a STOP on either side stays a STOP.
 */
export async function mergeContacts(db: Db, keptId: string, mergedId: string): Promise<void> {
  if (keptId === mergedId) return;
  const [kept, merged] = await Promise.all([
    db.contact.findUniqueOrThrow({ where: { id: keptId }, include: { volunteer: true, tags: true } }),
    db.contact.findUniqueOrThrow({ where: { id: mergedId }, include: { volunteer: true, tags: true } }),
  ]);

  await db.channelIdentity.updateMany({ where: { contactId: mergedId }, data: { contactId: keptId } });
  await db.consentRecord.updateMany({ where: { contactId: mergedId }, data: { contactId: keptId } });
  await db.unansweredQuestion.updateMany({ where: { contactId: mergedId }, data: { contactId: keptId } });
  const keptTags = new Set(kept.tags.map((t) => t.tag));
  const newTags = merged.tags.map((t) => t.tag).filter((tag) => !keptTags.has(tag));
  if (newTags.length > 0) await db.contactTag.createMany({ data: newTags.map((tag) => ({ contactId: keptId, tag })) });

  // One volunteer profile per person: the older one stays, so earlier referrals keep counting.
  let volunteerFromMerged = false;
  if (merged.volunteer && (!kept.volunteer || merged.volunteer.createdAt < kept.volunteer.createdAt)) {
    if (kept.volunteer) {
      await db.volunteer.delete({ where: { id: kept.volunteer.id } });
      await db.contact.updateMany({ where: { referredByCode: kept.volunteer.referralCode }, data: { referredByCode: merged.volunteer.referralCode } });
    }
    volunteerFromMerged = true;
  } else if (merged.volunteer && kept.volunteer) {
    await db.contact.updateMany({ where: { referredByCode: merged.volunteer.referralCode }, data: { referredByCode: kept.volunteer.referralCode } });
  }

  const latestUpdates = await db.consentRecord.findFirst({ where: { contactId: keptId, purpose: "updates" }, orderBy: { recordedAt: "desc" } });
  const optedOut = (kept.optedOut || merged.optedOut) && latestUpdates?.granted !== true;

  // The merged contact goes first: phone is unique and may be the very value that matched.
  await db.contact.update({ where: { id: mergedId }, data: { phone: null } });
  if (volunteerFromMerged && merged.volunteer) {
    await db.volunteer.update({ where: { id: merged.volunteer.id }, data: { contactId: keptId } });
  }
  await db.contact.update({
    where: { id: keptId },
    data: {
      name: kept.name ?? merged.name,
      phone: kept.phone ?? merged.phone,
      regionCode: kept.regionCode ?? merged.regionCode,
      referredByCode: kept.referredByCode ?? merged.referredByCode,
      role: higherRole(kept.role, merged.role),
      updatesConsent: latestUpdates ? latestUpdates.granted && !optedOut : (kept.updatesConsent ?? merged.updatesConsent),
      optedOut,
      createdAt: kept.createdAt < merged.createdAt ? kept.createdAt : merged.createdAt,
      lastActiveAt: kept.lastActiveAt > merged.lastActiveAt ? kept.lastActiveAt : merged.lastActiveAt,
    },
  });
  await db.contact.delete({ where: { id: mergedId } });
}

// A staff member who turns out to be one person keeps the stronger of the two roles.
const roleRank: Record<string, number> = { volunteer: 1, coordinator: 2, admin: 3 };
function higherRole(a: string | null, b: string | null): string | null {
  return (roleRank[b ?? ""] ?? 0) > (roleRank[a ?? ""] ?? 0) ? b : a;
}
