import type { Db } from "../../db/client.js";
import { countSegment, type SegmentCount } from "../segments/countSegment.js";
import { parseSegmentDefinition } from "../segments/parseSegmentDefinition.js";
import type { SegmentDefinition } from "../segments/segmentDefinition.js";
import { checkBroadcastContent, type BroadcastContentProblem } from "./checkBroadcastContent.js";
import { isInQuietPeriod, type BlackoutRanges } from "./isInQuietPeriod.js";
import { isVolunteerOnly } from "./isVolunteerOnly.js";
import type { BroadcastTexts } from "./parseBroadcastTexts.js";

export interface BroadcastPlan {
  texts: BroadcastTexts;
  defaultLanguage: string;
  imageUrl?: string;
  segmentId: string;
  /** When to send; absent means now. */
  scheduledAt?: Date;
  operational: boolean;
  now: Date;
  blackout?: BlackoutRanges;
  /** Refuse a segment nobody in it can receive (the dashboard); the chat and the CLI allow it. */
  requireRecipients?: boolean;
}

export type BroadcastPlanCheck =
  /** `count` when recipients were required: who the segment reaches now, and why the others not. */
  | { status: "ok"; segment: { id: string; name: string }; definition: SegmentDefinition; scheduledAt: Date; count?: SegmentCount }
  | ({ status: "invalid" } & BroadcastContentProblem)
  | { status: "past" }
  | { status: "segment_not_found" }
  /** Operational is only for segments of volunteers. */
  | { status: "operational_not_allowed" }
  | { status: "quiet_period" }
  /** Nobody in the segment can receive it (only when recipients are required). */
  | { status: "nobody"; segment: { id: string; name: string }; count: SegmentCount };

/**
 * Whether a broadcast may be created as planned, with everything createBroadcast checks, and
 * nothing written: `relawan broadcast create --dry-run` refuses exactly what creating would.
 */
export async function checkNewBroadcast(db: Db, plan: BroadcastPlan): Promise<BroadcastPlanCheck> {
  const problem = checkBroadcastContent(plan.texts, plan.imageUrl, plan.defaultLanguage);
  if (problem) return { status: "invalid", ...problem };
  const scheduledAt = plan.scheduledAt ?? plan.now;
  if (scheduledAt.getTime() < plan.now.getTime()) return { status: "past" };
  const segment = await db.segment.findUnique({ where: { id: plan.segmentId } });
  if (!segment) return { status: "segment_not_found" };
  const definition = parseSegmentDefinition(segment.definition);
  if (plan.operational && !isVolunteerOnly(definition)) return { status: "operational_not_allowed" };
  if (!plan.operational && isInQuietPeriod(plan.blackout, [plan.now, scheduledAt])) return { status: "quiet_period" };
  const found = { id: segment.id, name: segment.name };
  if (!plan.requireRecipients) return { status: "ok", segment: found, definition, scheduledAt };
  const count = await countSegment(db, definition, { operational: plan.operational });
  if (count.sendable === 0) return { status: "nobody", segment: found, count };
  return { status: "ok", segment: found, definition, scheduledAt, count };
}
