import { afterEach, beforeEach, describe, expect, it } from "vitest";
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
});
