import type { Db } from "../../db/client.js";
import { countPeopleByRegion } from "../regions/countPeopleByRegion.js";

export interface TodayFigures {
  contacts: number;
  /** Said yes to campaign updates and have not said STOP (the "subscribed" consent of segments). */
  subscribers: number;
  volunteers: number;
  /** Volunteers active in the last ACTIVE_VOLUNTEER_DAYS days, counted as the map's coverage counts them. */
  activeVolunteers: number;
  /** Open inbox items: questions and requests waiting for a person. */
  inboxWaiting: number;
  /** Broadcasts going out right now. */
  broadcastsSending: number;
}

/**
 * The figures at the top of the dashboard's overview. People are counted by the same query as the
 * political map's coverage, summed over the whole country, so the two screens always agree.
 */
export async function readTodayFigures(db: Db, query: { now: Date; activeDays: number }): Promise<TodayFigures> {
  const activeSince = new Date(query.now.getTime() - query.activeDays * 86_400_000);
  const byProvince = await countPeopleByRegion(db, null, activeSince);
  const people = { contacts: 0, subscribers: 0, volunteers: 0, activeVolunteers: 0 };
  for (const counts of byProvince.values()) {
    people.contacts += counts.contacts;
    people.subscribers += counts.subscribers;
    people.volunteers += counts.volunteers;
    people.activeVolunteers += counts.activeVolunteers;
  }
  const [inboxWaiting, broadcastsSending] = await Promise.all([db.inboxItem.count({ where: { status: "open" } }), db.broadcast.count({ where: { status: "sending" } })]);
  return { ...people, inboxWaiting, broadcastsSending };
}
