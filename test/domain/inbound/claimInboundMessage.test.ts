import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runTransaction } from "../../../src/db/runTransaction.js";
import { claimInboundMessage } from "../../../src/domain/inbound/claimInboundMessage.js";
import { createTestApp, type TestApp } from "../../support/createTestApp.js";

let app: TestApp;
beforeEach(async () => {
  app = await createTestApp();
});
afterEach(async () => {
  await app.close();
});

describe("claimInboundMessage", () => {
  it("claims a message id once per channel, also when asked concurrently", async () => {
    const at = new Date("2026-11-26T05:00:00Z");
    const results = await Promise.all(Array.from({ length: 5 }, () => claimInboundMessage(app.db, "whatsapp", "wamid.ABC", at)));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(await claimInboundMessage(app.db, "whatsapp", "wamid.ABC", at)).toBe(false);
    expect(await claimInboundMessage(app.db, "telegram", "wamid.ABC", at)).toBe(true);
    expect(await app.db.inboundReceipt.count()).toBe(2);
  });

  it("claims inside a turn's transaction, and a turn rolled back leaves the id free for the retry", async () => {
    const at = new Date("2026-11-26T05:00:00Z");
    const options = { timeout: 5000, maxWait: 5000 };
    await expect(
      runTransaction(
        app.db,
        async (tx) => {
          expect(await claimInboundMessage(tx, "telegram", "77", at)).toBe(true);
          expect(await claimInboundMessage(tx, "telegram", "77", at)).toBe(false);
          throw new Error("the turn failed");
        },
        options,
      ),
    ).rejects.toThrow("the turn failed");
    expect(await runTransaction(app.db, (tx) => claimInboundMessage(tx, "telegram", "77", at), options)).toBe(true);
    expect(await runTransaction(app.db, (tx) => claimInboundMessage(tx, "telegram", "77", at), options)).toBe(false);
  });
});
