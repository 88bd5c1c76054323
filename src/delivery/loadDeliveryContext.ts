import type { Database } from "../db/client.js";
import { readDeliveryContacts } from "./readDeliveryContacts.js";

export interface DeliveryIdentity {
  channel: string;
  externalId: string;
  unreachableAt: Date | null;
  lastInboundAt: Date | null;
  createdAt: Date;
}

export interface DeliveryContact {
  id: string;
  name: string | null;
  language: string;
  role: string | null;
  regionCode: string | null;
  optedOut: boolean;
  updatesConsent: boolean | null;
  /** The latest volunteer_tasks consent answer, or null if never asked. */
  tasksConsent: boolean | null;
  identities: DeliveryIdentity[];
}

export interface DeliveryBroadcast {
  id: string;
  status: string;
  operational: boolean;
  /** Parsed { [language]: text }; null when the stored JSON is not an object of strings. */
  texts: Record<string, string> | null;
  imageUrl: string | null;
}

export interface DeliveryTask {
  id: number;
  /** open | closed */
  status: string;
  operational: boolean;
}

export interface DeliveryContext {
  broadcasts: Map<string, DeliveryBroadcast>;
  tasks: Map<number, DeliveryTask>;
  contacts: Map<string, DeliveryContact>;
}

type ContextRow = { broadcastId: string | null; taskId: number | null; contactId: string | null; purpose: string | null };

/** Everything a batch of claimed rows needs to be decided and rendered, in at most four queries. */
export async function loadDeliveryContext(db: Database, rows: readonly ContextRow[]): Promise<DeliveryContext> {
  const broadcastIds = [...new Set(rows.flatMap((r) => (r.broadcastId ? [r.broadcastId] : [])))];
  const taskIds = [...new Set(rows.flatMap((r) => (r.taskId === null ? [] : [r.taskId])))];
  const contactIds = [...new Set(rows.flatMap((r) => (r.contactId ? [r.contactId] : [])))];
  const broadcasts = broadcastIds.length
    ? await db.broadcast.findMany({
        where: { id: { in: broadcastIds } },
        select: { id: true, status: true, operational: true, texts: true, imageUrl: true },
      })
    : [];
  const tasks = taskIds.length ? await db.task.findMany({ where: { id: { in: taskIds } }, select: { id: true, status: true, operational: true } }) : [];
  const contacts = contactIds.length ? await readDeliveryContacts(db, contactIds) : [];
  const tasksConsent = new Map<string, boolean>();
  const needsTasksConsent = broadcasts.some((b) => b.operational) || tasks.length > 0 || rows.some((r) => r.purpose === "volunteer_tasks");
  if (needsTasksConsent && contactIds.length) {
    // Oldest first, so the latest answer of each person is the one left in the map.
    const records = await db.consentRecord.findMany({
      where: { contactId: { in: contactIds }, purpose: "volunteer_tasks" },
      orderBy: [{ recordedAt: "asc" }, { id: "asc" }],
      select: { contactId: true, granted: true },
    });
    for (const record of records) if (record.contactId) tasksConsent.set(record.contactId, record.granted);
  }
  return {
    broadcasts: new Map(broadcasts.map((b) => [b.id, { ...b, texts: parseTexts(b.texts) }])),
    tasks: new Map(tasks.map((t) => [t.id, t])),
    contacts: new Map(contacts.map((c) => [c.id, { ...c, tasksConsent: tasksConsent.get(c.id) ?? null }])),
  };
}

function parseTexts(json: string): Record<string, string> | null {
  try {
    const value: unknown = JSON.parse(json);
    if (typeof value !== "object" || value === null || Array.isArray(value)) return null;
    if (!Object.values(value).every((text) => typeof text === "string")) return null;
    return value as Record<string, string>;
  } catch {
    return null;
  }
}
