// Which channels run, from the configuration. Each one is started here and its
// stop() registered, so main.ts only composes.
import { join, resolve } from "node:path";
import type { CountryCode } from "libphonenumber-js";
import { createTelegramChannel } from "../channels/telegram/createTelegramChannel.js";
import type { WhatsAppInitiatedSend } from "../channels/whatsapp/createWhatsAppBulkSender.js";
import { createWhatsAppCloudChannel } from "../channels/whatsapp/cloud/createWhatsAppCloudChannel.js";
import { createWhatsAppWebChannel } from "../channels/whatsapp/web/createWhatsAppWebChannel.js";
import { createWhatsAppWebClient } from "../channels/whatsapp/web/createWhatsAppWebClient.js";
import type { Config } from "../config.js";
import type { Translator } from "../conversation/createTranslator.js";
import type { ConversationEngine } from "../conversation/types.js";
import type { Database } from "../db/client.js";
import { createChannelLimiter, type ChannelLimiter } from "../delivery/createChannelLimiter.js";
import { createInitiatedPacer } from "../delivery/createInitiatedPacer.js";
import { readLastInboundAt } from "../domain/contacts/readLastInboundAt.js";
import { recordUnsentDelivery } from "../domain/deliveries/recordUnsentDelivery.js";
import type { Logger } from "../logger.js";
import type { OpsEndpoints } from "./createOpsEndpoints.js";
import { createRedisPacer } from "./createRedisPacer.js";
import { describeTelegramFailure } from "./describeTelegramFailure.js";

export interface StartedChannels {
  names: string[];
  telegramUsername?: string;
  /** Shared by Telegram replies and the dispatcher, so the bot stays within one limit. */
  telegramLimiter?: ChannelLimiter;
  /** The WhatsApp transport's way to send what the bot starts (broadcasts). */
  whatsapp?: WhatsAppInitiatedSend;
  stops: (() => Promise<void>)[];
}

export interface ChannelDeps {
  config: Config;
  engine: ConversationEngine;
  translator: Translator;
  db: Database;
  logger: Logger;
  /** /healthz and /metrics, served on the Telegram webhook server when there is one. */
  ops?: OpsEndpoints;
  /** Called when a channel dies after start-up and the process should end. */
  fatal: (message: string) => void;
}

export function channelsConfigured(config: Config): boolean {
  return Boolean(config.TELEGRAM_BOT_TOKEN || config.WHATSAPP_ENABLED || config.WHATSAPP_CLOUD_TOKEN);
}

export async function startChannels({ config, engine, translator, db, logger, fatal, ops }: ChannelDeps): Promise<StartedChannels> {
  const text = (key: string) => (lng?: string) => translator.forLanguage(lng ?? config.DEFAULT_LANGUAGE)(key);
  const started: StartedChannels = { names: [], stops: [] };

  if (config.TELEGRAM_BOT_TOKEN) {
    // Telegram's limit is per bot: with REDIS_URL every process of this bot shares one pace.
    const sharedPace = config.REDIS_URL ? createRedisPacer(config.REDIS_URL, `telegram:${config.TELEGRAM_BOT_TOKEN.split(":")[0]}`) : undefined;
    let lastPacerWarning = 0;
    started.telegramLimiter = createChannelLimiter({
      perSecond: config.TELEGRAM_PAID_BROADCAST ? config.TELEGRAM_PAID_RATE_PER_SECOND : config.TELEGRAM_RATE_PER_SECOND,
      perChatPerSecond: config.TELEGRAM_PER_CHAT_PER_SECOND,
      ...(sharedPace
        ? {
            pacerOptions: sharedPace.pacerOptions,
            onPacerError: (err: unknown) => {
              if (Date.now() - lastPacerWarning < 30_000) return;
              lastPacerWarning = Date.now();
              logger.warn({ err }, "Redis (REDIS_URL) is not answering: Telegram sending is paused until it is back, so no process goes over the limit");
            },
          }
        : {}),
    });
    const telegram = createTelegramChannel({
      limiter: started.telegramLimiter,
      ...(ops ? { ops: ops.handle } : {}),
      token: config.TELEGRAM_BOT_TOKEN,
      apiRoot: config.TELEGRAM_API_ROOT,
      engine,
      logger,
      sharePhoneLabel: text("volunteer.sharePhoneButton"),
      apologyText: text("errors.apology"),
      onPollingStopped: (error) => fatal(`Telegram polling stopped: ${describeTelegramFailure(error)}`),
      webhook: config.TELEGRAM_WEBHOOK_URL
        ? { url: config.TELEGRAM_WEBHOOK_URL, secret: config.TELEGRAM_WEBHOOK_SECRET ?? "", port: config.TELEGRAM_WEBHOOK_PORT, host: config.TELEGRAM_WEBHOOK_HOST }
        : undefined,
    });
    try {
      await telegram.start();
    } catch (error) {
      throw new Error(`Telegram: ${describeTelegramFailure(error)}`, { cause: error });
    }
    const limiter = started.telegramLimiter;
    // The limiter goes last: it may still hold a reply of a turn that telegram.stop() waits for.
    started.stops.push(async () => {
      await telegram.stop();
      await limiter.stop();
      await sharedPace?.close();
    });
    started.telegramUsername = telegram.botUsername();
    started.names.push(`telegram (@${started.telegramUsername ?? "?"}, ${config.TELEGRAM_WEBHOOK_URL ? "webhook" : "long polling"})`);
  }

  if (config.WHATSAPP_ENABLED) {
    const sessionDir = resolve(config.WHATSAPP_SESSION_DIR);
    const whatsapp = createWhatsAppWebChannel({
      client: createWhatsAppWebClient({ sessionDir, chromePath: config.CHROME_PATH, pairingPhone: config.WHATSAPP_PAIRING_NUMBER }),
      engine,
      logger,
      defaultCountry: config.DEFAULT_COUNTRY as CountryCode,
      pickByNumberHint: text("whatsapp.pickByNumber"),
      apologyText: text("errors.apology"),
      qrPngPath: join(sessionDir, "login-qr.png"),
      pacer: createInitiatedPacer({
        minIntervalMs: config.WHATSAPP_INITIATED_MIN_INTERVAL_SECONDS * 1000,
        jitterMs: config.WHATSAPP_INITIATED_JITTER_SECONDS * 1000,
        maxPerHour: config.WHATSAPP_INITIATED_MAX_PER_HOUR,
      }),
    });
    // Returns at once; logging in (QR or pairing code) and reconnecting run in the background.
    await whatsapp.start();
    started.stops.push(() => whatsapp.stop());
    started.whatsapp = whatsapp;
    started.names.push("whatsapp (whatsapp-web.js)");
  }

  if (config.WHATSAPP_CLOUD_TOKEN && config.WHATSAPP_CLOUD_PHONE_NUMBER_ID && config.WHATSAPP_CLOUD_APP_SECRET && config.WHATSAPP_CLOUD_VERIFY_TOKEN) {
    const cloud = createWhatsAppCloudChannel({
      apiRoot: config.WHATSAPP_CLOUD_API_ROOT,
      phoneNumberId: config.WHATSAPP_CLOUD_PHONE_NUMBER_ID,
      token: config.WHATSAPP_CLOUD_TOKEN,
      appSecret: config.WHATSAPP_CLOUD_APP_SECRET,
      verifyToken: config.WHATSAPP_CLOUD_VERIFY_TOKEN,
      port: config.WHATSAPP_CLOUD_WEBHOOK_PORT,
      host: config.WHATSAPP_CLOUD_WEBHOOK_HOST,
      engine,
      logger,
      texts: {
        pickByNumberHint: text("whatsapp.pickByNumber"),
        listButton: text("whatsapp.listButton"),
        choosePrompt: text("whatsapp.choosePrompt"),
        apology: text("errors.apology"),
      },
      serviceWindow: { lastInboundAt: (externalId) => readLastInboundAt(db, "whatsapp", externalId) },
      template: config.WHATSAPP_CLOUD_TEMPLATE_NAME ? { name: config.WHATSAPP_CLOUD_TEMPLATE_NAME, language: config.WHATSAPP_CLOUD_TEMPLATE_LANGUAGE } : undefined,
      recordUnsent: (externalId, reason, reply) =>
        recordUnsentDelivery(db, { channel: "whatsapp", externalId, text: reply.text, reason, at: new Date() }),
    });
    await cloud.start();
    started.stops.push(() => cloud.stop());
    started.whatsapp = cloud;
    started.names.push(`whatsapp (Cloud API, webhook on ${config.WHATSAPP_CLOUD_WEBHOOK_HOST}:${config.WHATSAPP_CLOUD_WEBHOOK_PORT}/whatsapp/webhook)`);
  }
  return started;
}
