import type { Database, Db } from "../../db/client.js";
import { materializeDeliveries } from "../deliveries/materializeDeliveries.js";
import { recordAudit } from "../audit/recordAudit.js";
import { parseSegmentDefinition } from "../segments/parseSegmentDefinition.js";
import { recipientWhereSql } from "../segments/recipientWhereSql.js";
import { checkBroadcastContent, type BroadcastContentProblem } from "./checkBroadcastContent.js";
import { isInQuietPeriod, type BlackoutRanges } from "./isInQuietPeriod.js";
import { isVolunteerOnly } from "./isVolunteerOnly.js";
import type { BroadcastTexts } from "./parseBroadcastTexts.js";

export interface NewBroadcast {
  texts: BroadcastTexts;
  defaultLanguage: string;
  imageUrl?: string;
  segmentId: string;
  /** When to send; absent means now. */
  scheduledAt?: Date;
  operational: boolean;
  /** Saved without recipients; sent later with sendBroadcast. */
  draft?: boolean;
  createdBy: string;
  /** "<channel>:<externalId>" of the chat that watches progress. */
  progressChat?: string;
  now: Date;
  blackout?: BlackoutRanges;
}

export type BroadcastCreateOutcome =
  | { status: "created"; id: string; broadcastStatus: "draft" | "scheduled" | "sending"; scheduledAt: Date; recipients: number }
  | ({ status: "invalid" } & BroadcastContentProblem)
  | { status: "past" }
  | { status: "segment_not_found" }
  /** Operational is only for segments of volunteers. */
  | { status: "operational_not_allowed" }
  | { status: "quiet_period" };

/**
 * Creates a broadcast and, unless it is a draft, writes one Delivery per recipient now (held
 * until the send time). Recipients are fixed here: who was in the segment and sendable.
 */
export async function createBroadcast(db: Db, input: NewBroadcast): Promise<BroadcastCreateOutcome> {
  const problem = checkBroadcastContent(input.texts, input.imageUrl, input.defaultLanguage);
  if (problem) return { status: "invalid", ...problem };
  const scheduledAt = input.scheduledAt ?? input.now;
  if (scheduledAt.getTime() < input.now.getTime()) return { status: "past" };
  const segment = await db.segment.findUnique({ where: { id: input.segmentId } });
  if (!segment) return { status: "segment_not_found" };
  const definition = parseSegmentDefinition(segment.definition);
  if (input.operational && !isVolunteerOnly(definition)) return { status: "operational_not_allowed" };
  if (!input.operational && isInQuietPeriod(input.blackout, [input.now, scheduledAt])) return { status: "quiet_period" };

  const later = scheduledAt.getTime() > input.now.getTime();
  const broadcastStatus = input.draft ? "draft" : later ? "scheduled" : "sending";
  const broadcast = await db.broadcast.create({
    data: {
      texts: JSON.stringify(input.texts),
      imageUrl: input.imageUrl ?? null,
      segmentId: segment.id,
      status: broadcastStatus,
      operational: input.operational,
      scheduledAt,
      createdBy: input.createdBy,
      createdAt: input.now,
      startedAt: broadcastStatus === "sending" ? input.now : null,
      progressChat: input.progressChat ?? null,
    },
  });
  // Inside the caller's transaction (a transaction client runs the same raw SQL as the client the
  // signature names): the broadcast and its deliveries exist together or not at all.
  const recipients = input.draft ? 0 : await materializeDeliveries(db as Database, broadcast.id, recipientWhereSql(definition, { operational: input.operational }), scheduledAt, input.now);
  await recordAudit(db, {
    actor: input.createdBy,
    action: "broadcast.create",
    target: broadcast.id,
    details: {
      segment: segment.name,
      status: broadcastStatus,
      scheduledAt: scheduledAt.toISOString(),
      operational: input.operational,
      languages: Object.keys(input.texts),
      imageUrl: input.imageUrl ?? null,
      recipients,
    },
    at: input.now,
  });
  return { status: "created", id: broadcast.id, broadcastStatus, scheduledAt, recipients };
}
