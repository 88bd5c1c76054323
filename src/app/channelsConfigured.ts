import type { Config } from "../config.js";

/** Telegram or WhatsApp is set up; without either, `npm start` opens the terminal chat. */
export function channelsConfigured(config: Config): boolean {
  return Boolean(config.TELEGRAM_BOT_TOKEN || config.WHATSAPP_ENABLED || config.WHATSAPP_CLOUD_TOKEN);
}
