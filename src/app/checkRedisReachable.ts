import { StartupError } from "../StartupError.js";

// A Redis on the same network answers in milliseconds; a missing one should not hold start-up long.
const CONNECT_TIMEOUT_MS = 3000;

/**
 * With REDIS_URL set, the processes of one bot share Telegram's limit through Redis: a process that
 * starts without it would pause all sending at once. So start-up asks Redis first and stops with one
 * line when it does not answer. (Later outages are waited out, see delivery/createTelegramLimiter.)
 */
export async function checkRedisReachable(url: string): Promise<void> {
  const { Redis } = await import("ioredis");
  const redis = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 0, retryStrategy: () => null, connectTimeout: CONNECT_TIMEOUT_MS });
  // ioredis rejects connect() with "Connection is closed."; the reason comes as an error event.
  let reason: (Error & { code?: string }) | undefined;
  redis.on("error", (error: Error) => (reason ??= error));
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    const failure = reason ?? (error as Error & { code?: string });
    const server = serverOf(url);
    if (/NOAUTH|WRONGPASS|invalid password|invalid username-password/i.test(failure.message)) {
      throw new StartupError(`Configuration error: REDIS_URL: Redis at ${server} refused the login (${failure.message}). Correct the user and password in REDIS_URL.`, 2);
    }
    throw new StartupError(`Cannot reach Redis at ${server} (REDIS_URL, ${failure.code ?? failure.message}). Start Redis, or remove REDIS_URL to run a single process without it.`, 1);
  } finally {
    redis.disconnect();
  }
}

/** host:port, never the password. */
function serverOf(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.hostname}:${parsed.port || "6379"}`;
  } catch {
    return "the server in REDIS_URL";
  }
}
