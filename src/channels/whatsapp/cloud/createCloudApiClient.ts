import { setTimeout as delay } from "node:timers/promises";
import { describeNetworkFailure } from "../../http/describeNetworkFailure.js";
import { CloudApiError, CloudNetworkError } from "./cloudApiErrors.js";
import type { CloudMessageBody } from "./renderCloudMessage.js";

export interface CloudApiClientOptions {
  /** Graph API root including the version, e.g. https://graph.facebook.com/v23.0. */
  apiRoot: string;
  phoneNumberId: string;
  /** System-user access token, sent as `Authorization: Bearer`. */
  token: string;
  fetch?: typeof globalThis.fetch;
  sleep?: (ms: number) => Promise<void>;
  /** Tries per message, the first included. Default 4. */
  maxAttempts?: number;
  /** Source of jitter in [0, 1); injectable so tests see exact waits. */
  random?: () => number;
  /** Per request; a hung request would hold up everything queued behind it for that person. Default 15 s. */
  timeoutMs?: number;
  /** Told before each wait, for logging. */
  onRetry?: (error: Error, attempt: number, waitMs: number) => void;
}

export interface CloudApiClient {
  /**
   * `once`: a request that may have reached Meta (a timeout, a reset) is not sent again but thrown at
   * once, for a message the outbox records as uncertain rather than risk a duplicate.
   */
  send(body: CloudMessageBody, options?: { once?: boolean }): Promise<{ messageId: string }>;
}

// Throttling, per Meta's error-code reference: 4 app call limit, 80007 WABA limit, 130429 number throughput,
// 131056 pair rate limit (same business number to the same person too fast). All mean "slow down and retry",
// which is the channel limiter's to do (its pause, or the delivery's retry): the client throws them at once.
const THROTTLING_CODES: ReadonlySet<number> = new Set([4, 80007, 130429, 131056]);
// Temporary faults on Meta's side: 2 API service, 131016 service unavailable, 133004 server temporarily unavailable.
const TRANSIENT_CODES: ReadonlySet<number> = new Set([2, 131016, 133004]);
const BASE_DELAY_MS = 500;
// Waits longer than this are the delivery layer's problem, not something to sit out while a person waits.
const MAX_DELAY_MS = 30_000;

/**
 * Sends messages through `POST {apiRoot}/{phone-number-id}/messages`, retrying server faults. A
 * throttling answer is thrown at once (retryable, with Meta's Retry-After when it gave one): waiting
 * here would hold the limiter's slot and keep the rest of the channel going at the rate Meta refused.
 */
export function createCloudApiClient(options: CloudApiClientOptions): CloudApiClient {
  const fetch = options.fetch ?? globalThis.fetch;
  const sleep = options.sleep ?? ((ms: number) => delay(ms));
  const maxAttempts = Math.max(1, options.maxAttempts ?? 4);
  const random = options.random ?? Math.random;
  const timeoutMs = options.timeoutMs ?? 15_000;
  const url = `${options.apiRoot.replace(/\/+$/, "")}/${encodeURIComponent(options.phoneNumberId)}/messages`;

  async function attempt(body: CloudMessageBody, attempts: number, once: boolean): Promise<{ messageId: string } | { retryIn: number; error: Error }> {
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method: "POST",
        headers: { Authorization: `Bearer ${options.token}`, "Content-Type": "application/json" },
        body: JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await response.text();
    } catch (cause) {
      const { neverLeft } = describeNetworkFailure(cause);
      const error = new CloudNetworkError(`graph api unreachable: ${describe(cause)}`, attempts, { cause }, !neverLeft);
      // A reply that timed out may still have been delivered; a rare duplicate beats a lost reply.
      if (once && !neverLeft) throw error;
      return { retryIn: backoff(attempts), error };
    }

    const payload = parseJson(text);
    if (response.ok) {
      const messageId = messageIdOf(payload);
      if (messageId) return { messageId };
      throw new CloudApiError("graph api answered without a message id", {
        status: response.status,
        code: undefined,
        retryable: false,
        attempts,
      });
    }

    const graph = graphErrorOf(payload);
    const throttled = response.status === 429 || (graph.code !== undefined && THROTTLING_CODES.has(graph.code));
    const transient = response.status >= 500 || (graph.code !== undefined && TRANSIENT_CODES.has(graph.code));
    const retryAfterMs = parseRetryAfter(response.headers.get("retry-after"));
    const error = new CloudApiError(graph.message ?? `graph api answered HTTP ${response.status}: ${text.slice(0, 200)}`, {
      status: response.status,
      code: graph.code,
      subcode: graph.subcode,
      type: graph.type,
      fbtraceId: graph.fbtraceId,
      explanation: graph.explanation,
      retryable: throttled || transient,
      attempts,
      ...(retryAfterMs !== undefined && (throttled || retryAfterMs > MAX_DELAY_MS) ? { retryAfterMs } : {}),
    });
    if (!error.retryable || throttled) throw error;
    if (retryAfterMs !== undefined && retryAfterMs > MAX_DELAY_MS) throw error;
    return { retryIn: retryAfterMs ?? backoff(attempts), error };
  }

  // Exponential backoff with jitter in [half, full] of the step, so retries from many sends spread out.
  function backoff(attempts: number): number {
    const step = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** (attempts - 1));
    return Math.round(step / 2 + (random() * step) / 2);
  }

  return {
    async send(body, sendOptions) {
      for (let attempts = 1; ; attempts++) {
        const outcome = await attempt(body, attempts, sendOptions?.once ?? false);
        if ("messageId" in outcome) return outcome;
        if (attempts >= maxAttempts) throw outcome.error;
        options.onRetry?.(outcome.error, attempts, outcome.retryIn);
        await sleep(outcome.retryIn);
      }
    },
  };
}

interface GraphErrorFields {
  message?: string | undefined;
  code?: number | undefined;
  subcode?: number | undefined;
  type?: string | undefined;
  fbtraceId?: string | undefined;
  explanation?: string | undefined;
}

function graphErrorOf(payload: unknown): GraphErrorFields {
  const error = record(record(payload)?.error);
  if (!error) return {};
  return {
    message: typeof error.message === "string" ? error.message : undefined,
    code: numeric(error.code),
    subcode: numeric(error.error_subcode),
    type: typeof error.type === "string" ? error.type : undefined,
    fbtraceId: typeof error.fbtrace_id === "string" ? error.fbtrace_id : undefined,
    explanation: typeof record(error.error_data)?.details === "string" ? (record(error.error_data)?.details as string) : undefined,
  };
}

function messageIdOf(payload: unknown): string | undefined {
  const messages = record(payload)?.messages;
  const first = Array.isArray(messages) ? record(messages[0]) : undefined;
  return typeof first?.id === "string" && first.id !== "" ? first.id : undefined;
}

// Retry-After is either seconds or an HTTP date.
function parseRetryAfter(header: string | null): number | undefined {
  if (header === null || header.trim() === "") return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(header);
  return Number.isNaN(at) ? undefined : Math.max(0, at - Date.now());
}

// Graph sometimes writes codes as strings ("131056"); both mean the same.
function numeric(value: unknown): number | undefined {
  const n = typeof value === "string" && value.trim() !== "" ? Number(value) : value;
  return typeof n === "number" && Number.isInteger(n) ? n : undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function describe(cause: unknown): string {
  if (cause instanceof Error) {
    const inner = cause.cause instanceof Error ? `: ${cause.cause.message}` : "";
    return `${cause.message}${inner}`;
  }
  return String(cause);
}
