// The outbox side of a running bot: the dispatcher that sends what the bot starts
// (broadcasts) through each channel's limits, and the progress reporter staff watch.
import { createTelegramBulkSender } from "../channels/telegram/createTelegramBulkSender.js";
import { createTelegramStaffNotifier } from "../channels/telegram/createTelegramStaffNotifier.js";
import { createWhatsAppBulkSender, type WhatsAppInitiatedSend } from "../channels/whatsapp/createWhatsAppBulkSender.js";
import type { Config } from "../config.js";
import { createProgressFormatter } from "../conversation/createProgressFormatter.js";
import type { Translator } from "../conversation/createTranslator.js";
import type { ChannelName } from "../conversation/types.js";
import type { Database } from "../db/client.js";
import { DEFAULT_RETRY_POLICY } from "../delivery/backoffDelay.js";
import type { ChannelLimiter } from "../delivery/createChannelLimiter.js";
import { createDispatcher } from "../delivery/createDispatcher.js";
import { createProgressReporter } from "../delivery/createProgressReporter.js";
import type { BulkSender, StaffNotifier } from "../delivery/types.js";
import type { CampaignFile } from "../domain/content/contentSchema.js";
import { createBroadcastRenderer } from "../domain/broadcasts/createBroadcastRenderer.js";
import type { Logger } from "../logger.js";

export interface DeliveryDeps {
  config: Config;
  db: Database;
  translator: Translator;
  campaign: CampaignFile;
  logger: Logger;
  telegramLimiter?: ChannelLimiter;
  whatsapp?: WhatsAppInitiatedSend;
}

export async function startDelivery(deps: DeliveryDeps): Promise<{ stop(): Promise<void> }> {
  const { config, db, logger } = deps;
  const senders: Partial<Record<ChannelName, BulkSender>> = {};
  const notifiers: Partial<Record<ChannelName, StaffNotifier>> = {};
  const limiters: Partial<Record<ChannelName, ChannelLimiter>> = {};
  if (config.TELEGRAM_BOT_TOKEN) {
    senders.telegram = createTelegramBulkSender({ token: config.TELEGRAM_BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT, paidBroadcast: config.TELEGRAM_PAID_BROADCAST });
    notifiers.telegram = createTelegramStaffNotifier({ token: config.TELEGRAM_BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT, limiter: deps.telegramLimiter });
    if (deps.telegramLimiter) limiters.telegram = deps.telegramLimiter;
  }
  if (deps.whatsapp) senders.whatsapp = createWhatsAppBulkSender(deps.whatsapp);

  const quiet = config.QUIET_HOURS === "off" ? null : { start: config.QUIET_HOURS.slice(0, 5), end: config.QUIET_HOURS.slice(6) };
  const dispatcher = createDispatcher({
    db,
    senders,
    limiters,
    clock: () => new Date(),
    renderBroadcast: createBroadcastRenderer({ translator: deps.translator, campaignName: deps.campaign.campaign.name }),
    logger,
    quietHours: quiet,
    defaultTimeZone: config.TIMEZONE,
    blackout: config.blackout,
    retry: { ...DEFAULT_RETRY_POLICY, maxAttempts: config.DELIVERY_MAX_ATTEMPTS },
  });
  const reporter = createProgressReporter({
    db,
    notifiers,
    format: createProgressFormatter(deps.translator.forLanguage(config.DEFAULT_LANGUAGE)),
    clock: () => new Date(),
    logger,
  });
  await dispatcher.start();
  reporter.start();
  return {
    async stop() {
      await dispatcher.stop();
      await reporter.stop();
    },
  };
}
