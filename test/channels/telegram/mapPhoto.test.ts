// /peta over real HTTP: the real engine behind telegraf, against the fake Bot API. The summary goes
// as a message, the map as an uploaded photo (a real PNG), after the turn has committed.
import { afterEach, describe, expect, it } from "vitest";
import { ensureAdmins } from "../../../src/domain/staff/ensureAdmins.js";
import { seedMapFixture } from "../../domain/maps/seedMapFixture.js";
import { createTestApp, type TestApp } from "../../support/createTestApp.js";
import { startTelegramHarness, type TelegramHarness } from "./startTelegramHarness.js";
import { SITI, textMessage } from "./updates.js";

let app: TestApp | undefined;
let harness: TelegramHarness | undefined;
afterEach(async () => {
  await harness?.stop();
  await app?.close();
  harness = undefined;
  app = undefined;
});

describe("Telegram, /peta with the real conversation core", () => {
  it("sends the strongest and weakest as text, then the province map as a photo", async () => {
    app = await createTestApp();
    await seedMapFixture(app.db, app.clock.now);
    await ensureAdmins(app.db, [String(SITI.id)], { at: app.clock.now });
    harness = await startTelegramHarness({ engine: app.engine });
    harness.api.pushUpdate(textMessage("/peta relawan"));

    const photo = await harness.api.waitFor((rs) => rs.find((r) => r.method === "sendPhoto"), 30_000);
    const raw = String(photo.body.raw);
    expect(raw).toMatch(new RegExp(`name="chat_id"\\r\\n\\r\\n${SITI.id}\\r\\n`));
    expect(raw).toContain('name="caption"\r\n\r\nRelawan per provinsi\r\n');
    expect(raw).toContain('filename="peta-volunteers-indonesia.png"');
    expect(raw).toContain("PNG\r\n\u001a\n");
    const summary = harness.api.calls("sendMessage").map((r) => String((r.body as { text: string }).text));
    expect(summary).toHaveLength(1);
    expect(summary[0]).toContain("Terkuat: Jawa Barat 4 · Papua Tengah 1");
    expect(summary[0]).toContain("Terlemah: DKI Jakarta 0");
    expect(harness.api.requests.filter((r) => r.method === "sendMessage" || r.method === "sendPhoto").map((r) => r.method)).toEqual(["sendMessage", "sendPhoto"]);
  });
});
