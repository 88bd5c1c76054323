import { backoffDelay, type RetryPolicy } from "./backoffDelay.js";
import type { SendingResult } from "./settleSending.js";
import type { SendOutcome } from "./types.js";

export interface OutcomeEffects {
  result: SendingResult;
  /** The whole channel waits this long (429). */
  pauseChannelMs?: number;
  /** The identity is gone for good (403). */
  markUnreachable: boolean;
}

/**
 * What a platform's answer means for the delivery. `attempts` includes the one just made.
 * A 429 waits for the channel and costs no attempt; other retries back off until maxAttempts.
 */
export function toSendingResult(outcome: SendOutcome, attempts: number, policy: RetryPolicy, now: Date, random: () => number): OutcomeEffects {
  switch (outcome.status) {
    case "sent":
      return { result: { status: "sent", platformMessageId: outcome.platformMessageId, sentAs: outcome.sentAs }, markUnreachable: false };
    case "failed":
    case "skipped":
    case "uncertain":
      return { result: { status: outcome.status, reason: outcome.reason }, markUnreachable: false };
    case "unreachable":
      // "blocked" covers blocked and deactivated accounts alike; the platform's words go to the log.
      return { result: { status: "failed", reason: "blocked" }, markUnreachable: true };
    case "retry": {
      if (outcome.pauseChannelMs !== undefined) {
        const waitMs = Math.max(outcome.pauseChannelMs, outcome.retryAfterMs ?? 0);
        return {
          result: { status: "queued", reason: outcome.reason, notBefore: new Date(now.getTime() + waitMs), countsAsAttempt: false },
          pauseChannelMs: outcome.pauseChannelMs,
          markUnreachable: false,
        };
      }
      if (attempts >= policy.maxAttempts) return { result: { status: "failed", reason: outcome.reason }, markUnreachable: false };
      const waitMs = outcome.retryAfterMs ?? backoffDelay(attempts, policy, random);
      return {
        result: { status: "queued", reason: outcome.reason, notBefore: new Date(now.getTime() + waitMs), countsAsAttempt: true },
        markUnreachable: false,
      };
    }
  }
}
