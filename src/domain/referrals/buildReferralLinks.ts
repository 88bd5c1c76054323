/** Links that open a chat with the bot carrying a volunteer's referral code; absent where the bot is unknown. */
export interface ReferralLinks {
  /** https://t.me/<bot>?start=<code>: Telegram passes the code as /start <code>. */
  telegram?: string;
  /** https://wa.me/<number>?text=<code>: the chat opens with the code typed as the first message. */
  whatsapp?: string;
}

export interface BotAddresses {
  /** The Telegram bot's username, known once the bot has connected. */
  telegramUsername?: string;
  /** The WhatsApp number people write to, in international form ("+6281234567890" or "6281234567890"). */
  whatsappNumber?: string;
}

export function buildReferralLinks(code: string, bots: BotAddresses): ReferralLinks {
  const links: ReferralLinks = {};
  if (bots.telegramUsername) links.telegram = `https://t.me/${bots.telegramUsername}?start=${encodeURIComponent(code)}`;
  // wa.me wants the number as bare digits with the country code: no "+", spaces or dashes.
  const digits = bots.whatsappNumber?.replace(/\D/g, "");
  if (digits) links.whatsapp = `https://wa.me/${digits}?text=${encodeURIComponent(code)}`;
  return links;
}
