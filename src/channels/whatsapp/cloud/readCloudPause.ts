import { CloudApiError } from "./cloudApiErrors.js";

// Throughput limits of the business number or account (4 app calls, 80007 WABA, 130429 number): the whole channel waits.
const CHANNEL_THROTTLING: ReadonlySet<number> = new Set([4, 80007, 130429]);
// Meta gives no Retry-After with most throttling answers; 5 s lets its per-second counters drain.
const THROTTLED_PAUSE_MS = 5_000;

/**
 * How long the whole Cloud API channel should pause after this refusal (HTTP 429, 4, 80007, 130429:
 * Meta's Retry-After, else 5 s), or undefined when it is no throughput limit. 131056, the pair rate,
 * is not: only the one person waits.
 */
export function readCloudPause(error: unknown): number | undefined {
  if (!(error instanceof CloudApiError)) return undefined;
  const { code, status } = error;
  if (status !== 429 && (code === undefined || !CHANNEL_THROTTLING.has(code))) return undefined;
  return error.details.retryAfterMs ?? THROTTLED_PAUSE_MS;
}
