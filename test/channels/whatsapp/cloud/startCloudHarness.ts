// The Cloud API channel wired the way main.ts will wire it, against a fake Graph API, with in-memory
// stand-ins for the dedupe table, and the unsent log.
import { createHmac } from "node:crypto";
import { pino } from "pino";
import {
  createWhatsAppCloudChannel,
  type WhatsAppCloudChannel,
  type WhatsAppCloudChannelOptions,
} from "../../../../src/channels/whatsapp/cloud/createWhatsAppCloudChannel.js";
import type { ConversationEngine, Reply } from "../../../../src/conversation/types.js";
import type { DeliveryReceipt } from "../../../../src/delivery/types.js";
import { startFakeGraphApi, type FakeGraphApi } from "../../../support/fakeGraphApi.js";

export const TOKEN = "EAAGm0PX4ZCpsBO-test-token";
export const APP_SECRET = "3f9c2b7e5d1a4c8e9b0f6a2d7c5e1b93";
export const VERIFY_TOKEN = "relawan-verify-7Q2x";
export const TEXTS = {
  pickByNumberHint: { id: "Balas dengan angka", en: "Reply with a number" },
  listButton: { id: "Pilih", en: "Choose" },
  choosePrompt: { id: "Silakan pilih:", en: "Please choose:" },
  apology: { id: "Maaf, ada gangguan. Coba lagi sebentar lagi ya.", en: "Sorry, something went wrong. Please try again shortly." },
} as const;

export interface CloudHarness {
  api: FakeGraphApi;
  channel: WhatsAppCloudChannel;
  base: string;
  hook: string;
  logs: Record<string, unknown>[];
  unsent: { externalId: string; reason: string; reply: Reply }[];
  /** What the channel handed on from status webhooks (also given to `onReceipts`, when passed). */
  receipts: DeliveryReceipt[];
  sleeps: number[];
  /** POSTs a body signed with the app secret over its exact bytes; `signature: null` sends none. */
  post(body: unknown, options?: { signature?: string | null }): Promise<Response>;
  stop(): Promise<void>;
}

export function sign(raw: string | Buffer, secret = APP_SECRET): string {
  return `sha256=${createHmac("sha256", secret).update(raw).digest("hex")}`;
}

export async function startCloudHarness(options: {
  engine: ConversationEngine;
  templates?: WhatsAppCloudChannelOptions["templates"];
  fetch?: typeof globalThis.fetch;
  onReceipts?: (receipts: DeliveryReceipt[]) => Promise<void> | void;
  limiter?: WhatsAppCloudChannelOptions["limiter"];
}): Promise<CloudHarness> {
  const api = await startFakeGraphApi();
  const logs: Record<string, unknown>[] = [];
  const logger = pino({ level: "debug" }, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  const unsent: CloudHarness["unsent"] = [];
  const sleeps: number[] = [];
  const receipts: DeliveryReceipt[] = [];
  const pick = (texts: { id: string; en: string }) => (lang?: string) => (lang === "en" ? texts.en : texts.id);

  const channel = createWhatsAppCloudChannel({
    apiRoot: api.url,
    phoneNumberId: "106540352242922",
    token: TOKEN,
    appSecret: APP_SECRET,
    verifyToken: VERIFY_TOKEN,
    port: 0,
    host: "127.0.0.1",
    engine: options.engine,
    logger,
    texts: {
      pickByNumberHint: pick(TEXTS.pickByNumberHint),
      listButton: pick(TEXTS.listButton),
      choosePrompt: pick(TEXTS.choosePrompt),
      apology: pick(TEXTS.apology),
    },
    ...(options.templates ? { templates: options.templates } : {}),
    recordUnsent: async (externalId, reason, reply) => void unsent.push({ externalId, reason, reply }),
    onReceipts: (received) => {
      receipts.push(...received);
      return options.onReceipts?.(received);
    },
    ...(options.fetch ? { fetch: options.fetch } : {}),
    ...(options.limiter ? { limiter: options.limiter } : {}),
    sleep: async (ms) => void sleeps.push(ms),
    maxAttempts: 4,
  });
  await channel.start();
  const address = channel.webhookAddress();
  if (!address) throw new Error("webhook server did not start");
  const base = `http://127.0.0.1:${address.port}`;
  const hook = `${base}/whatsapp/webhook`;

  return {
    api,
    channel,
    base,
    hook,
    logs,
    unsent,
    receipts,
    sleeps,
    post(body, postOptions = {}) {
      const raw = typeof body === "string" ? body : JSON.stringify(body);
      const signature = postOptions.signature === undefined ? sign(raw) : postOptions.signature;
      return fetch(hook, {
        method: "POST",
        headers: { "content-type": "application/json", ...(signature === null ? {} : { "x-hub-signature-256": signature }) },
        body: raw,
      });
    },
    async stop() {
      await channel.stop();
      await api.close();
    },
  };
}
