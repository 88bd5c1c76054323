import type { Db } from "../../db/client.js";
import { countCreatedBefore } from "./countCreatedBefore.js";
import { listDayBoundaries } from "./listDayBoundaries.js";
import type { ContactGrowth } from "./types.js";

/** Contacts and volunteers over time: cumulative totals per local day in `timeZone`. */
export async function readContactGrowth(db: Db, options: { now: Date; timeZone: string; maxPoints?: number }): Promise<ContactGrowth> {
  const firstContact = await db.contact.aggregate({ _min: { createdAt: true } });
  const firstVolunteer = await db.volunteer.aggregate({ _min: { createdAt: true } });
  const firsts = [firstContact._min.createdAt, firstVolunteer._min.createdAt].filter((d): d is Date => d instanceof Date);
  if (firsts.length === 0) return { contacts: 0, volunteers: 0, contactsLast7Days: 0, volunteersLast7Days: 0, points: [], stepDays: 1 };

  const first = new Date(Math.min(...firsts.map((d) => d.getTime())));
  const { days, stepDays, weekStart } = listDayBoundaries(first, options.now, options.timeZone, options.maxPoints);
  const boundaries = [weekStart, ...days.map((d) => d.end)];
  const contacts = await countCreatedBefore(db, "Contact", boundaries);
  const volunteers = await countCreatedBefore(db, "Volunteer", boundaries);
  return {
    contacts: contacts.total,
    volunteers: volunteers.total,
    contactsLast7Days: contacts.total - (contacts.before[0] ?? 0),
    volunteersLast7Days: volunteers.total - (volunteers.before[0] ?? 0),
    points: days.map((d, i) => ({ day: d.day, contacts: contacts.before[i + 1] ?? 0, volunteers: volunteers.before[i + 1] ?? 0 })),
    stepDays,
  };
}
