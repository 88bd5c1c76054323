import type { Config } from "../config.js";
import type { ChannelName } from "../conversation/types.js";

export type Role = Config["RELAWAN_ROLE"];

/**
 * Which channels this process sends what the bot starts on, and which it leaves to other
 * processes. A dispatcher sends on every channel reachable by plain HTTP (Telegram, WhatsApp's
 * Cloud API); a WhatsApp Web session can only send from the process that owns it, so that process
 * (role all or channels) sends for it, and a channels process sends nothing else.
 */
export function splitChannelsByRole(
  config: Config,
  role: Role,
  started: { whatsapp: boolean; whatsappSessionBound: boolean },
): { here: ChannelName[]; elsewhere: ChannelName[] } {
  const deployment: ChannelName[] = [];
  if (config.TELEGRAM_BOT_TOKEN) deployment.push("telegram");
  if (config.WHATSAPP_ENABLED || config.WHATSAPP_CLOUD_TOKEN) deployment.push("whatsapp");
  const sendsHere = (channel: ChannelName): boolean => {
    if (role === "all") return channel !== "whatsapp" || started.whatsapp;
    if (role === "channels") return channel === "whatsapp" && started.whatsappSessionBound;
    return channel === "telegram" || (started.whatsapp && !started.whatsappSessionBound);
  };
  return { here: deployment.filter(sendsHere), elsewhere: deployment.filter((channel) => !sendsHere(channel)) };
}
