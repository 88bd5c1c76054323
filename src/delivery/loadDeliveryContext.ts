import type { Database } from "../db/client.js";

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

export interface DeliveryContext {
  broadcasts: Map<string, DeliveryBroadcast>;
  contacts: Map<string, DeliveryContact>;
}

/** Everything a batch of claimed rows needs to be decided and rendered, in three queries. */
export async function loadDeliveryContext(db: Database, rows: readonly { broadcastId: string; contactId: string | null }[]): Promise<DeliveryContext> {
  const broadcastIds = [...new Set(rows.map((r) => r.broadcastId))];
  const contactIds = [...new Set(rows.flatMap((r) => (r.contactId ? [r.contactId] : [])))];
  const broadcasts = await db.broadcast.findMany({
    where: { id: { in: broadcastIds } },
    select: { id: true, status: true, operational: true, texts: true, imageUrl: true },
  });
  const contacts = contactIds.length
    ? await db.contact.findMany({
        where: { id: { in: contactIds } },
        select: {
          id: true,
          name: true,
          language: true,
          role: true,
          regionCode: true,
          optedOut: true,
          updatesConsent: true,
          identities: { select: { channel: true, externalId: true, unreachableAt: true, lastInboundAt: true, createdAt: true } },
        },
      })
    : [];
  const tasksConsent = new Map<string, boolean>();
  if (broadcasts.some((b) => b.operational) && contactIds.length) {
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
