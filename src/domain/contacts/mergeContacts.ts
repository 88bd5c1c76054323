import type { Db } from "../../db/client.js";
import { addContactTags, readContactTags } from "./contactTags.js";
import { saveNameWords } from "./saveNameWords.js";

/**
 * Two contacts turned out to be one person (the same verified phone on Telegram and
 * WhatsApp). Everything of `mergedId` moves to `keptId`: identities, consent history,
 * tags, questions, inbox items, "Maksud Anda…?" picks, task assignments, messages sent, the volunteer profile. The
 * person's consent state is what their latest answer across both says, and a STOP on either
 * side stays a STOP.
 */
export async function mergeContacts(db: Db, keptId: string, mergedId: string): Promise<void> {
  if (keptId === mergedId) return;
  const [kept, merged] = await Promise.all([
    db.contact.findUniqueOrThrow({ where: { id: keptId }, include: { volunteer: true } }),
    db.contact.findUniqueOrThrow({ where: { id: mergedId }, include: { volunteer: true } }),
  ]);

  await db.channelIdentity.updateMany({ where: { contactId: mergedId }, data: { contactId: keptId } });
  await db.consentRecord.updateMany({ where: { contactId: mergedId }, data: { contactId: keptId } });
  await db.inboxItem.updateMany({ where: { contactId: mergedId }, data: { contactId: keptId } });
  await db.questionChoice.updateMany({ where: { contactId: mergedId }, data: { contactId: keptId } });
  // Before the merged contact is deleted: its assignments would cascade away with it (and the
  // points counted from the done ones), its deliveries would point at nobody.
  const sharedTasks = await moveTaskAssignments(db, keptId, mergedId);
  await moveDeliveries(db, keptId, mergedId);
  await skipPointlessTaskMessages(db, keptId, sharedTasks);
  await addContactTags(db, keptId, await readContactTags(db, mergedId));

  // One volunteer profile per person: the older one stays, so earlier referrals keep counting.
  let volunteerFromMerged = false;
  if (merged.volunteer && (!kept.volunteer || merged.volunteer.createdAt < kept.volunteer.createdAt)) {
    if (kept.volunteer) {
      // Their canvass reports follow the profile that stays, so they keep their author and points.
      await db.canvassReport.updateMany({ where: { volunteerId: kept.volunteer.id }, data: { volunteerId: merged.volunteer.id } });
      await db.volunteer.delete({ where: { id: kept.volunteer.id } });
      await db.contact.updateMany({ where: { referredByCode: kept.volunteer.referralCode }, data: { referredByCode: merged.volunteer.referralCode } });
    }
    volunteerFromMerged = true;
  } else if (merged.volunteer && kept.volunteer) {
    await db.canvassReport.updateMany({ where: { volunteerId: merged.volunteer.id }, data: { volunteerId: kept.volunteer.id } });
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
  await saveNameWords(db, keptId, kept.name ?? merged.name);
}

// One person does a task once: where both contacts had the same task, the furthest along stays.
const assignmentRank: Record<string, number> = { offered: 0, declined: 1, accepted: 2, done: 3 };

/** Returns the tasks both contacts had, with the status that stays. */
async function moveTaskAssignments(db: Db, keptId: string, mergedId: string): Promise<{ taskId: number; status: string }[]> {
  const select = { id: true, taskId: true, status: true, proof: true, remindedAt: true } as const;
  const merged = await db.taskAssignment.findMany({ where: { contactId: mergedId }, select });
  if (merged.length === 0) return [];
  const kept = await db.taskAssignment.findMany({ where: { contactId: keptId, taskId: { in: merged.map((a) => a.taskId) } }, select });
  const keptByTask = new Map(kept.map((a) => [a.taskId, a]));
  const dropped: string[] = [];
  const reminded: { id: string; at: Date }[] = [];
  const shared: { taskId: number; status: string }[] = [];
  for (const fromMerged of merged) {
    const fromKept = keptByTask.get(fromMerged.taskId);
    if (!fromKept) continue;
    const rank = (a: typeof fromKept) => (assignmentRank[a.status] ?? -1) * 2 + (a.proof === null ? 0 : 1);
    const [stays, goes] = rank(fromMerged) > rank(fromKept) ? [fromMerged, fromKept] : [fromKept, fromMerged];
    dropped.push(goes.id);
    shared.push({ taskId: stays.taskId, status: stays.status });
    // A reminder already sent to either side is not sent again.
    if (stays.remindedAt === null && goes.remindedAt !== null) reminded.push({ id: stays.id, at: goes.remindedAt });
  }
  // The losing rows go first: (taskId, contactId) is unique.
  if (dropped.length > 0) await db.taskAssignment.deleteMany({ where: { id: { in: dropped } } });
  for (const { id, at } of reminded) await db.taskAssignment.update({ where: { id }, data: { remindedAt: at } });
  await db.taskAssignment.updateMany({ where: { contactId: mergedId }, data: { contactId: keptId } });
  return shared;
}

/**
 * Where both contacts had a task, the messages that stayed may come from the side that had not
 * answered: an offer to someone who already answered, a reminder to someone who is done or pulled
 * out. Closed as the task flows close them (skipQueuedTaskMessages); one being sent is past stopping.
 */
async function skipPointlessTaskMessages(db: Db, keptId: string, sharedTasks: { taskId: number; status: string }[]): Promise<void> {
  const where = (statuses: string[]) => sharedTasks.filter((t) => statuses.includes(t.status)).map((t) => t.taskId);
  const skip = async (kind: string, taskIds: number[], reason: string) => {
    if (taskIds.length === 0) return;
    await db.delivery.updateMany({ where: { contactId: keptId, kind, taskId: { in: taskIds }, status: "queued" }, data: { status: "skipped", reason } });
  };
  await skip("task_offer", where(["accepted", "declined", "done"]), "answered");
  await skip("task_reminder", where(["done"]), "task_done");
  await skip("task_reminder", where(["declined"]), "declined");
}

// One message per person: where both contacts had the same broadcast or task message, the one
// that got furthest stays (sent first; a settled row over one still queued, which would send a
// second copy or undo a deliberate skip such as "answered").
const deliveryRank: Record<string, number> = { queued: 0, claimed: 1, sending: 2, skipped: 3, failed: 4, uncertain: 5, sent: 6 };

async function moveDeliveries(db: Db, keptId: string, mergedId: string): Promise<void> {
  const select = { id: true, kind: true, broadcastId: true, taskId: true, status: true } as const;
  const merged = await db.delivery.findMany({
    where: { contactId: mergedId, OR: [{ broadcastId: { not: null } }, { taskId: { not: null } }] },
    select,
  });
  const broadcastIds = [...new Set(merged.flatMap((d) => (d.broadcastId === null ? [] : [d.broadcastId])))];
  const taskIds = [...new Set(merged.flatMap((d) => (d.taskId === null ? [] : [d.taskId])))];
  const kept =
    merged.length === 0
      ? []
      : await db.delivery.findMany({ where: { contactId: keptId, OR: [{ broadcastId: { in: broadcastIds } }, { taskId: { in: taskIds } }] }, select });
  const byBroadcast = new Map(kept.flatMap((d) => (d.broadcastId === null ? [] : [[d.broadcastId, d] as const])));
  const byTask = new Map(kept.flatMap((d) => (d.taskId === null ? [] : [[`${d.taskId}:${d.kind}`, d] as const])));
  const rank = (d: { status: string }) => deliveryRank[d.status] ?? -1;
  const dropped = new Set<string>();
  for (const fromMerged of merged) {
    const rivals = [
      fromMerged.broadcastId === null ? undefined : byBroadcast.get(fromMerged.broadcastId),
      fromMerged.taskId === null ? undefined : byTask.get(`${fromMerged.taskId}:${fromMerged.kind}`),
    ].filter((d): d is (typeof kept)[number] => d !== undefined && !dropped.has(d.id));
    if (rivals.length === 0) continue;
    // On a tie the kept contact's row stays.
    if (rivals.every((rival) => rank(fromMerged) > rank(rival))) for (const rival of rivals) dropped.add(rival.id);
    else dropped.add(fromMerged.id);
  }
  // The losing rows go first: (broadcastId, contactId) and (taskId, contactId, kind) are unique.
  if (dropped.size > 0) await db.delivery.deleteMany({ where: { id: { in: [...dropped] } } });
  // Everything else moves, one-off replies and unsent messages included.
  await db.delivery.updateMany({ where: { contactId: mergedId }, data: { contactId: keptId } });
}

// A staff member who turns out to be one person keeps the stronger of the two roles.
const roleRank: Record<string, number> = { volunteer: 1, coordinator: 2, admin: 3 };
function higherRole(a: string | null, b: string | null): string | null {
  return (roleRank[b ?? ""] ?? 0) > (roleRank[a ?? ""] ?? 0) ? b : a;
}
