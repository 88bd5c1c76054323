// Real telegraf, real HTTP, fake Bot API: the Telegram channel wired the way main.ts will wire it.
import { pino } from "pino";
import { createTelegramChannel, type TelegramChannel, type TelegramChannelOptions } from "../../../src/channels/telegram/createTelegramChannel.js";
import type { ConversationEngine } from "../../../src/conversation/types.js";
import type { ChannelLimiter } from "../../../src/delivery/createChannelLimiter.js";
import { startFakeBotApi, type FakeBotApi, TEST_BOT_TOKEN } from "../../support/fakeBotApi.js";

export const TOKEN = TEST_BOT_TOKEN;
export const WEBHOOK_SECRET = "relawan_webhook-Secret_42";
export const APOLOGY = { id: "Maaf, ada gangguan. Coba lagi sebentar lagi ya.", en: "Sorry, something went wrong. Please try again shortly." };
export const SHARE_PHONE = { id: "📱 Bagikan nomor HP", en: "📱 Share my number" };

export interface TelegramHarness {
  api: FakeBotApi;
  channel: TelegramChannel;
  /** Parsed pino lines the channel logged. */
  logs: Record<string, unknown>[];
  /** Base URL of the webhook server, in webhook mode. */
  webhookBase?: string;
  stop(): Promise<void>;
}

export async function startTelegramHarness(options: {
  engine: ConversationEngine;
  webhook?: boolean;
  clock?: () => Date;
  limiter?: ChannelLimiter;
}): Promise<TelegramHarness> {
  const api = await startFakeBotApi();
  const logs: Record<string, unknown>[] = [];
  const logger = pino({ level: "debug" }, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  const channelOptions: TelegramChannelOptions = {
    token: TOKEN,
    apiRoot: api.url,
    engine: options.engine,
    logger,
    sharePhoneLabel: (lang) => (lang === "en" ? SHARE_PHONE.en : SHARE_PHONE.id),
    apologyText: (lang) => (lang === "en" ? APOLOGY.en : APOLOGY.id),
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.limiter ? { limiter: options.limiter } : {}),
    ...(options.webhook
      ? { webhook: { url: "https://relawan.example.org/telegram/webhook", secret: WEBHOOK_SECRET, port: 0, host: "127.0.0.1" } }
      : {}),
  };
  const channel = createTelegramChannel(channelOptions);
  await channel.start();
  const address = channel.webhookAddress();
  return {
    api,
    channel,
    logs,
    ...(address ? { webhookBase: `http://127.0.0.1:${address.port}` } : {}),
    async stop() {
      await channel.stop();
      await api.close();
    },
  };
}
