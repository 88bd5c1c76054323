export interface RetryPolicy {
  /** Attempts that could have reached the person (429s do not count) before the delivery fails. */
  maxAttempts: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, baseDelayMs: 2_000, maxDelayMs: 5 * 60_000 };

/**
 * How long to wait before attempt `attempt + 1`: doubling from baseDelayMs, capped, and spread
 * over the upper half of that, so many deliveries failed by one outage do not return together.
 */
export function backoffDelay(attempt: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}
