import type { SendOutcome } from "../../../delivery/types.js";
import type { CloudApiError } from "./cloudApiErrors.js";
import { readCloudPause } from "./readCloudPause.js";

// 131056: the pair rate limit (one business number writing to one person too fast): only that delivery waits.
const PAIR_RATE_LIMIT = 131056;
// A wrong, expired or under-privileged token (190, 10, 200-299): no delivery can succeed until someone fixes it.
const BROKEN_TOKEN_PAUSE_MS = 60_000;

/**
 * What the Graph API's refusal means for a bot-started delivery, once the client's own retries (server faults) are spent.
 * Throttling is not retried by the client: the pause goes to the channel's limiter through the dispatcher.
 * 131047 (outside the 24-hour window) does not get here: the channel falls back as decideDelivery said.
 */
export function toCloudOutcome(error: CloudApiError): SendOutcome {
  const { code, status } = error;
  const reason = `cloud_api_${code ?? status}`;
  // 2xx without a message id: Meta may well have taken it.
  if (status >= 200 && status < 300) return { status: "uncertain", reason: `${reason}: ${error.message}` };
  if (status === 401 || code === 190 || code === 10 || (code !== undefined && code >= 200 && code < 300)) {
    return { status: "retry", reason, pauseChannelMs: BROKEN_TOKEN_PAUSE_MS };
  }
  if (code === PAIR_RATE_LIMIT) return { status: "retry", reason, ...(error.details.retryAfterMs === undefined ? {} : { retryAfterMs: error.details.retryAfterMs }) };
  const pauseChannelMs = readCloudPause(error);
  if (pauseChannelMs !== undefined) return { status: "retry", reason, pauseChannelMs };
  // 5xx and Meta's temporary faults (2, 131016, 133004): later, as an attempt.
  if (error.retryable) return { status: "retry", reason, ...(error.details.retryAfterMs === undefined ? {} : { retryAfterMs: error.details.retryAfterMs }) };
  // 131026 (undeliverable: not on WhatsApp, old app, terms not accepted) and other refusals of this message.
  return { status: "failed", reason: `${reason}: ${error.message}` };
}
