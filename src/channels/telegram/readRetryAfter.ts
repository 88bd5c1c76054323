import { TelegramError } from "telegraf";

/** How long a Bot API call refused with 429 asks the whole bot to wait (retry_after), in ms; undefined for any other error. */
export function readRetryAfter(error: unknown): number | undefined {
  const seconds = error instanceof TelegramError && error.code === 429 ? error.parameters?.retry_after : undefined;
  return seconds === undefined ? undefined : seconds * 1000;
}
