export interface ReconnectPolicy {
  initialDelayMs: number;
  maxDelayMs: number;
}

// Up to this share of each delay is shaved off at random, so bots that dropped together do not return in step.
const JITTER_SHARE = 0.2;

/** How long to wait before reconnect attempt `attempt` (0 for the first): doubling from the initial delay, capped. */
export function reconnectDelay(attempt: number, policy: ReconnectPolicy, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** attempt);
  return Math.round(exponential * (1 - JITTER_SHARE * random()));
}
