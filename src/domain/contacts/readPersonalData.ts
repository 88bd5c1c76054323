import { Prisma, type Db } from "../../db/client.js";
import { queryAllDirectOrPrisma } from "../../db/queryDirect.js";
import { readDatabaseBoolean } from "../../db/readDatabaseBoolean.js";
import { readDatabaseTime } from "../../db/readDatabaseTime.js";
import { tagsOfContactsSql, type TagRow } from "./contactTags.js";

/** Everything Relawan stores about one person that /datasaya shows (UU PDP right of access). */
export interface PersonalData {
  name: string | null;
  phone: string | null;
  regionCode: string | null;
  optedOut: boolean;
  updatesConsent: boolean | null;
  referredByCode: string | null;
  createdAt: Date;
  identities: { channel: string; externalId: string }[];
  tags: { tag: string }[];
  consents: { purpose: string; granted: boolean; channel: string; recordedAt: Date }[];
  volunteer: { referralCode: string; interests: string; availability: string; createdAt: Date } | null;
  inboxItems: { id: number; status: string; text: string; answer: string | null; createdAt: Date }[];
  choices: { text: string; createdAt: Date }[];
  assignments: {
    status: string;
    offeredAt: Date;
    respondedAt: Date | null;
    remindedAt: Date | null;
    doneAt: Date | null;
    proofKind: string | null;
    proof: string | null;
    task: { id: number; title: string };
  }[];
  /** Messages sent or kept for them, counted by kind ("unsent": a broadcast recorded as not sent). */
  messagesByKind: Record<string, number>;
}

/**
 * Reads it in raw statements (on SQLite below Prisma: queryDirect, runTransaction), one relation
 * each, sent together (queryAllDirectOrPrisma: on PostgreSQL one round trip for all eight, which
 * a busy bot's other talkers would otherwise make wait eight times): /datasaya is a conversation
 * turn, inside its write transaction, where nine Prisma model queries cost ~5 times the CPU of the
 * statements (docs/benchmarks.md, conversation turns), and an `include` would run its relations at
 * once on the transaction's one PostgreSQL connection (an error from pg 9).
 */
export async function readPersonalData(db: Db, contactId: string): Promise<PersonalData> {
  const [[contact], identities, tagRows, consents, inboxItems, choices, assignments, deliveries] = await queryAllDirectOrPrisma<
    [ContactRow, PersonalData["identities"][number], TagRow, PersonalData["consents"][number], PersonalData["inboxItems"][number], PersonalData["choices"][number], AssignmentRow, DeliveryCount]
  >(db, [
    Prisma.sql`
      SELECT c."name", c."phone", c."regionCode", c."optedOut", c."updatesConsent", c."referredByCode", c."createdAt",
        v."referralCode" AS "volunteerReferralCode", v."interests" AS "volunteerInterests", v."availability" AS "volunteerAvailability", v."createdAt" AS "volunteerCreatedAt"
      FROM "Contact" c LEFT JOIN "Volunteer" v ON v."contactId" = c."id" WHERE c."id" = ${contactId}`,
    Prisma.sql`SELECT "channel", "externalId" FROM "ChannelIdentity" WHERE "contactId" = ${contactId} ORDER BY "createdAt", "id"`,
    tagsOfContactsSql(db, [contactId]),
    Prisma.sql`SELECT "purpose", "granted", "channel", "recordedAt" FROM "ConsentRecord" WHERE "contactId" = ${contactId} ORDER BY "recordedAt", "id"`,
    Prisma.sql`SELECT "id", "status", "text", "answer", "createdAt" FROM "InboxItem" WHERE "contactId" = ${contactId} ORDER BY "id"`,
    Prisma.sql`SELECT "text", "createdAt" FROM "QuestionChoice" WHERE "contactId" = ${contactId} ORDER BY "id"`,
    Prisma.sql`
      SELECT a."status", a."offeredAt", a."respondedAt", a."remindedAt", a."doneAt", a."proofKind", a."proof", t."id" AS "taskId", t."title" AS "taskTitle"
      FROM "TaskAssignment" a JOIN "Task" t ON t."id" = a."taskId" WHERE a."contactId" = ${contactId} ORDER BY a."offeredAt", a."taskId"`,
    // Deliveries have no relation to the contact (broadcast rows outlive it); counted, not listed:
    // a task message repeats the task, a reply is shown with the question it answers. Kinds in the
    // order they first came.
    Prisma.sql`
      SELECT "kind", ("kind" = ${"broadcast"} AND "broadcastId" IS NULL) AS "unsent", COUNT(*) AS "count"
      FROM "Delivery" WHERE "contactId" = ${contactId} GROUP BY 1, 2 ORDER BY MIN("createdAt"), 1`,
  ]);
  if (!contact) throw new Error(`No contact ${contactId}`);
  const tags = tagRows.map(({ tag }) => ({ tag }));
  const messagesByKind: Record<string, number> = {};
  for (const { kind, unsent, count } of deliveries) {
    // A "broadcast" row of no broadcast is a message recorded as unsent (WhatsApp's 24-hour window).
    const shown = readDatabaseBoolean(unsent) ? "unsent" : kind;
    messagesByKind[shown] = (messagesByKind[shown] ?? 0) + Number(count);
  }
  return {
    name: contact.name,
    phone: contact.phone,
    regionCode: contact.regionCode,
    optedOut: readDatabaseBoolean(contact.optedOut)!,
    updatesConsent: readDatabaseBoolean(contact.updatesConsent),
    referredByCode: contact.referredByCode,
    createdAt: readDatabaseTime(contact.createdAt)!,
    identities,
    tags,
    consents: consents.map((c) => ({ ...c, granted: readDatabaseBoolean(c.granted)!, recordedAt: readDatabaseTime(c.recordedAt)! })),
    volunteer:
      contact.volunteerReferralCode === null
        ? null
        : {
            referralCode: contact.volunteerReferralCode,
            interests: contact.volunteerInterests!,
            availability: contact.volunteerAvailability!,
            createdAt: readDatabaseTime(contact.volunteerCreatedAt)!,
          },
    inboxItems: inboxItems.map((item) => ({ ...item, id: Number(item.id), createdAt: readDatabaseTime(item.createdAt)! })),
    choices: choices.map((c) => ({ ...c, createdAt: readDatabaseTime(c.createdAt)! })),
    assignments: assignments.map(({ taskId, taskTitle, ...a }) => ({
      ...a,
      offeredAt: readDatabaseTime(a.offeredAt)!,
      respondedAt: readDatabaseTime(a.respondedAt),
      remindedAt: readDatabaseTime(a.remindedAt),
      doneAt: readDatabaseTime(a.doneAt),
      task: { id: Number(taskId), title: taskTitle },
    })),
    messagesByKind,
  };
}

interface ContactRow {
  name: string | null;
  phone: string | null;
  regionCode: string | null;
  optedOut: unknown;
  updatesConsent: unknown;
  referredByCode: string | null;
  createdAt: unknown;
  volunteerReferralCode: string | null;
  volunteerInterests: string | null;
  volunteerAvailability: string | null;
  volunteerCreatedAt: unknown;
}

type AssignmentRow = Omit<PersonalData["assignments"][number], "task"> & { taskId: unknown; taskTitle: string };

interface DeliveryCount {
  kind: string;
  unsent: unknown;
  count: unknown;
}
