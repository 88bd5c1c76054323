import { Prisma, type Db } from "../../db/client.js";
import { cleanTextForStaff } from "../text/cleanTextForStaff.js";
import type { PeopleFilter, PeopleFilterSettings } from "./parsePeopleFilter.js";
import { readPeopleCursor, writePeopleCursor } from "./peopleCursor.js";
import { peopleWhereSql } from "./peopleWhereSql.js";
import { phoneForViewer } from "./phoneForViewer.js";

export interface PersonRow {
  id: string;
  name: string | null;
  /** Masked unless the viewer may see whole numbers (phoneForViewer). */
  phone: string | undefined;
  regionCode: string | null;
  /** "admin" | "coordinator" | "volunteer" | "voter" */
  role: string;
  referralCode: string | null;
  /** "subscribed" | "not_subscribed" | "opted_out" */
  consent: string;
  lastActiveAt: Date;
}

export type PeoplePage = { status: "ok"; people: PersonRow[]; next?: string } | { status: "bad_cursor" };

export interface ListPeopleRequest {
  filter: PeopleFilter;
  /** The `next` of the previous page. */
  after?: string;
  limit: number;
  viewerRole: string | null;
  settings: PeopleFilterSettings;
}

/**
 * One page of people matching a filter, newest first (by id: cuids grow with time), with keyset
 * pagination on the primary key so page 2,000 costs what page 1 does. A cursor that was edited
 * or made up is `bad_cursor`.
 */
export async function listPeople(db: Db, request: ListPeopleRequest): Promise<PeoplePage> {
  let after: string | undefined;
  if (request.after !== undefined && request.after !== "") {
    after = readPeopleCursor(request.after);
    if (after === undefined) return { status: "bad_cursor" };
  }
  const before = after === undefined ? Prisma.empty : Prisma.sql`AND c."id" < ${after}`;
  const ids = (
    await db.$queryRaw<{ id: string }[]>(Prisma.sql`
      SELECT c."id" FROM "Contact" c WHERE ${peopleWhereSql(db, request.filter, request.settings)} ${before}
      ORDER BY c."id" DESC LIMIT ${request.limit + 1}`)
  ).map((row) => row.id);
  const shown = ids.slice(0, request.limit);
  const contacts = await db.contact.findMany({
    where: { id: { in: shown } },
    orderBy: { id: "desc" },
    select: { id: true, name: true, phone: true, regionCode: true, role: true, optedOut: true, updatesConsent: true, lastActiveAt: true, volunteer: { select: { referralCode: true } } },
  });
  const people = contacts.map((c) => ({
    id: c.id,
    name: c.name === null ? null : cleanTextForStaff(c.name),
    phone: phoneForViewer(request.viewerRole, c.phone),
    regionCode: c.regionCode,
    role: personRole(c.role, c.volunteer !== null),
    referralCode: c.volunteer?.referralCode ?? null,
    consent: c.optedOut ? "opted_out" : c.updatesConsent === true ? "subscribed" : "not_subscribed",
    lastActiveAt: c.lastActiveAt,
  }));
  const last = shown.at(-1);
  return ids.length > request.limit && last ? { status: "ok", people, next: writePeopleCursor(last) } : { status: "ok", people };
}

/** A staff role first; a registered volunteer without a role (signed up before roles) is a volunteer. */
export function personRole(role: string | null, registered: boolean): string {
  if (role === "admin" || role === "coordinator" || role === "volunteer") return role;
  return registered ? "volunteer" : "voter";
}
