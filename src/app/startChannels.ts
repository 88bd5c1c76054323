// Which channels run, from the configuration and the process's role. Each one is started here and
// its stop() registered, so main.ts only composes. A "dispatcher" process only sends: it starts no
// receiver and no WhatsApp Web session, which belong to the one process that owns them.
import { accessSync, constants } from "node:fs";
import { join, resolve } from "node:path";
import type { CountryCode } from "libphonenumber-js";
import { createTelegramChannel } from "../channels/telegram/createTelegramChannel.js";
import type { WhatsAppInitiatedSend } from "../channels/whatsapp/createWhatsAppBulkSender.js";
import { createWhatsAppCloudChannel } from "../channels/whatsapp/cloud/createWhatsAppCloudChannel.js";
import { toCloudTemplates } from "../channels/whatsapp/cloud/toCloudTemplates.js";
import { createWhatsAppWebChannel } from "../channels/whatsapp/web/createWhatsAppWebChannel.js";
import type { Config } from "../config.js";
import type { Translator } from "../conversation/createTranslator.js";
import type { ConversationEngine } from "../conversation/types.js";
import type { Database } from "../db/client.js";
import type { ChannelLimiter } from "../delivery/createChannelLimiter.js";
import { createInitiatedPacer } from "../delivery/createInitiatedPacer.js";
import { createReceiptWriter } from "../delivery/createReceiptWriter.js";
import { createWhatsAppCloudLimiter } from "../delivery/createWhatsAppCloudLimiter.js";
import { createWhatsAppWebLimiter } from "../delivery/createWhatsAppWebLimiter.js";
import type { ProcessIdentity } from "../domain/processes/acquireProcessLease.js";
import { recordUnsentDelivery } from "../domain/deliveries/recordUnsentDelivery.js";
import type { Logger } from "../logger.js";
import type { OpsEndpoints } from "./createOpsEndpoints.js";
import { createTelegramLimiter, type TelegramLimiter } from "../delivery/createTelegramLimiter.js";
import { describeListenFailure } from "./describeListenFailure.js";
import { describeTelegramFailure } from "./describeTelegramFailure.js";
import { makeFolder } from "../makeFolder.js";
import { StartupError } from "../StartupError.js";
import { holdProcessLease, type HeldLease } from "./holdProcessLease.js";

export interface StartedChannels {
  names: string[];
  telegramUsername?: string;
  /** Shared by Telegram replies and the dispatcher, so the bot stays within one limit. */
  telegramLimiter?: ChannelLimiter;
  /** The WhatsApp transport's way to send what the bot starts (broadcasts). */
  whatsapp?: WhatsAppInitiatedSend;
  /**
   * The dispatcher's WhatsApp lane's limiter: WhatsApp Web's pace for what the bot starts, or the
   * Cloud API's one limiter, which its replies share (WHATSAPP_CLOUD_RATE).
   */
  whatsappLimiter?: ChannelLimiter;
  /** WhatsApp Web sends only from the process that holds its session; the Cloud API from any. */
  whatsappSessionBound?: boolean;
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
  role: "all" | "channels" | "dispatcher";
  /** This process, as named in the leases other processes see. */
  me: ProcessIdentity;
}

export async function startChannels({ config, engine, translator, db, logger, fatal, ops, role, me }: ChannelDeps): Promise<StartedChannels> {
  const text = (key: string) => (lng?: string) => translator.forLanguage(lng ?? config.DEFAULT_LANGUAGE)(key);
  const started: StartedChannels = { names: [], stops: [] };
  // Before anything starts, so a wrong path stops start-up with nothing to undo.
  if (config.WHATSAPP_ENABLED && role !== "dispatcher") checkWhatsAppWebSettings(config.CHROME_PATH, resolve(config.WHATSAPP_SESSION_DIR));

  if (config.TELEGRAM_BOT_TOKEN) {
    const pace = createTelegramLimiter(config, logger);
    started.telegramLimiter = pace.limiter;
    if (role === "dispatcher") {
      // Sending only: the Bot API needs no session, so any number of dispatchers may send.
      started.stops.push(() => pace.stop());
      started.names.push("telegram (sending only)");
    } else {
      await startTelegram(pace);
    }
  }
  if (config.WHATSAPP_ENABLED && role !== "dispatcher") {
    const sessionDir = resolve(config.WHATSAPP_SESSION_DIR);
    // whatsapp-web.js and its browser driver load only for the bots that use them.
    const { createWhatsAppWebClient } = await import("../channels/whatsapp/web/createWhatsAppWebClient.js");
    const whatsapp = createWhatsAppWebChannel({
      client: createWhatsAppWebClient({ sessionDir, chromePath: config.CHROME_PATH, pairingPhone: config.WHATSAPP_PAIRING_NUMBER }),
      engine,
      logger,
      defaultCountry: config.DEFAULT_COUNTRY as CountryCode,
      pickByNumberHint: text("whatsapp.pickByNumber"),
      apologyText: text("errors.apology"),
      qrPngPath: join(sessionDir, "login-qr.png"),
    });
    const pacer = createInitiatedPacer({
      minIntervalMs: config.WHATSAPP_INITIATED_MIN_INTERVAL_SECONDS * 1000,
      jitterMs: config.WHATSAPP_INITIATED_JITTER_SECONDS * 1000,
      maxPerHour: config.WHATSAPP_INITIATED_MAX_PER_HOUR,
    });
    started.whatsappLimiter = createWhatsAppWebLimiter(pacer, () => whatsapp.status() === "ready");
    // Two processes on one session log each other out; on one number, both would answer everyone.
    const owner = config.WHATSAPP_BOT_NUMBER ?? config.WHATSAPP_PAIRING_NUMBER ?? sessionDir;
    const session = await holdOrRefuse(`whatsapp-web:${owner}`, `The WhatsApp Web session (${owner})`, "Only one process may own a WhatsApp Web session; run the others with --role dispatcher.");
    // Returns at once; logging in (QR or pairing code) and reconnecting run in the background.
    await whatsapp.start();
    started.stops.push(async () => {
      await whatsapp.stop();
      await session.release();
    });
    started.whatsapp = whatsapp;
    started.whatsappSessionBound = true;
    started.names.push("whatsapp (whatsapp-web.js)");
  }

  if (config.WHATSAPP_CLOUD_TOKEN && config.WHATSAPP_CLOUD_PHONE_NUMBER_ID && config.WHATSAPP_CLOUD_APP_SECRET && config.WHATSAPP_CLOUD_VERIFY_TOKEN) {
    // Status webhooks name the wamid each delivery keeps: delivered, read, or failed after Meta accepted it.
    // One rate and one pause for the business number: replies here, the dispatcher's sends, every process with REDIS_URL.
    const cloudLimiter = createWhatsAppCloudLimiter(config, logger);
    const receipts = createReceiptWriter({ db, channel: "whatsapp", logger, ...(ops ? { counted: (recorded) => ops.counters.receipts("whatsapp", recorded) } : {}) });
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
      limiter: cloudLimiter,
      texts: {
        pickByNumberHint: text("whatsapp.pickByNumber"),
        listButton: text("whatsapp.listButton"),
        choosePrompt: text("whatsapp.choosePrompt"),
        apology: text("errors.apology"),
      },
      templates: toCloudTemplates(config.WHATSAPP_CLOUD_TEMPLATE_NAME, config.WHATSAPP_CLOUD_TEMPLATE_LANGUAGE),
      recordUnsent: (externalId, reason, reply) =>
        recordUnsentDelivery(db, { channel: "whatsapp", externalId, text: reply.text, reason, at: new Date() }),
      onReceipts: (received) => receipts.add(received),
    });
    started.whatsapp = cloud;
    // WhatsApp Web's pace is not the Cloud API's: its lane gets the number's limiter.
    started.whatsappLimiter = cloudLimiter;
    if (role === "dispatcher") {
      // The Cloud API is plain HTTPS: a dispatcher sends through it without receiving webhooks.
      started.stops.push(() => cloudLimiter.stop());
      started.names.push("whatsapp (Cloud API, sending only)");
    } else {
      // Any number of processes may receive the webhook behind a load balancer.
      await cloud.start().catch(async (error: unknown) => {
        await cloudLimiter.stop();
        throw describeListenFailure(error, { portSetting: "WHATSAPP_CLOUD_WEBHOOK_PORT", hostSetting: "WHATSAPP_CLOUD_WEBHOOK_HOST", port: config.WHATSAPP_CLOUD_WEBHOOK_PORT, host: config.WHATSAPP_CLOUD_WEBHOOK_HOST }) ?? error;
      });
      // The limiter goes last: it may still hold a reply of a turn that cloud.stop() waits for.
      started.stops.push(async () => {
        await cloud.stop();
        await receipts.flush();
        await cloudLimiter.stop();
      });
      started.names.push(`whatsapp (Cloud API, webhook on ${config.WHATSAPP_CLOUD_WEBHOOK_HOST}:${config.WHATSAPP_CLOUD_WEBHOOK_PORT}/whatsapp/webhook)`);
    }
  }
  return started;

  async function startTelegram(pace: TelegramLimiter): Promise<void> {
    const telegram = createTelegramChannel({
      limiter: pace.limiter,
      ...(ops ? { ops: ops.handle } : {}),
      token: config.TELEGRAM_BOT_TOKEN!,
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
    // Telegram hands each update to one poller; two would take turns stealing them (409 Conflict).
    const polling = config.TELEGRAM_WEBHOOK_URL
      ? undefined
      : await holdOrRefuse(`telegram-polling:${botId(config.TELEGRAM_BOT_TOKEN!)}`, "Telegram long polling", "Run one polling process, or set TELEGRAM_WEBHOOK_URL: with a webhook any number of processes can receive updates behind a load balancer.");
    try {
      await telegram.start();
    } catch (error) {
      await polling?.release();
      const listen = describeListenFailure(error, { portSetting: "TELEGRAM_WEBHOOK_PORT", hostSetting: "TELEGRAM_WEBHOOK_HOST", port: config.TELEGRAM_WEBHOOK_PORT, host: config.TELEGRAM_WEBHOOK_HOST });
      throw listen ?? new Error(`Telegram: ${describeTelegramFailure(error)}`, { cause: error });
    }
    // The limiter goes last: it may still hold a reply of a turn that telegram.stop() waits for.
    started.stops.push(async () => {
      await telegram.stop();
      await polling?.release();
      await pace.stop();
    });
    started.telegramUsername = telegram.botUsername();
    const address = telegram.webhookAddress();
    const mode = config.TELEGRAM_WEBHOOK_URL && address ? `webhook on ${address.address}:${address.port}${new URL(config.TELEGRAM_WEBHOOK_URL).pathname}` : "long polling";
    started.names.push(`telegram (@${started.telegramUsername ?? "?"}, ${mode})`);
  }

  /** Takes the lease for work only one process may do, or explains who has it and stops start-up. */
  async function holdOrRefuse(name: string, what: string, advice: string): Promise<HeldLease> {
    const outcome = await holdProcessLease({ db, name, me, logger }, () => fatal(`${what} was taken over by another process (this one could not reach the database for too long); stopping so the two do not both answer.`));
    if (outcome.status === "held") return outcome.lease;
    const { by } = outcome;
    throw new Error(
      `${what} is already running in another Relawan process (pid ${by.pid} on ${by.host}, role ${by.role}, since ${by.acquiredAt.toISOString()}). ` +
        `${advice} If that process is gone, its claim runs out at ${by.leaseUntil.toISOString()}.`,
    );
  }
}

/**
 * What whatsapp-web.js needs on disk, checked before the browser starts: without a browser at
 * CHROME_PATH it would retry for ever, logging a stack each time.
 */
function checkWhatsAppWebSettings(chromePath: string, sessionDir: string): void {
  try {
    accessSync(chromePath, constants.X_OK);
  } catch (error) {
    const code = (error as { code?: string }).code;
    const what = code === "ENOENT" ? `there is no browser at ${chromePath}` : `${chromePath} cannot be run by this user (${code})`;
    throw new StartupError(`Configuration error: CHROME_PATH: ${what}. Install Chromium (sudo apt install chromium) or set CHROME_PATH to its path.`, 2);
  }
  try {
    makeFolder(sessionDir);
  } catch (error) {
    throw new StartupError(`Configuration error: WHATSAPP_SESSION_DIR: cannot create ${sessionDir} (${(error as { code?: string }).code}). Point it at a folder this user may write to.`, 2);
  }
}

/** The numeric part of a bot token: the bot's id, the same for every process of this bot. */
function botId(token: string): string {
  return token.split(":")[0] ?? token;
}
