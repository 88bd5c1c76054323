// The outbox side of a running bot: the dispatcher that sends what the bot starts
// (broadcasts, task offers and reminders) through each channel's limits, the progress reporter
// staff watch, and the sweep that queues task reminders.
import type { WhatsAppInitiatedSend } from "../channels/whatsapp/createWhatsAppBulkSender.js";
import type { Config } from "../config.js";
import { createProgressFormatter } from "../conversation/createProgressFormatter.js";
import { formatLocalTime } from "../domain/time/formatLocalTime.js";
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
import { parseQuietHours } from "../domain/schedule/parseQuietHours.js";
import { queueTaskReminders } from "../domain/tasks/queueTaskReminders.js";
import type { TaskVoice } from "../domain/tasks/renderTaskMessage.js";
import type { ProcessIdentity } from "../domain/processes/acquireProcessLease.js";
import type { Logger } from "../logger.js";
import { runWhileLeaseHeld } from "./runWhileLeaseHeld.js";

export interface DeliveryDeps {
  config: Config;
  db: Database;
  translator: Translator;
  campaign: CampaignFile;
  logger: Logger;
  telegramLimiter?: ChannelLimiter;
  whatsapp?: WhatsAppInitiatedSend;
  /** WhatsApp Web's pace (createWhatsAppWebLimiter), or the Cloud API's limiter its replies share (createWhatsAppCloudLimiter). */
  whatsappLimiter?: ChannelLimiter;
  /** The channels this process sends on, and those other processes of the deployment send on (splitChannelsByRole). */
  sending: { here: ChannelName[]; elsewhere: ChannelName[] };
  /** This process, for the leases of the work one process does for all (progress, reminders). */
  me: ProcessIdentity;
  /**
   * The terminal chat's sender (terminal mode): what the bot starts is printed into the chat. It
   * reaches only the person at this terminal, who is there when it prints, so quiet hours do not hold it.
   */
  terminal?: BulkSender;
  /** Told of sends and 429s, for /metrics. */
  observer?: { sent(channel: string): void; rateLimited(channel: string): void };
}

export async function startDelivery(deps: DeliveryDeps): Promise<{ stop(): Promise<void> }> {
  const { config, db, logger } = deps;
  const senders: Partial<Record<ChannelName, BulkSender>> = {};
  const notifiers: Partial<Record<ChannelName, StaffNotifier>> = {};
  const limiters: Partial<Record<ChannelName, ChannelLimiter>> = {};
  // Loaded only when configured: telegraf is a large part of a start-up's imports.
  if (config.TELEGRAM_BOT_TOKEN) {
    const { createTelegramStaffNotifier } = await import("../channels/telegram/createTelegramStaffNotifier.js");
    notifiers.telegram = createTelegramStaffNotifier({ token: config.TELEGRAM_BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT, limiter: deps.telegramLimiter });
  }
  const { here, elsewhere } = deps.sending;
  if (config.TELEGRAM_BOT_TOKEN && here.includes("telegram")) {
    const { createTelegramBulkSender } = await import("../channels/telegram/createTelegramBulkSender.js");
    senders.telegram = createTelegramBulkSender({ token: config.TELEGRAM_BOT_TOKEN, apiRoot: config.TELEGRAM_API_ROOT, paidBroadcast: config.TELEGRAM_PAID_BROADCAST });
    if (deps.telegramLimiter) limiters.telegram = deps.telegramLimiter;
  }
  if (deps.whatsapp && here.includes("whatsapp")) {
    const { createWhatsAppBulkSender } = await import("../channels/whatsapp/createWhatsAppBulkSender.js");
    senders.whatsapp = createWhatsAppBulkSender(deps.whatsapp);
    if (deps.whatsappLimiter) limiters.whatsapp = deps.whatsappLimiter;
  }
  if (deps.terminal) senders.console = deps.terminal;

  const quiet = deps.terminal ? null : parseQuietHours(config.QUIET_HOURS);
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
    leaseMs: config.DELIVERY_LEASE_SECONDS * 1000,
    elsewhere,
    ...(deps.observer ? { observer: deps.observer } : {}),
  });
  const reporter = createProgressReporter({
    db,
    notifiers,
    format: createProgressFormatter(deps.translator.forLanguage(config.DEFAULT_LANGUAGE), {
      formatTime: (at) => formatLocalTime(at, config.DEFAULT_LANGUAGE, config.TIMEZONE),
    }),
    clock: () => new Date(),
    logger,
  });
  await dispatcher.start();
  // With several dispatchers, one edits the staff's progress messages and one queues reminders.
  const leased = { db, me: deps.me, logger };
  const reporting = runWhileLeaseHeld({ ...leased, name: "broadcast-progress" }, { start: () => reporter.start(), stop: () => reporter.stop() });
  const voice: TaskVoice = {
    translator: deps.translator,
    campaignName: deps.campaign.campaign.name,
    formatTime: (date, language) => formatLocalTime(date, language, config.TIMEZONE),
  };
  const beforeMs = config.TASK_REMINDER_BEFORE;
  let sweep: { stop(): Promise<void> } | undefined;
  const reminders =
    beforeMs === null
      ? undefined
      : runWhileLeaseHeld(
          { ...leased, name: "task-reminders" },
          {
            start: () => void (sweep = startReminderSweep(db, beforeMs, voice, logger)),
            stop: async () => {
              await sweep?.stop();
              sweep = undefined;
            },
          },
        );
  return {
    async stop() {
      await reminders?.stop();
      await dispatcher.stop();
      await reporting.stop();
    },
  };
}

/** Every minute: reminders for tasks whose deadline is near (queueTaskReminders writes each once). */
function startReminderSweep(db: Database, beforeMs: number, voice: TaskVoice, logger: Logger, everyMs = 60_000): { stop(): Promise<void> } {
  let running: Promise<void> | undefined;
  const sweep = () => {
    // A slow sweep is skipped over, never run twice at once.
    if (running) return;
    running = queueTaskReminders(db, new Date(), beforeMs, voice)
      .then(
        (queued) => {
          if (queued > 0) logger.info({ queued }, "task reminders queued");
        },
        (error: unknown) => logger.error({ err: error }, "task reminder sweep failed"),
      )
      .finally(() => {
        running = undefined;
      });
  };
  sweep();
  const timer = setInterval(sweep, everyMs);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
