import http from "node:http";
import type { Logger } from "pino";
import type { Update } from "telegraf/types";
import { endResponse } from "../http/endResponse.js";
import { readRequestBody } from "../http/readRequestBody.js";
import { sameSecret } from "../http/sameSecret.js";

export interface WebhookServerOptions {
  path: string;
  secret: string;
  onUpdate: (update: Update) => Promise<void>;
  logger: Logger;
  maxBodyBytes?: number;
  /** Answers /healthz and /metrics (see src/app/createOpsEndpoints.ts); false for anything else. */
  ops?: (req: http.IncomingMessage, res: http.ServerResponse) => Promise<boolean>;
}

const SECRET_HEADER = "x-telegram-bot-api-secret-token";
// Telegram's updates are a few KB; anything near this is not Telegram.
const DEFAULT_MAX_BODY_BYTES = 1024 * 1024;

/**
 * The HTTP server Telegram posts updates to. We do not use telegraf's webhookCallback because it
 * answers every rejection with 403 and a bad body with 415; we want 401/403/413/400 told apart.
 */
export function createWebhookServer(options: WebhookServerOptions): http.Server {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    if (options.ops && (await options.ops(req, res))) return;
    const { pathname } = new URL(req.url ?? "/", "http://localhost");
    if (pathname === "/healthz" && (req.method === "GET" || req.method === "HEAD")) return endResponse(res, 200, "ok");
    if (pathname !== options.path) return endResponse(res, 404, "not found");
    if (req.method !== "POST") {
      res.setHeader("Allow", "POST");
      return endResponse(res, 405, "method not allowed");
    }

    const token = req.headers[SECRET_HEADER];
    if (token === undefined || token === "") return endResponse(res, 401, "missing secret token");
    if (typeof token !== "string" || !sameSecret(token, options.secret)) return endResponse(res, 403, "wrong secret token");

    const body = await readRequestBody(req, maxBodyBytes);
    if (body === "too_large") {
      res.setHeader("Connection", "close");
      endResponse(res, 413, "payload too large");
      req.resume(); // discard the rest until the socket closes
      return;
    }

    let update: unknown;
    try {
      update = JSON.parse(body.toString("utf8"));
    } catch {
      return endResponse(res, 400, "malformed JSON");
    }
    if (!isUpdate(update)) return endResponse(res, 400, "not a Telegram update");

    await options.onUpdate(update);
    endResponse(res, 200, "ok");
  }

  return http.createServer((req, res) => {
    handle(req, res).catch((err: unknown) => {
      options.logger.error({ err }, "telegram webhook request failed");
      if (!res.headersSent) endResponse(res, 500, "internal error");
      else res.destroy();
    });
  });
}

function isUpdate(value: unknown): value is Update {
  return (
    typeof value === "object" &&
    value !== null &&
    !Array.isArray(value) &&
    Number.isInteger((value as { update_id?: unknown }).update_id)
  );
}
