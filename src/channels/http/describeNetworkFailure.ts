// Failures where the request never left this machine, so sending it again cannot make a duplicate.
const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "EHOSTUNREACH", "ENETUNREACH", "UND_ERR_CONNECT_TIMEOUT"]);

/**
 * A request that got no answer: its network code ("timeout" when it ran out of time) and whether it
 * surely never left. Any other failure (a timeout, a reset) may have reached the platform.
 */
export function describeNetworkFailure(err: unknown): { code: string; neverLeft: boolean } {
  const name = err instanceof Error ? err.name : "";
  if (name === "TimeoutError" || name === "AbortError") return { code: "timeout", neverLeft: false };
  const cause = err instanceof Error ? (err.cause as { code?: string } | undefined) : undefined;
  const code = cause?.code ?? (err as { code?: string } | undefined)?.code ?? "unknown";
  return { code, neverLeft: NOT_SENT_CODES.has(code) };
}
