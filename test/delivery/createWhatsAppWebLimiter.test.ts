import { describe, expect, it } from "vitest";
import type { InitiatedPacer } from "../../src/delivery/createInitiatedPacer.js";
import { createWhatsAppWebLimiter } from "../../src/delivery/createWhatsAppWebLimiter.js";

/** A pacer that holds each task until the test lets it go, counting the slots it hands out. */
function heldPacer() {
  const released: (() => void)[] = [];
  const pacer: InitiatedPacer & { slots: number } = {
    slots: 0,
    run(task) {
      pacer.slots++;
      return new Promise<void>((resolve) => released.push(resolve)).then(task);
    },
  };
  return { pacer, released };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 10));

describe("createWhatsAppWebLimiter", () => {
  it("holds a message the bot starts until the pacer lets it go, and the next one behind it", async () => {
    const { pacer, released } = heldPacer();
    const limiter = createWhatsAppWebLimiter(pacer, () => true);
    const sent: string[] = [];
    const first = limiter.schedule("bulk", "siti", async () => void sent.push("siti"));
    const second = limiter.schedule("bulk", "budi", async () => void sent.push("budi"));
    await settle();
    expect(sent).toEqual([]);
    expect(limiter.waiting()).toBe(1);

    released[0]!();
    await first;
    await settle();
    // One at a time: the second asks the pacer only once the first has gone.
    expect(sent).toEqual(["siti"]);
    expect(pacer.slots).toBe(2);
    released[1]!();
    await second;
    expect(sent).toEqual(["siti", "budi"]);
    expect(limiter.serial).toBe(true);
  });

  it("spends no paced slot while the session is not ready: the send fails at once and comes back later", async () => {
    const { pacer } = heldPacer();
    const limiter = createWhatsAppWebLimiter(pacer, () => false);
    await expect(limiter.schedule("bulk", "siti", () => Promise.reject(new Error("WhatsApp is not connected")))).rejects.toThrow("not connected");
    expect(pacer.slots).toBe(0);
  });
});
