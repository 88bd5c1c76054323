import type { Database } from "../../db/client.js";
import { readReceiptCounts, type ReceiptCounts } from "./readReceiptCounts.js";

export interface BroadcastProgress {
  broadcastId: string;
  /** The broadcast's own status: sending, paused, cancelled, completed... */
  status: string;
  total: number;
  sent: number;
  failed: number;
  /** Refused at sending: "blocked" (403), "render_failed", the platform's description of a 400, the last error after the retries... */
  failedByReason: Record<string, number>;
  /** Failed after the platform had accepted them (a Cloud API status webhook), by Meta's code ("cloud_api_131026"); included in `failed`. */
  failedAfterAcceptanceByReason: Record<string, number>;
  /**
   * What the platform reported after accepting them, where it reports it (the WhatsApp Cloud API;
   * Telegram and WhatsApp Web do not): absent when no delivery went through such a channel.
   */
  receipts?: ReceiptCounts;
  /** Failed because the person blocked the bot or the account is gone; included in `failed`. */
  blocked: number;
  skipped: number;
  /** "opted_out", "no_consent", "unreachable", "no_channel", "cancelled", "outside_24h_window"... */
  skippedByReason: Record<string, number>;
  /** Waiting for quiet hours or a blackout to end; included in `remaining`. */
  held: number;
  heldByReason: Record<string, number>;
  /** Queued again after a 429 or a transient error; included in `remaining`. */
  retrying: number;
  /** May or may not have arrived (the sender died mid-call); never retried. */
  uncertain: number;
  /** Claimed or being sent right now; included in `remaining`. */
  inFlight: number;
  /** Not settled yet: queued (held and retrying included), claimed, sending. */
  remaining: number;
  /** sent + failed + skipped + uncertain */
  settled: number;
  /** Settled per second since `previous`, when given. */
  ratePerSecond?: number;
  /** Seconds until everything not held is settled, at that rate. */
  etaSeconds?: number;
  /** When sending began and ended, for the report's duration. */
  startedAt?: Date;
  completedAt?: Date;
  at: Date;
}

const HELD_REASONS = new Set(["quiet_hours", "blackout"]);

/** "running": the message edited in place; "final": the closing report. */
export type ProgressPhase = "running" | "final";

/** Staff-facing text for a progress reading; the conversation layer supplies a localised one. */
export type FormatProgress = (progress: BroadcastProgress, phase: ProgressPhase) => string;

/** Counts a broadcast's deliveries by status and reason; pass the previous reading for a rate and an ETA. */
export async function readBroadcastProgress(
  db: Database,
  broadcastId: string,
  at: Date,
  previous?: Pick<BroadcastProgress, "settled" | "at">,
): Promise<BroadcastProgress | undefined> {
  const broadcast = await db.broadcast.findUnique({ where: { id: broadcastId }, select: { status: true, startedAt: true, completedAt: true } });
  if (!broadcast) return undefined;
  // "receipted": sent through a channel that reports delivery receipts (sentAs is set only by the Cloud API).
  const groups = await db.$queryRaw<{ status: string; reason: string | null; receipted: number | bigint; n: number | bigint }[]>`
    SELECT "status", "reason", CASE WHEN "sentAs" IS NULL THEN 0 ELSE 1 END AS "receipted", COUNT(*) AS "n"
    FROM "Delivery" WHERE "broadcastId" = ${broadcastId} GROUP BY "status", "reason", CASE WHEN "sentAs" IS NULL THEN 0 ELSE 1 END`;
  // Counted by the one rule the broadcast status uses too.
  const receipts = (await readReceiptCounts(db, [broadcastId])).get(broadcastId);
  const progress: BroadcastProgress = {
    broadcastId,
    status: broadcast.status,
    total: 0,
    sent: 0,
    failed: 0,
    failedByReason: {},
    failedAfterAcceptanceByReason: {},
    blocked: 0,
    skipped: 0,
    skippedByReason: {},
    held: 0,
    heldByReason: {},
    retrying: 0,
    uncertain: 0,
    inFlight: 0,
    remaining: 0,
    settled: 0,
    at,
    ...(broadcast.startedAt ? { startedAt: broadcast.startedAt } : {}),
    ...(broadcast.completedAt ? { completedAt: broadcast.completedAt } : {}),
  };
  for (const group of groups) {
    const n = Number(group.n);
    const reason = group.reason ?? "unknown";
    const receipted = Number(group.receipted) === 1;
    progress.total += n;
    switch (group.status) {
      case "sent":
        progress.sent += n;
        break;
      case "failed":
        progress.failed += n;
        if (receipted) {
          progress.failedAfterAcceptanceByReason[reason] = (progress.failedAfterAcceptanceByReason[reason] ?? 0) + n;
          break;
        }
        progress.failedByReason[reason] = (progress.failedByReason[reason] ?? 0) + n;
        if (reason === "blocked") progress.blocked += n;
        break;
      case "skipped":
        progress.skipped += n;
        progress.skippedByReason[reason] = (progress.skippedByReason[reason] ?? 0) + n;
        break;
      case "uncertain":
        progress.uncertain += n;
        break;
      case "queued":
        progress.remaining += n;
        if (group.reason && HELD_REASONS.has(group.reason)) {
          progress.held += n;
          progress.heldByReason[group.reason] = (progress.heldByReason[group.reason] ?? 0) + n;
        } else if (group.reason) progress.retrying += n;
        break;
      default:
        // claimed, sending
        progress.remaining += n;
        progress.inFlight += n;
    }
  }
  if (receipts) progress.receipts = receipts;
  progress.settled = progress.sent + progress.failed + progress.skipped + progress.uncertain;
  if (previous && at.getTime() > previous.at.getTime()) {
    const rate = (progress.settled - previous.settled) / ((at.getTime() - previous.at.getTime()) / 1000);
    progress.ratePerSecond = Math.max(0, rate);
    if (rate > 0) progress.etaSeconds = Math.ceil((progress.remaining - progress.held) / rate);
  }
  return progress;
}
