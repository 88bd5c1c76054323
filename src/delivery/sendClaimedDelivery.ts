import type { Database } from "../db/client.js";
import type { Logger } from "../logger.js";
import type { RetryPolicy } from "./backoffDelay.js";
import type { ClaimedDelivery } from "./claimDeliveries.js";
import type { SendingWriter } from "./createSendingWriter.js";
import { closeClaimedDeliveries } from "./closeClaimedDeliveries.js";
import { decideDelivery, type DeliveryDecision, type DeliveryRules, type DeliverySource } from "./decideDelivery.js";
import type { DeliveryContact, DeliveryIdentity } from "./loadDeliveryContext.js";
import { markIdentityUnreachable } from "../domain/contacts/markIdentityUnreachable.js";
import { readSendCheck } from "./readSendCheck.js";
import { requeueClaimedDeliveries } from "./requeueClaimedDeliveries.js";
import { sourceOfDelivery } from "./sourceOfDelivery.js";
import { toSendingResult } from "./toSendingResult.js";
import type { BulkSender, OutboundMessage, SendOutcome } from "./types.js";

export interface SendContext {
  db: Database;
  writer: SendingWriter;
  workerId: string;
  clock: () => Date;
  rules: DeliveryRules;
  leaseMs: number;
  retry: RetryPolicy;
  random: () => number;
  logger: Logger;
}

/** A claimed row, decided and rendered when its batch was claimed. */
export interface ClaimedSend {
  row: ClaimedDelivery;
  identity: DeliveryIdentity;
  contact: DeliveryContact;
  source: DeliverySource;
  message: OutboundMessage;
  sender: BulkSender;
  /** Told as soon as the platform call is over: the limiter's slot counts from then, not from the bookkeeping after. */
  called?: () => void;
}

export interface SendReport {
  /** What became of the row; "lost": it was no longer this worker's to send. */
  result: "sent" | "failed" | "skipped" | "uncertain" | "held" | "requeued" | "lost";
  /** The platform asked the whole channel to wait this long. */
  pauseChannelMs?: number;
}

/**
 * One delivery's turn, once its channel's limiter let it go: the clock rules again, then one
 * statement that re-checks everything else and marks it sending, the platform call, the answer.
 */
export async function sendClaimedDelivery(ctx: SendContext, send: ClaimedSend): Promise<SendReport> {
  const { db, rules, logger } = ctx;
  const { row } = send;
  const now = ctx.clock();
  const target = { channel: send.identity.channel, externalId: send.identity.externalId };
  // Quiet hours, blackouts and the free-form window (text or template) depend only on the clock and
  // what the claim loaded: deciding again costs no database round trip. A skip here is the window
  // having closed since the claim with no template to fall back on.
  const timing = decideDelivery({ ...send.source, status: "sending" }, send.contact, now, rules);
  if (timing.action === "wait" || timing.action === "skip") return applyWithoutSending(ctx, row.id, timing, now);
  const form = timing.action === "send" ? timing.form : undefined;
  const leaseUntil = new Date(now.getTime() + ctx.leaseMs);
  if (!(await ctx.writer.begin(row.id, { ...target, consent: send.source.consent, leaseUntil, now }))) {
    return explainRefusal(ctx, send, now);
  }
  // Nothing waits between marking and the call (the limiter's slot was granted before): a crash
  // leaves `sending` only rows whose request had left or was about to, so uncertain means "may have arrived".
  let outcome: SendOutcome;
  try {
    outcome = await send.sender.send(target.externalId, send.message, form);
  } catch (err) {
    // A sender should answer with an outcome; a throw may have happened after the request left.
    logger.error({ err, deliveryId: row.id, channel: target.channel }, "bulk sender threw");
    outcome = { status: "uncertain", reason: "sender_error" };
  }
  send.called?.();
  const settledAt = ctx.clock();
  const effects = toSendingResult(outcome, row.attempts + 1, ctx.retry, settledAt, ctx.random);
  if (effects.markUnreachable) await markIdentityUnreachable(db, target.channel, target.externalId, settledAt);
  if (outcome.status !== "sent") logger.info({ deliveryId: row.id, channel: target.channel, outcome }, "delivery not sent");
  const settled = await ctx.writer.settle(row.id, effects.result, settledAt);
  const result = !settled ? "lost" : effects.result.status === "queued" ? "requeued" : effects.result.status;
  return effects.pauseChannelMs === undefined ? { result } : { result, pauseChannelMs: effects.pauseChannelMs };
}

/** beginSending refused: something changed since the claim. Find out what, and record it. */
async function explainRefusal(ctx: SendContext, send: ClaimedSend, now: Date): Promise<SendReport> {
  const { row, identity } = send;
  const check = await readSendCheck(ctx.db, row.id, identity);
  if (!check || check.status !== "claimed" || check.claimedBy !== ctx.workerId) {
    // Our lease ran out while the job waited and the row moved on without us.
    ctx.logger.warn({ workerId: ctx.workerId, deliveryId: row.id, status: check?.status }, "delivery claim lost before sending");
    return { result: "lost" };
  }
  const contact: DeliveryContact | undefined = check.contactExists
    ? {
        ...send.contact,
        optedOut: check.optedOut,
        updatesConsent: check.updatesConsent,
        tasksConsent: check.tasksConsent,
        identities: send.contact.identities.map((i) =>
          i.channel === identity.channel && i.externalId === identity.externalId ? { ...i, unreachableAt: check.unreachableAt } : i,
        ),
      }
    : undefined;
  const decision = decideDelivery(sourceOfDelivery(row, check.source), contact, now, ctx.rules);
  // Still "send" (to another identity, or a change reverted meanwhile): back to the queue to be decided afresh.
  return applyWithoutSending(ctx, row.id, decision.action === "send" ? { action: "release" } : decision, now);
}

async function applyWithoutSending(ctx: SendContext, id: string, decision: Exclude<DeliveryDecision, { action: "send" }>, now: Date): Promise<SendReport> {
  const { db, workerId } = ctx;
  if (decision.action === "skip") {
    const closed = await closeClaimedDeliveries(db, [id], workerId, { status: "skipped", reason: decision.reason, now });
    return { result: closed ? "skipped" : "lost" };
  }
  const requeue =
    decision.action === "wait" ? { now, notBefore: decision.until, reason: decision.reason } : decision.action === "handoff" ? { now, channel: decision.channel } : { now };
  const requeued = await requeueClaimedDeliveries(db, [id], workerId, requeue);
  return { result: !requeued ? "lost" : decision.action === "wait" ? "held" : "requeued" };
}
