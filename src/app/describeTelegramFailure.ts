/** One sentence a campaign's technical volunteer can act on, for Telegram start-up and polling failures. */
export function describeTelegramFailure(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  const description = (error as { description?: unknown }).description ?? (error as Error).message;
  if (code === 401) return "the Bot API refused TELEGRAM_BOT_TOKEN (401 Unauthorized). Copy the token from @BotFather again.";
  if (code === 409) return "another process is already receiving updates for this bot (409 Conflict). Stop it, or use one process per bot.";
  if (code === 404) return "the Bot API does not know this token (404). Check TELEGRAM_BOT_TOKEN and TELEGRAM_API_ROOT.";
  const network = ["ENOTFOUND", "ECONNREFUSED", "ETIMEDOUT", "EAI_AGAIN", "ECONNRESET"].find((c) => String(description).includes(c) || code === c);
  if (network) return `cannot reach the Bot API at TELEGRAM_API_ROOT (${network}). Check the network or TELEGRAM_API_ROOT.`;
  return String(description);
}
