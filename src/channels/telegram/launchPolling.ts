import { setTimeout as sleep } from "node:timers/promises";
import type { Logger } from "pino";
import type { Telegraf } from "telegraf";
import type { Convenience } from "telegraf/types";

export interface RunningPoll {
  /** Aborts the pending getUpdates, lets the batch in hand finish, and confirms its offset with Telegram. */
  stop(): Promise<void>;
}

/**
 * Starts long polling and resolves once telegraf is connected (getMe succeeded).
 * telegraf 4.16's launch() resolves only when polling ends, so it must not be awaited directly.
 */
export function launchPolling(
  bot: Telegraf,
  allowedUpdates: Convenience.UpdateType[],
  logger: Logger,
  onStopped: (err: unknown) => void = () => undefined,
): Promise<RunningPoll> {
  return new Promise((resolve, reject) => {
    let settled = false;
    let launched = false;
    const done = bot
      .launch({ allowedUpdates }, () => {
        launched = true;
        resolve({ stop });
      })
      .catch((err: unknown) => {
        if (!launched) return reject(err);
        // 401 (token revoked) or 409 (another instance polls): telegraf gives up; say so loudly.
        logger.error({ err }, "telegram long polling stopped");
        onStopped(err);
      })
      .finally(() => {
        settled = true;
      });

    async function stop(): Promise<void> {
      // onLaunch fires before telegraf's deleteWebhook and before its poller exists; until then
      // bot.stop() throws "Bot is not running!", so keep asking until it takes or launch gave up.
      while (!settled) {
        try {
          bot.stop("relawan stop");
          break;
        } catch {
          await sleep(10);
        }
      }
      await done;
    }
  });
}
