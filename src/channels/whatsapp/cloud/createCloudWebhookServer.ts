import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import type { Logger } from "pino";
import { parseWebhook, type CloudInbound, type CloudStatus } from "./parseWebhook.js";
import { endResponse } from "../../http/endResponse.js";
import { readRequestBody } from "../../http/readRequestBody.js";
import { sameSecret } from "../../http/sameSecret.js";

export interface CloudWebhookDelivery {
  messages: CloudInbound[];
  statuses: CloudStatus[];
}

export interface CloudWebhookOutcome {
  /** False when part of the delivery must come again: the server answers 500 and Meta redelivers. */
  handled: boolean;
  /** Runs once the answer is written: sending replies must not hold up Meta's request. */
  afterResponse?: () => void;
}

export interface CloudWebhookServerOptions {
  path: string;
  /** The Meta app secret; Meta signs every POST body with it (X-Hub-Signature-256). */
  appSecret: string;
  /** The token typed into the app dashboard when subscribing the callback URL. */
  verifyToken: string;
  onDelivery: (delivery: CloudWebhookDelivery) => Promise<CloudWebhookOutcome>;
  logger: Logger;
  maxBodyBytes?: number;
}

const SIGNATURE_HEADER = "x-hub-signature-256";
const SIGNATURE = /^sha256=([0-9a-f]{64})$/i;
// WhatsApp webhooks are a few KB even when Meta batches; anything near this is not Meta.
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * The HTTP server Meta calls: GET for the subscription handshake, POST for signed notifications.
 * The signature is checked over the raw bytes before anything is parsed.
 */
export function createCloudWebhookServer(options: CloudWebhookServerOptions): http.Server {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const { logger } = options;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? "/", "http://localhost");
    if (url.pathname === "/healthz" && (req.method === "GET" || req.method === "HEAD")) return endResponse(res, 200, "ok");
    if (url.pathname !== options.path) return endResponse(res, 404, "not found");
    if (req.method === "GET") return verifySubscription(url.searchParams, res);
    if (req.method !== "POST") {
      res.setHeader("Allow", "GET, POST");
      return endResponse(res, 405, "method not allowed");
    }

    const signature = req.headers[SIGNATURE_HEADER];
    if (typeof signature !== "string" || signature === "") return endResponse(res, 401, "missing signature");

    const body = await readRequestBody(req, maxBodyBytes);
    if (body === "too_large") {
      res.setHeader("Connection", "close");
      endResponse(res, 413, "payload too large");
      req.resume(); // discard the rest until the socket closes
      return;
    }
    if (!signedBy(options.appSecret, body, signature)) {
      logger.warn({ bytes: body.length }, "whatsapp webhook with a wrong signature refused");
      return endResponse(res, 401, "wrong signature");
    }

    let json: unknown;
    try {
      json = JSON.parse(body.toString("utf8"));
    } catch (err) {
      logger.warn({ err, bytes: body.length }, "whatsapp webhook with malformed JSON refused");
      return endResponse(res, 400, "malformed JSON");
    }
    const parsed = parseWebhook(json);
    if (parsed.status === "invalid") {
      logger.warn({ problem: parsed.problem }, "whatsapp webhook of an unexpected shape refused");
      return endResponse(res, 400, "not a WhatsApp webhook");
    }

    // One line per part left out; the rest of the webhook goes ahead, and the 200 stops Meta redelivering the bad part.
    for (const part of parsed.dropped) logger.warn({ wamid: part.id, problem: part.problem }, "whatsapp webhook part of an unexpected shape dropped");
    const outcome = await options.onDelivery({ messages: parsed.messages, statuses: parsed.statuses });
    try {
      endResponse(res, outcome.handled ? 200 : 500, outcome.handled ? "ok" : "retry later");
    } finally {
      outcome.afterResponse?.();
    }
  }

  function verifySubscription(params: URLSearchParams, res: http.ServerResponse): void {
    const challenge = params.get("hub.challenge");
    const token = params.get("hub.verify_token");
    if (params.get("hub.mode") === "subscribe" && token !== null && challenge !== null && sameSecret(token, options.verifyToken)) {
      logger.info("whatsapp webhook subscription verified");
      return endResponse(res, 200, challenge);
    }
    logger.warn({ mode: params.get("hub.mode") }, "whatsapp webhook verification refused");
    endResponse(res, 403, "forbidden");
  }

  return http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      logger.error({ err }, "whatsapp webhook request failed");
      if (!res.headersSent) endResponse(res, 500, "internal error");
      else res.destroy();
    });
  });
}

// Both sides are 32-byte digests, so timingSafeEqual gets equal lengths and leaks nothing about the header.
function signedBy(appSecret: string, body: Buffer, header: string): boolean {
  const given = SIGNATURE.exec(header.trim());
  if (!given?.[1]) return false;
  const expected = createHmac("sha256", appSecret).update(body).digest();
  return timingSafeEqual(Buffer.from(given[1], "hex"), expected);
}

