// The Cloud API's limiter with REDIS_URL: Meta counts per business number, so every process sending
// from it (a receiver's replies, dispatchers) shares one rate. Each process is a limiter made from
// the configuration, as startChannels makes it.
import { afterEach, describe, expect, it } from "vitest";
import type { Config } from "../../src/config.js";
import type { ChannelLimiter } from "../../src/delivery/createChannelLimiter.js";
import { createWhatsAppCloudLimiter } from "../../src/delivery/createWhatsAppCloudLimiter.js";
import { requireService } from "../support/requireService.js";
import { silentLogger } from "./support/seedCampaign.js";

const redisUp = await requireService("Redis", "127.0.0.1", 6379);
const opened: ChannelLimiter[] = [];

function processOf(phoneNumberId: string): ChannelLimiter {
  const config = { WHATSAPP_CLOUD_RATE: 10, WHATSAPP_CLOUD_PHONE_NUMBER_ID: phoneNumberId, REDIS_URL: "redis://127.0.0.1:6379" } as Config;
  const limiter = createWhatsAppCloudLimiter(config, silentLogger);
  opened.push(limiter);
  return limiter;
}

afterEach(async () => {
  for (const limiter of opened.splice(0)) await limiter.stop();
});

describe.skipIf(!redisUp)("the Cloud API's limiter shared in Redis", () => {
  it("holds two processes of one business number to WHATSAPP_CLOUD_RATE together, replies and broadcasts alike", async () => {
    const number = String(Date.now());
    const receiver = processOf(number);
    const dispatcher = processOf(number);
    const starts: number[] = [];
    const t0 = Date.now();
    const call = async () => void starts.push(Date.now());
    await Promise.all(Array.from({ length: 15 }, (_, i) => (i % 2 ? receiver.send("reply", `p${i}`, call) : dispatcher.schedule("bulk", `p${i}`, call))));
    // 15 at 10/s shared, evenly spaced: about 1.4 s. Each alone would allow 10/s, i.e. 20/s together.
    expect(Date.now() - t0).toBeGreaterThanOrEqual(1300);
    for (const t of starts) expect(starts.filter((s) => s >= t && s < t + 1000).length).toBeLessThanOrEqual(10);
  });
});
