import type { Config } from "../config.js";
import type { ChannelLimiter } from "./createChannelLimiter.js";
import type { Logger } from "../logger.js";
import { createPlatformLimiter } from "./createPlatformLimiter.js";

/**
 * The Cloud API's one limiter for this process: replies and what the bot starts share
 * WHATSAPP_CLOUD_RATE (Meta's throughput is per business phone number, 80 msg/s by default), and
 * one pause when Meta says slow down (130429). With REDIS_URL every process sending from this
 * number shares it. No per-person spacing here: Meta's pair rate (131056) allows bursts, so a
 * refused person waits on their own (see toCloudOutcome and the channel's replies).
 */
export function createWhatsAppCloudLimiter(config: Config, logger: Logger): ChannelLimiter {
  return createPlatformLimiter(
    {
      perSecond: config.WHATSAPP_CLOUD_RATE,
      key: `relawan:whatsapp-cloud:${config.WHATSAPP_CLOUD_PHONE_NUMBER_ID ?? ""}`,
      label: "WhatsApp Cloud API",
      redisUrl: config.REDIS_URL,
    },
    logger,
  );
}
