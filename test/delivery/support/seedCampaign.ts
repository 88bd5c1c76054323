// Contacts, broadcasts and their deliveries, written the way the rest of Relawan writes them.
import { pino } from "pino";
import { Prisma, type Database } from "../../../src/db/client.js";
import { materializeDeliveries } from "../../../src/domain/deliveries/materializeDeliveries.js";
import type { RenderBroadcast } from "../../../src/domain/deliveries/outboundMessage.js";

export const silentLogger = pino({ level: "silent" });

/** Picks the person's language, falls back to Indonesian, and adds the footer the real renderer adds. */
export const renderForTest: RenderBroadcast = (broadcast, recipient) => ({
  text: `${broadcast.texts[recipient.language] ?? broadcast.texts.id ?? ""}\n\nBalas STOP untuk berhenti`,
  ...(broadcast.imageUrl ? { imageUrl: broadcast.imageUrl } : {}),
});

export interface ContactSeed {
  telegram?: string;
  whatsapp?: string;
  regionCode?: string | null;
  language?: string;
  optedOut?: boolean;
  updatesConsent?: boolean | null;
  role?: string | null;
  /** volunteer_tasks answers, oldest first. */
  tasksConsents?: boolean[];
  /** Per identity: when the person last wrote, and whether they blocked us. */
  lastInboundAt?: { telegram?: Date; whatsapp?: Date };
  unreachable?: { telegram?: boolean; whatsapp?: boolean };
}

export async function addContact(db: Database, seed: ContactSeed): Promise<string> {
  const contact = await db.contact.create({
    data: {
      language: seed.language ?? "id",
      regionCode: seed.regionCode === undefined ? "32.73" : seed.regionCode,
      optedOut: seed.optedOut ?? false,
      updatesConsent: seed.updatesConsent === undefined ? true : seed.updatesConsent,
      role: seed.role ?? null,
    },
  });
  for (const channel of ["telegram", "whatsapp"] as const) {
    const externalId = seed[channel];
    if (!externalId) continue;
    await db.channelIdentity.create({
      data: {
        contactId: contact.id,
        channel,
        externalId,
        lastInboundAt: seed.lastInboundAt?.[channel] ?? null,
        unreachableAt: seed.unreachable?.[channel] ? new Date("2029-01-01T00:00:00Z") : null,
      },
    });
  }
  let at = Date.parse("2029-01-01T00:00:00Z");
  for (const granted of seed.tasksConsents ?? []) {
    await db.consentRecord.create({
      data: {
        contactId: contact.id,
        purpose: "volunteer_tasks",
        granted,
        textKey: "volunteer.tasksConsent",
        textVersion: "1",
        language: "id",
        channel: "telegram",
        source: "conversation",
        recordedAt: new Date((at += 60_000)),
      },
    });
  }
  return contact.id;
}

export interface BroadcastSeed {
  texts?: Record<string, string>;
  status?: string;
  operational?: boolean;
  scheduledAt?: Date;
  imageUrl?: string;
  progressChat?: string;
}

let segments = 0;

export async function addBroadcast(db: Database, seed: BroadcastSeed = {}): Promise<string> {
  const segment = await db.segment.create({ data: { name: `segment ${++segments} ${Math.random()}`, definition: "{}", createdBy: "test" } });
  const broadcast = await db.broadcast.create({
    data: {
      texts: JSON.stringify(seed.texts ?? { id: "Halo relawan!", en: "Hello volunteers!" }),
      segmentId: segment.id,
      status: seed.status ?? "sending",
      operational: seed.operational ?? false,
      scheduledAt: seed.scheduledAt ?? new Date("2029-01-01T00:00:00Z"),
      createdBy: "test",
      imageUrl: seed.imageUrl ?? null,
      progressChat: seed.progressChat ?? null,
    },
  });
  return broadcast.id;
}

/** A task for a segment of its own (open, not operational, unless said). */
export async function addTask(db: Database, status = "open", operational = false): Promise<number> {
  const segment = await db.segment.create({ data: { name: `segment ${++segments} ${Math.random()}`, definition: "{}", createdBy: "test" } });
  const task = await db.task.create({
    data: { title: "Bagikan brosur", instructions: "Di pasar", segmentId: segment.id, deadline: new Date("2029-02-01T00:00:00Z"), status, operational, createdBy: "test" },
  });
  return task.id;
}

/** One queued delivery per contact, through the same INSERT ... SELECT the broadcast commands use. */
export async function queueDeliveries(db: Database, broadcastId: string, contactIds: string[], notBefore = new Date("2029-01-01T00:00:00Z")): Promise<number> {
  return materializeDeliveries(db, broadcastId, Prisma.sql`c."id" IN (${Prisma.join(contactIds)})`, notBefore);
}

export async function deliveryOf(db: Database, broadcastId: string, contactId: string) {
  return db.delivery.findUniqueOrThrow({ where: { broadcastId_contactId: { broadcastId, contactId } } });
}

export async function statusCounts(db: Database, broadcastId: string): Promise<Record<string, number>> {
  const rows = await db.delivery.groupBy({ by: ["status"], where: { broadcastId }, _count: true });
  return Object.fromEntries(rows.map((r) => [r.status, r._count]));
}
