import type http from "node:http";
import type { AddressInfo } from "node:net";
import type { Logger } from "pino";
import { serializeByKey } from "../../../conversation/serializeByKey.js";
import type { ConversationEngine, Reply } from "../../../conversation/types.js";
import { createChannelLimiter, type ChannelLimiter } from "../../../delivery/createChannelLimiter.js";
import { CloudApiError } from "./cloudApiErrors.js";
import { createCloudApiClient } from "./createCloudApiClient.js";
import { readCloudPause } from "./readCloudPause.js";
import { createCloudWebhookServer, type CloudWebhookDelivery, type CloudWebhookOutcome } from "./createCloudWebhookServer.js";
import type { CloudInbound, CloudStatus } from "./parseWebhook.js";
import { renderCloudMessage, type CloudMessageBody } from "./renderCloudMessage.js";
import { renderTemplateMessage, type CloudTemplate } from "./renderTemplateMessage.js";
import { toInbound } from "./toInbound.js";
import type { DeliveryReceipt, FreeFormWindow, MessageForm, SentAs } from "../../../delivery/types.js";

export interface WhatsAppCloudTexts {
  pickByNumberHint(lang?: string): string;
  listButton(lang?: string): string;
  choosePrompt(lang?: string): string;
  apology(lang?: string): string;
}

export interface WhatsAppCloudChannelOptions {
  /** Graph API root including the version, e.g. https://graph.facebook.com/v23.0. */
  apiRoot: string;
  phoneNumberId: string;
  token: string;
  appSecret: string;
  verifyToken: string;
  port: number;
  host?: string;
  /** Default "/whatsapp/webhook". */
  path?: string;
  engine: ConversationEngine;
  logger: Logger;
  texts: WhatsAppCloudTexts;
  /** Approved templates (one body parameter) by the person's language, "*" for all (see toCloudTemplates). */
  templates?: Readonly<Record<string, CloudTemplate>>;
  /** A reply Meta refused (131047: the window had closed after all), for someone to see. */
  recordUnsent: (externalId: string, reason: string, reply: Reply) => Promise<void>;
  /**
   * What Meta's status webhooks said about messages it accepted (delivered, read, failed), for the delivery
   * layer to record. The webhook is answered once this settles: 200 when it resolved, 500 (Meta sends
   * the webhook again) when it rejected, since Meta never resends a webhook it got a 200 for.
   */
  onReceipts?: (receipts: DeliveryReceipt[]) => Promise<void> | void;
  /**
   * The channel's one limiter (createWhatsAppCloudLimiter), shared with the dispatcher: replies go
   * through it ahead of broadcasts, and a throughput refusal (130429) pauses both. Unset (tests): unlimited.
   */
  limiter?: ChannelLimiter;
  fetch?: typeof globalThis.fetch;
  /** The server-fault backoff of the client and a reply's wait for Meta's pair rate (131056); injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
  maxAttempts?: number;
}

/** Sent (as free text or as the template, with the wamid Meta gave it), or not sent: the window was shut with nothing to fall back on. */
export type InitiatedOutcome = { status: "sent"; as: SentAs; messageId: string } | { status: "not_sent" };

export interface WhatsAppCloudChannel {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** A reply to someone who just wrote: within the 24-hour window by definition. */
  sendReply(externalId: string, reply: Reply, lang?: string): Promise<void>;
  /**
   * A message the bot starts (reminders, broadcasts), in the form the delivery layer decided. "not_sent":
   * Meta said the 24-hour window is closed and there is no template to fall back on.
   */
  sendInitiated(externalId: string, reply: Reply, lang?: string, form?: MessageForm): Promise<InitiatedOutcome>;
  /** Meta's 24-hour window and the approved templates, for the delivery layer's decision. */
  window: FreeFormWindow;
  webhookAddress(): AddressInfo | undefined;
}

const DEFAULT_PATH = "/whatsapp/webhook";
// Meta's customer service window: free-form messages only within 24 hours of the person's last message.
const SERVICE_WINDOW_MS = 24 * 60 * 60 * 1000;
const TEXT_ONLY: MessageForm = { as: "text", ifClosed: { skip: "outside_24h_window" } };
const OUTSIDE_WINDOW = 131047;
// Bot-started sends whose failure may still arrive as a status webhook; enough for a broadcast burst.
const TRACKED_INITIATED_SENDS = 5000;
// 131056: this business number wrote to this person too fast (Meta's pair rate). Only they wait.
const PAIR_RATE_LIMIT = 131056;
// A reply refused for the pair rate is tried again after 1, 2 and 4 s (Meta allows about one message every 6 s after a burst).
const PAIR_RATE_WAITS_MS = [1000, 2000, 4000];

interface TrackedSend {
  externalId: string;
  reply: Reply;
  wamids: string[];
  ifClosed: CloudTemplate | undefined;
  /** The late 131047's fallback, once started: Meta's resend of a webhook we answered 500 writes its receipt again, and sends nothing. */
  fallback?: Promise<DeliveryReceipt>;
}

interface Turn {
  externalId: string;
  wamid: string;
  replies: Reply[];
  language?: string;
}

/** The WhatsApp Cloud API adapter: signed webhooks in, engine turns, Graph API messages out. It holds no business rules. */
export function createWhatsAppCloudChannel(opts: WhatsAppCloudChannelOptions): WhatsAppCloudChannel {
  // An empty secret is one everybody knows: anyone could sign a webhook with it.
  if (opts.appSecret === "" || opts.verifyToken === "") throw new Error("whatsapp cloud appSecret and verifyToken must not be empty");
  const { engine, logger } = opts;
  const client = createCloudApiClient({
    apiRoot: opts.apiRoot,
    phoneNumberId: opts.phoneNumberId,
    token: opts.token,
    ...(opts.fetch ? { fetch: opts.fetch } : {}),
    ...(opts.sleep ? { sleep: opts.sleep } : {}),
    ...(opts.maxAttempts ? { maxAttempts: opts.maxAttempts } : {}),
    onRetry: (err, attempt, waitMs) => logger.warn({ err, attempt, waitMs }, "whatsapp send will be retried"),
  });
  const ownLimiter = opts.limiter ? undefined : createChannelLimiter({ perSecond: Number.POSITIVE_INFINITY, evenSpacing: false });
  const limiter = opts.limiter ?? ownLimiter!;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  const perPerson = serializeByKey();
  // wamid -> the bot-started send it belongs to, so a late 131047 status can still fall back to the template.
  const initiated = new Map<string, TrackedSend>();
  let server: http.Server | undefined;

  async function onDelivery(delivery: CloudWebhookDelivery): Promise<CloudWebhookOutcome> {
    let respond!: () => void;
    const responded = new Promise<void>((resolve) => (respond = resolve));
    try {
      const receiptsWritten = writeReceipts(delivery.statuses);
      const ours = delivery.messages.filter((inbound) => {
        if (inbound.phoneNumberId === opts.phoneNumberId) return true;
        logger.debug({ wamid: inbound.message.id, phone_number_id: inbound.phoneNumberId }, "whatsapp message for another business number ignored");
        return false;
      });
      // Every turn is queued before any send, so a send (which waits for the response) never sits ahead of a turn of the same webhook.
      const turns = ours.map((inbound) => {
        const key = personKey(inbound);
        return { key, turn: perPerson.run(key, () => takeTurn(inbound)) };
      });
      const sends = turns.map(({ key, turn }) =>
        perPerson.run(key, async () => {
          const handled = await turn.catch(() => undefined);
          await responded;
          if (handled) await sendTurn(handled);
        }),
      );
      const settled = await Promise.allSettled(turns.map(({ turn }) => turn));
      settled.forEach((result, i) => {
        if (result.status === "rejected") {
          logger.error({ err: result.reason, wamid: ours[i]?.message.id }, "whatsapp message not taken; Meta will redeliver");
        }
      });
      const written = await receiptsWritten;
      return {
        handled: settled.every((result) => result.status === "fulfilled") && written,
        afterResponse: () => {
          respond();
          void Promise.allSettled(sends);
        },
      };
    } catch (err) {
      respond();
      throw err;
    }
  }

  async function takeTurn(inbound: CloudInbound): Promise<Turn | undefined> {
    const { message } = inbound;
    const wamid = message.id;
    const turnMessage = toInbound(inbound);
    if (turnMessage === null) {
      logger.debug({ wamid, type: message.type }, "whatsapp message is not a turn");
      return undefined;
    }
    // The engine handles a redelivered wamid once: it claims the id in the turn's own transaction,
    // so a crash before the commit leaves the id free for Meta's redelivery.
    try {
      const turn = await engine.handle(turnMessage);
      if (turn.effects.some((effect) => effect.type === "duplicate")) {
        logger.info({ wamid }, "whatsapp message already handled; redelivery ignored");
        return undefined;
      }
      return { externalId: turnMessage.externalId, wamid, replies: turn.replies, language: turn.language };
    } catch (err) {
      // The turn rolled back; the person is asked to try again rather than left in silence.
      logger.error({ err, wamid }, "whatsapp turn failed");
      return { externalId: turnMessage.externalId, wamid, replies: [{ text: opts.texts.apology() }] };
    }
  }

  async function sendTurn(turn: Turn): Promise<void> {
    try {
      for (const reply of turn.replies) await answer(turn.externalId, reply, turn.language);
    } catch (err) {
      logger.error({ err, wamid: turn.wamid, ...graphFields(err) }, "whatsapp reply not sent");
    }
  }

  // The first part's wamid names the message: it is the one a closed window refuses, and the one the delivery keeps.
  // `initiated`: the outbox's message, sent once (see CloudApiClient.send), its first request in the slot the
  // dispatcher's limiter gave it and every further one in a turn of its own (sendMore), since Meta counts
  // requests; a reply takes its own turn in the limiter for each part, and may be sent twice rather than lost.
  async function deliver(externalId: string, reply: Reply, lang: string | undefined, ifClosed: CloudTemplate | undefined, initiated: boolean): Promise<{ outcome: InitiatedOutcome; wamids: string[] }> {
    const bodies = renderCloudMessage(externalId, reply, {
      pickByNumberHint: opts.texts.pickByNumberHint(lang),
      listButton: opts.texts.listButton(lang),
      choosePrompt: opts.texts.choosePrompt(lang),
    });
    const wamids: string[] = [];
    for (const [i, body] of bodies.entries()) {
      try {
        const sent = !initiated ? sendReplyPart(externalId, body) : i === 0 ? client.send(body, { once: true }) : limiter.sendMore(externalId, () => client.send(body, { once: true }));
        wamids.push((await sent).messageId);
      } catch (err) {
        // Only a refused first part means the window is shut; after that, resending all of it would repeat itself.
        if (wamids.length === 0 && isOutsideWindow(err)) return { outcome: await windowClosed(externalId, reply, ifClosed, initiated), wamids };
        throw err;
      }
    }
    return { outcome: { status: "sent", as: "text", messageId: wamids[0]! }, wamids };
  }

  /**
   * One part of a reply, in its turn on the channel's limiter. Throughput refusals pause the channel
   * there (and a pause of at most 5 s is sat out and the part sent once more); a pair-rate refusal
   * makes only this person wait, inside their own queue, before the part takes another turn.
   */
  async function sendReplyPart(externalId: string, body: CloudMessageBody): Promise<{ messageId: string }> {
    for (let retry = 0; ; retry++) {
      try {
        return await limiter.send("reply", externalId, () => client.send(body), readCloudPause);
      } catch (err) {
        const waitMs = PAIR_RATE_WAITS_MS[retry];
        if (!(err instanceof CloudApiError && err.code === PAIR_RATE_LIMIT) || waitMs === undefined) throw err;
        logger.warn({ err, retry: retry + 1, waitMs }, "whatsapp pair rate limit: this person's reply waits");
        await sleep(err.details.retryAfterMs ?? waitMs);
      }
    }
  }

  // A reply answers someone who just wrote: inside the window, with nothing decided to fall back on.
  async function answer(externalId: string, reply: Reply, lang: string | undefined): Promise<void> {
    const { outcome } = await deliver(externalId, reply, lang, undefined, false);
    if (outcome.status === "not_sent") await opts.recordUnsent(externalId, "outside_24h_window", reply);
  }

  /**
   * Meta says the window is shut although our record said open: the fallback decided beforehand (a bot-started
   * message, sent once), if any. `turnTaken`: the refused request used the turn, so the template takes another.
   */
  async function windowClosed(externalId: string, reply: Reply, ifClosed: CloudTemplate | undefined, turnTaken = false): Promise<InitiatedOutcome> {
    if (!ifClosed) {
      logger.info("whatsapp refused free text (131047) and there is no template to fall back on");
      return { status: "not_sent" };
    }
    const template = () => client.send(renderTemplateMessage(externalId, reply, ifClosed), { once: true });
    const { messageId } = await (turnTaken ? limiter.sendMore(externalId, template) : template());
    logger.info({ template: ifClosed.name }, "whatsapp refused free text (131047); template sent");
    return { status: "sent", as: "template", messageId };
  }

  /**
   * False when the receipts could not be written: the webhook must come again. A late 131047's template
   * is sent first, so the receipt naming it is written before the answer like the others.
   */
  async function writeReceipts(statuses: CloudStatus[]): Promise<boolean> {
    const { receipts, fallbacks } = receiptsOf(statuses);
    if (receipts.length + fallbacks.length === 0 || !opts.onReceipts) return true;
    try {
      await opts.onReceipts([...receipts, ...(await Promise.all(fallbacks.map(({ receipt }) => receipt)))]);
    } catch (err) {
      logger.warn({ err, receipts: receipts.length + fallbacks.length }, "whatsapp statuses not recorded; Meta will redeliver");
      return false;
    }
    // Forgotten only once its receipt is written: until then a resend finds the template already sent.
    for (const { send } of fallbacks) for (const part of send.wamids) initiated.delete(part);
    return true;
  }

  function receiptsOf(statuses: CloudStatus[]): { receipts: DeliveryReceipt[]; fallbacks: { send: TrackedSend; receipt: Promise<DeliveryReceipt> }[] } {
    const receipts: DeliveryReceipt[] = [];
    const fallbacks: { send: TrackedSend; receipt: Promise<DeliveryReceipt> }[] = [];
    for (const status of statuses) {
      if (status.phoneNumberId !== opts.phoneNumberId) continue;
      // Meta's time of the event, in unix seconds; "sent" only repeats what the send's answer said.
      const at = status.timestamp ? new Date(Number(status.timestamp) * 1000) : new Date();
      if (status.status === "delivered" || status.status === "read") receipts.push({ platformMessageId: status.id, event: status.status, at });
      if (status.status !== "failed") continue;
      const codes = (status.errors ?? []).map((e) => e.code);
      logger.warn({ wamid: status.id, errors: status.errors }, "whatsapp message failed after Meta accepted it");
      const send = initiated.get(status.id);
      if (send?.ifClosed && codes.includes(OUTSIDE_WINDOW)) {
        // Two parts of one message refused in one webhook: one fallback, one receipt.
        if (fallbacks.some((fallback) => fallback.send === send)) continue;
        send.fallback ??= fallBack(send, status.id, at);
        fallbacks.push({ send, receipt: send.fallback });
      } else receipts.push({ platformMessageId: status.id, event: "failed", at, reason: `cloud_api_${codes[0] ?? "unknown"}` });
    }
    return { receipts, fallbacks };
  }

  // A late 131047 for text our record allowed: the template decided beforehand goes instead, and the delivery names it.
  async function fallBack(send: TrackedSend, wamid: string, at: Date): Promise<DeliveryReceipt> {
    const first = send.wamids[0] ?? wamid;
    try {
      // Not the dispatcher's: it takes its own turn on the channel, ahead of broadcasts since Meta's webhook waits for it.
      const outcome = await perPerson.run(send.externalId, () =>
        limiter.send("reply", send.externalId, () => windowClosed(send.externalId, send.reply, send.ifClosed), readCloudPause),
      );
      if (outcome.status === "sent") return { platformMessageId: first, event: "replaced", at, by: outcome.messageId, sentAs: outcome.as };
    } catch (err) {
      logger.error({ err, wamid, ...graphFields(err) }, "whatsapp window fallback failed");
    }
    return { platformMessageId: first, event: "failed", at, reason: `cloud_api_${OUTSIDE_WINDOW}` };
  }

  function track(externalId: string, reply: Reply, wamids: string[], ifClosed: CloudTemplate): void {
    const send = { externalId, reply, wamids, ifClosed };
    for (const wamid of wamids) initiated.set(wamid, send);
    // Maps iterate in insertion order, so the first keys are the oldest sends.
    for (const oldest of initiated.keys()) {
      if (initiated.size <= TRACKED_INITIATED_SENDS) break;
      initiated.delete(oldest);
    }
  }

  return {
    async start() {
      if (server) throw new Error("whatsapp cloud channel already started");
      const listening = createCloudWebhookServer({
        path: opts.path ?? DEFAULT_PATH,
        appSecret: opts.appSecret,
        verifyToken: opts.verifyToken,
        logger,
        onDelivery,
      });
      await new Promise<void>((resolve, reject) => {
        listening.once("error", reject);
        listening.listen(opts.port, opts.host, () => {
          listening.off("error", reject);
          resolve();
        });
      });
      server = listening;
    },
    async stop() {
      const current = server;
      server = undefined;
      if (current) await new Promise<void>((resolve, reject) => current.close((err) => (err ? reject(err) : resolve())));
      await perPerson.drain();
      // A shared limiter is stopped by whoever made it, after the channel (its replies may still be in it).
      await ownLimiter?.stop();
    },
    async sendReply(externalId, reply, lang) {
      await perPerson.run(externalId, () => answer(externalId, reply, lang));
    },
    sendInitiated(externalId, reply, lang, form = TEXT_ONLY) {
      return perPerson.run(externalId, async () => {
        if (form.as === "template") {
          const { messageId } = await client.send(renderTemplateMessage(externalId, reply, form.template), { once: true });
          return { status: "sent", as: "template", messageId };
        }
        const ifClosed = "template" in form.ifClosed ? form.ifClosed.template : undefined;
        const { outcome, wamids } = await deliver(externalId, reply, lang, ifClosed, true);
        // Kept only where a late 131047 has something to fall back on; otherwise the receipt alone fails the delivery.
        if (outcome.status === "sent" && outcome.as === "text" && ifClosed) track(externalId, reply, wamids, ifClosed);
        return outcome;
      });
    },
    window: { ms: SERVICE_WINDOW_MS, templates: opts.templates ?? {} },
    webhookAddress: () => (server?.address() as AddressInfo | null) ?? undefined,
  };
}

// Per-person ordering; a username-only sender has no number, and their messages are not turns anyway.
function personKey(inbound: CloudInbound): string {
  return inbound.message.from ?? inbound.message.from_user_id ?? inbound.message.id;
}

function isOutsideWindow(err: unknown): boolean {
  return err instanceof CloudApiError && err.code === OUTSIDE_WINDOW;
}

function graphFields(err: unknown): Record<string, unknown> {
  return err instanceof CloudApiError ? { code: err.code, status: err.status, fbtrace_id: err.details.fbtraceId } : {};
}
