import { setTimeout as delay } from "node:timers/promises";
import type { CountryCode } from "libphonenumber-js/max";
import type { Logger } from "pino";
import { serializeByKey } from "../../../conversation/serializeByKey.js";
import type { ConversationEngine, Reply } from "../../../conversation/types.js";
import { renderWhatsAppText } from "../renderWhatsAppText.js";
import { createLoginPrompt } from "./createLoginPrompt.js";
import { describeDisconnect } from "./describeDisconnect.js";
import { parseWhatsAppWebMessage } from "./parseWhatsAppWebMessage.js";
import { printQrToTerminal } from "./printQrToTerminal.js";
import { reconnectDelay, type ReconnectPolicy } from "./reconnectDelay.js";
import { toInbound } from "./toInbound.js";
import type { WhatsAppClient, WhatsAppClientEvent, WhatsAppClientEvents, WhatsAppMessage } from "./whatsAppClient.js";
import { WhatsAppNotConnectedError } from "./WhatsAppNotConnectedError.js";

export type WhatsAppWebStatus = "starting" | "waiting_for_login" | "ready" | "reconnecting" | "logged_out" | "stopped";

export interface WhatsAppWebChannelOptions {
  client: WhatsAppClient;
  engine: ConversationEngine;
  logger: Logger;
  /** For the sender's number; WhatsApp ids carry their country code, so it only satisfies normalizePhone. */
  defaultCountry: CountryCode;
  /** The line under a numbered list: "Balas dengan angka pilihanmu." */
  pickByNumberHint: (lang?: string) => string;
  apologyText: (lang?: string) => string;
  /** Where each login QR code is also saved as a PNG, for servers without a terminal at hand. */
  qrPngPath: string;
  /** Shows a login QR code; defaults to drawing it on stdout. */
  printQr?: (qr: string) => void | Promise<void>;
  reconnect?: ReconnectPolicy;
  clock?: () => Date;
  /** Waits between reconnect attempts; must reject when the signal aborts. */
  sleep?: (ms: number, signal: AbortSignal) => Promise<void>;
  random?: () => number;
}

export interface WhatsAppWebChannel {
  /** Starts connecting in the background and returns at once; status() tells how far it got. */
  start(): Promise<void>;
  stop(): Promise<void>;
  sendReply(externalId: string, reply: Reply, lang?: string): Promise<void>;
  sendInitiated(externalId: string, reply: Reply, lang?: string): Promise<void>;
  status(): WhatsAppWebStatus;
}

const DEFAULT_RECONNECT: ReconnectPolicy = { initialDelayMs: 5_000, maxDelayMs: 5 * 60_000 };

interface ConnectionLost {
  loggedOut: boolean;
}

/** The whatsapp-web.js adapter: messages in, engine turns, replies out, and a session kept alive. No business rules. */
export function createWhatsAppWebChannel(opts: WhatsAppWebChannelOptions): WhatsAppWebChannel {
  const { client, engine, logger } = opts;
  const clock = opts.clock ?? (() => new Date());
  const sleep = opts.sleep ?? ((ms: number, signal: AbortSignal) => delay(ms, undefined, { signal }));
  const random = opts.random ?? Math.random;
  const login = createLoginPrompt({ logger, qrPngPath: opts.qrPngPath, printQr: opts.printQr ?? ((qr) => printQrToTerminal(qr)) });
  const perChat = serializeByKey();
  // People whose replies go to a linked-id chat rather than "<externalId>@c.us".
  const chatIds = new Map<string, string>();
  const lifetime = new AbortController();
  let state: WhatsAppWebStatus = "stopped";
  let started = false;
  let attempt = 0;
  let connectionLost: (lost: ConnectionLost) => void = () => undefined;
  let supervising: Promise<void> | undefined;

  on("qr", (qr) => {
    state = "waiting_for_login";
    return login.showQr(qr);
  });
  on("code", (code) => {
    state = "waiting_for_login";
    login.showPairingCode(code);
  });
  on("authenticated", () => {
    logger.info("WhatsApp login accepted; loading chats");
    return login.loggedIn();
  });
  on("ready", () => {
    state = "ready";
    attempt = 0;
    logger.info("WhatsApp is connected and ready");
  });
  on("change_state", (waState) => logger.info({ state: waState }, "WhatsApp connection state changed"));
  on("disconnected", (reason) => {
    const { explanation, sessionGone } = describeDisconnect(reason);
    logger.warn({ reason }, `WhatsApp disconnected: ${explanation}`);
    lose(sessionGone, reason);
  });
  on("auth_failure", (message) => {
    logger.error({ reason: message }, "WhatsApp refused the saved session");
    lose(true, "auth_failure");
  });
  on("message", (payload) => {
    const parsed = parseWhatsAppWebMessage(payload);
    if (parsed.status === "invalid") {
      logger.warn({ message_id: parsed.messageId, problem: parsed.problem }, "WhatsApp message dropped: not the shape whatsapp-web.js sends");
      return;
    }
    const { message } = parsed;
    // Groups, statuses and notices are dropped before they queue behind anyone's turn.
    if (toInbound(message, { defaultCountry: opts.defaultCountry }, clock()) === null) return;
    void perChat.run(message.from, () => takeTurn(message));
  });

  /** Listens without ever letting an error escape into whatsapp-web.js's event emitter. */
  function on<E extends WhatsAppClientEvent>(event: E, handler: (...args: WhatsAppClientEvents[E]) => unknown): void {
    client.on(event, (...args) => {
      if (lifetime.signal.aborted) return;
      try {
        const result = handler(...args);
        if (result instanceof Promise) result.catch((err: unknown) => logger.error({ err, event }, "WhatsApp event handler failed"));
      } catch (err) {
        logger.error({ err, event }, "WhatsApp event handler failed");
      }
    });
  }

  function lose(loggedOut: boolean, reason: string): void {
    if (loggedOut) {
      logger.error({ reason }, "The saved WhatsApp session is gone: a new login is needed. Scan the new QR code (or enter the new pairing code) when it appears.");
    }
    state = loggedOut ? "logged_out" : "reconnecting";
    connectionLost({ loggedOut });
  }

  /** Keeps one browser session alive: initialize, wait until it is lost, tear it down, back off, again. */
  async function supervise(): Promise<void> {
    while (!lifetime.signal.aborted) {
      const lost = new Promise<ConnectionLost>((resolve) => (connectionLost = resolve));
      let outcome: ConnectionLost;
      try {
        // A session can also be lost while initialize() is still loading the page.
        outcome = await Promise.race([client.initialize().then(() => lost), lost]);
      } catch (err) {
        if (lifetime.signal.aborted) return;
        logger.error({ err }, "WhatsApp Web could not start");
        outcome = { loggedOut: state === "logged_out" };
        state = outcome.loggedOut ? "logged_out" : "reconnecting";
      }
      if (lifetime.signal.aborted) return;
      await destroyQuietly();
      const wait = reconnectDelay(attempt, opts.reconnect ?? DEFAULT_RECONNECT, random);
      attempt += 1;
      logger.info({ delayMs: wait, attempt }, `reconnecting to WhatsApp in ${Math.round(wait / 1000)} s`);
      // stop() aborts the wait; the loop condition then ends the loop.
      await sleep(wait, lifetime.signal).catch(() => undefined);
    }
  }

  async function destroyQuietly(): Promise<void> {
    await client.destroy().catch((err: unknown) => logger.warn({ err }, "closing the WhatsApp browser failed"));
  }

  async function takeTurn(message: WhatsAppMessage): Promise<void> {
    const messageId = message.id._serialized;
    try {
      const lidPhone = await lidPhoneOf(message);
      const inbound = toInbound(message, { defaultCountry: opts.defaultCountry, ...(lidPhone ? { lidPhone } : {}) }, clock());
      if (inbound === null) return;
      if (defaultChatId(inbound.externalId) === message.from) chatIds.delete(inbound.externalId);
      else chatIds.set(inbound.externalId, message.from);
      const turn = await engine.handle(inbound);
      // Someone who just wrote is waiting: replies go out at once, never through the pacer.
      for (const reply of turn.replies) await send(message.from, reply, turn.language ?? inbound.languageHint);
    } catch (err) {
      logger.error({ err, message_id: messageId }, "WhatsApp turn failed");
      await client
        .sendMessage(message.from, opts.apologyText())
        .catch((apologyErr: unknown) => logger.warn({ err: apologyErr, message_id: messageId }, "WhatsApp apology failed"));
    }
  }

  async function lidPhoneOf(message: WhatsAppMessage): Promise<string | undefined> {
    if (!message.from.endsWith("@lid") || !client.resolvePhone) return undefined;
    try {
      return await client.resolvePhone(message);
    } catch (err) {
      logger.warn({ err, message_id: message.id._serialized }, "could not find the number behind a WhatsApp linked id");
      return undefined;
    }
  }

  function render(reply: Reply, lang: string | undefined): string {
    return renderWhatsAppText(reply, opts.pickByNumberHint(lang));
  }

  async function deliver(externalId: string, reply: Reply, lang: string | undefined): Promise<void> {
    assertReady();
    await send(chatIds.get(externalId) ?? defaultChatId(externalId), reply, lang);
  }

  async function send(chatId: string, reply: Reply, lang: string | undefined): Promise<void> {
    if (reply.image && client.sendImage) {
      // Drawn now, after the turn has committed.
      const base64 = Buffer.from(await reply.image.png()).toString("base64");
      await client.sendImage(chatId, { mimetype: "image/png", base64, fileName: reply.image.fileName }, render(reply, lang));
      return;
    }
    await client.sendMessage(chatId, render(reply, lang));
  }

  function assertReady(): void {
    if (state !== "ready") throw new WhatsAppNotConnectedError(state);
  }

  return {
    async start() {
      if (started) throw new Error("WhatsApp channel already started");
      started = true;
      if (lifetime.signal.aborted) return;
      state = "starting";
      supervising = supervise().catch((err: unknown) => logger.error({ err }, "WhatsApp connection supervisor failed"));
    },
    async stop() {
      if (lifetime.signal.aborted) return;
      lifetime.abort();
      state = "stopped";
      connectionLost({ loggedOut: false });
      await supervising;
      await perChat.drain();
      await destroyQuietly();
      await login.drain();
    },
    sendReply: (externalId, reply, lang) => deliver(externalId, reply, lang),
    // Paced by the dispatcher's WhatsApp limiter (createWhatsAppWebLimiter), which skips the pace while not ready.
    async sendInitiated(externalId, reply, lang) {
      assertReady();
      await deliver(externalId, reply, lang);
    },
    status: () => state,
  };
}

// Linked-id people without a known number already carry their whole chat id as externalId.
function defaultChatId(externalId: string): string {
  return externalId.includes("@") ? externalId : `${externalId}@c.us`;
}
