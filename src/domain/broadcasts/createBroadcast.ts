import type { Database, Db } from "../../db/client.js";
import { materializeDeliveries } from "../deliveries/materializeDeliveries.js";
import { recordAudit } from "../audit/recordAudit.js";
import { recipientWhereSql } from "../segments/recipientWhereSql.js";
import { checkNewBroadcast, type BroadcastPlan, type BroadcastPlanCheck } from "./checkNewBroadcast.js";

export interface NewBroadcast extends BroadcastPlan {
  /** Saved without recipients; sent later with sendBroadcast. */
  draft?: boolean;
  createdBy: string;
  /** "<channel>:<externalId>" of the chat that watches progress. */
  progressChat?: string;
  /** The dashboard confirm form's one-time key (unique: a second broadcast with it fails); see findBroadcastByFormKey. */
  formKey?: string;
}

export type BroadcastCreateOutcome =
  | { status: "created"; id: string; broadcastStatus: "draft" | "scheduled" | "sending"; scheduledAt: Date; recipients: number }
  | Exclude<BroadcastPlanCheck, { status: "ok" }>;

/**
 * Creates a broadcast and, unless it is a draft, writes one Delivery per recipient now (held
 * until the send time). Recipients are fixed here: who was in the segment and sendable.
 */
export async function createBroadcast(db: Db, input: NewBroadcast): Promise<BroadcastCreateOutcome> {
  const check = await checkNewBroadcast(db, input);
  if (check.status !== "ok") return check;
  const { segment, definition, scheduledAt } = check;
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
      formKey: input.formKey ?? null,
    },
  });
  // Inside the caller's transaction (a transaction client runs the same raw SQL as the client the
  // signature names): the broadcast and its deliveries exist together or not at all.
  const recipients = input.draft ? 0 : await materializeDeliveries(db as Database, broadcast.id, recipientWhereSql(db, definition, { operational: input.operational }), scheduledAt, input.now);
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
