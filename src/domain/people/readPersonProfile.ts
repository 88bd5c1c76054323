import type { Db } from "../../db/client.js";
import { readContactTags } from "../contacts/contactTags.js";
import { derivedTagPrefixes } from "../contacts/syncContactTags.js";
import { maskPhone } from "../staff/maskPhone.js";
import { cleanTextForStaff } from "../text/cleanTextForStaff.js";
import { personRole } from "./listPeople.js";
import { phoneForViewer } from "./phoneForViewer.js";

/** How many of a person's tasks, referrals and canvass reports the profile lists (newest first). */
const shownMax = 20;

/**
 * One person as staff see them on the dashboard: channels (phone numbers masked unless the viewer
 * may see them whole, phoneForViewer), consents with their dates, tags, volunteer profile, tasks,
 * referrals and canvass reports authored. `undefined` when there is no such person.
 */
export async function readPersonProfile(db: Db, contactId: string, viewerRole: string | null) {
  const contact = await db.contact.findUnique({
    where: { id: contactId },
    include: {
      identities: { orderBy: { createdAt: "asc" }, select: { channel: true, externalId: true, unreachableAt: true } },
      consents: { orderBy: [{ recordedAt: "desc" }, { id: "desc" }], select: { purpose: true, granted: true, source: true, channel: true, recordedAt: true } },
      volunteer: true,
      assignments: { orderBy: [{ offeredAt: "desc" }, { taskId: "desc" }], take: shownMax, include: { task: { select: { id: true, title: true } } } },
    },
  });
  if (!contact) return undefined;
  const whole = phoneForViewer(viewerRole, contact.phone) === contact.phone;
  const code = contact.volunteer?.referralCode;
  const [tags, referrals, referralCount, canvassReports] = await Promise.all([
    readContactTags(db, contact.id),
    code ? db.contact.findMany({ where: { referredByCode: code }, orderBy: { id: "desc" }, take: shownMax, select: { id: true, name: true, createdAt: true } }) : [],
    code ? db.contact.count({ where: { referredByCode: code } }) : 0,
    contact.volunteer
      ? db.canvassReport.findMany({ where: { volunteerId: contact.volunteer.id }, orderBy: [{ createdAt: "desc" }, { id: "desc" }], take: shownMax })
      : [],
  ]);
  return {
    id: contact.id,
    name: contact.name === null ? null : cleanTextForStaff(contact.name),
    phone: phoneForViewer(viewerRole, contact.phone),
    regionCode: contact.regionCode,
    language: contact.language,
    role: personRole(contact.role, contact.volunteer !== null),
    optedOut: contact.optedOut,
    updatesConsent: contact.updatesConsent,
    createdAt: contact.createdAt,
    lastActiveAt: contact.lastActiveAt,
    referredByCode: contact.referredByCode,
    // A WhatsApp id is the phone number: it is shown as the number is.
    channels: contact.identities.map((i) => ({
      channel: i.channel,
      account: i.channel === "whatsapp" && !whole ? (maskPhone(i.externalId) ?? "") : cleanTextForStaff(i.externalId),
      unreachable: i.unreachableAt !== null,
    })),
    consents: contact.consents,
    // Tags Relawan derives from the person's answers are shown but are not staff's to change.
    tags: tags.map((tag) => ({ name: tag, editable: !derivedTagPrefixes.some((prefix) => tag.startsWith(prefix)) })),
    volunteer: contact.volunteer
      ? { referralCode: contact.volunteer.referralCode, interests: parseList(contact.volunteer.interests), availability: contact.volunteer.availability, since: contact.volunteer.createdAt }
      : null,
    tasks: contact.assignments.map((a) => ({ taskId: a.task.id, title: cleanTextForStaff(a.task.title), status: a.status, offeredAt: a.offeredAt, doneAt: a.doneAt })),
    referrals: { count: referralCount, people: referrals.map((r) => ({ id: r.id, name: r.name === null ? null : cleanTextForStaff(r.name), createdAt: r.createdAt })) },
    canvassReports: canvassReports.map((r) => ({
      id: r.id,
      regionCode: r.regionCode,
      households: r.households,
      supporters: r.supporters,
      undecided: r.undecided,
      leaningElsewhere: r.leaningElsewhere,
      notHome: r.notHome,
      createdAt: r.createdAt,
      withdrawn: r.withdrawnAt !== null,
    })),
  };
}

export type PersonProfile = NonNullable<Awaited<ReturnType<typeof readPersonProfile>>>;

function parseList(json: string): string[] {
  try {
    const value: unknown = JSON.parse(json);
    return Array.isArray(value) ? value.map(String) : [];
  } catch {
    return [];
  }
}
