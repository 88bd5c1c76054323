// A coordinator broadcasts from the chat; the dispatcher sends it over real HTTP to a fake
// Bot API within the limits; the progress message is edited in place and the report posted.
import { pino } from "pino";
import { afterEach, describe, expect, it } from "vitest";
import { createTelegramBulkSender } from "../../src/channels/telegram/createTelegramBulkSender.js";
import { createTelegramStaffNotifier } from "../../src/channels/telegram/createTelegramStaffNotifier.js";
import { createProgressFormatter } from "../../src/conversation/createProgressFormatter.js";
import { createChannelLimiter } from "../../src/delivery/createChannelLimiter.js";
import { createDispatcher } from "../../src/delivery/createDispatcher.js";
import { createSendWindow, type SendWindow } from "../../src/delivery/createSendWindow.js";
import { createProgressReporter } from "../../src/delivery/createProgressReporter.js";
import { createBroadcastRenderer } from "../../src/domain/broadcasts/createBroadcastRenderer.js";
import { startFakeBotApi, type FakeBotApi, TEST_BOT_TOKEN } from "../support/fakeBotApi.js";
import { createTestApp, onboard, person, staffMember, type TestApp } from "../support/createTestApp.js";

const TOKEN = TEST_BOT_TOKEN;
let app: TestApp | undefined;
let api: FakeBotApi | undefined;
afterEach(async () => {
  await api?.close();
  await app?.close();
  app = api = undefined;
});

describe("broadcast, end to end", () => {
  it("reaches each consenting person once, skips STOP, and reports progress in one edited message", async () => {
    app = await createTestApp({ flood: { limit: 1000, windowMs: 1000 } });
    // Midday in Jakarta: no quiet hours in the way.
    app.clock.now = new Date("2026-11-26T05:00:00Z");
    api = await startFakeBotApi({ enforceLimits: { perSecond: 30, perChatPerSecond: 1 } });
    const voters = ["7001", "7002", "7003", "7004"];
    // 7004 stops before the broadcast is created, 7003 after it is queued.
    for (const id of voters) await onboard(person(app, "telegram", id), { language: id === "7002" ? "en" : "id" });
    await person(app, "telegram", "7004").say("STOP");
    await app.db.segment.create({ data: { name: "Semua", definition: "{}", createdBy: "test" } });
    const staff = await staffMember(app, "coordinator", "9100");

    await staff.say("/broadcast");
    await staff.say("Rapat akbar Sabtu 09.00 di alun-alun.");
    await staff.say("Big rally Saturday 9am at the town square.");
    await staff.pick("broadcast:skip");
    const segment = await app.db.segment.findUniqueOrThrow({ where: { name: "Semua" } });
    await staff.pick(`broadcast:segment:${segment.id}`);
    await staff.say("sekarang");
    await staff.pick("confirm:yes");
    const broadcast = await app.db.broadcast.findFirstOrThrow();

    // A STOP after queueing, before sending: that person's message must not go.
    await person(app, "telegram", "7003").say("BERHENTI");

    // Every call on the channel, broadcast or staff notice, holds a slot of the send window.
    const window = createSendWindow({ limit: 30, windowMs: 1000, intervalMs: 1000 / 30 });
    let granted = 0;
    const sendWindow: SendWindow = {
      grant: (wanted) => window.grant(wanted).then((answer) => ((granted += answer.slots.length), answer)),
      done: (slot) => window.done(slot),
    };
    const limiter = createChannelLimiter({ perSecond: 30, perChatPerSecond: 1, sendWindow });
    const logger = pino({ level: "silent" });
    const dispatcher = createDispatcher({
      db: app.db,
      senders: { telegram: createTelegramBulkSender({ token: TOKEN, apiRoot: api.url }) },
      limiters: { telegram: limiter },
      clock: () => app!.clock.now,
      renderBroadcast: createBroadcastRenderer({ translator: app.deps.translator, campaignName: app.content.campaign.campaign.name }),
      logger,
      defaultTimeZone: "Asia/Jakarta",
    });
    const reporter = createProgressReporter({
      db: app.db,
      notifiers: { telegram: createTelegramStaffNotifier({ token: TOKEN, apiRoot: api.url, limiter }) },
      format: createProgressFormatter(app.deps.translator.forLanguage("en")),
      clock: () => app!.clock.now,
      logger,
    });
    await reporter.tick();
    await dispatcher.runOnce();
    await reporter.tick();
    await dispatcher.runOnce(); // a second pass finds nothing left to send
    await reporter.tick();
    await limiter.stop();

    const broadcasts = api.calls("sendMessage").filter((r) => ["7001", "7002", "7003", "7004"].includes(String((r.body as { chat_id: number }).chat_id)));
    const byChat = new Map(broadcasts.map((r) => [String((r.body as { chat_id: number }).chat_id), String((r.body as { text: string }).text)]));
    expect([...byChat.keys()].sort()).toEqual(["7001", "7002"]);
    expect(broadcasts).toHaveLength(2);
    expect(byChat.get("7001")).toContain("Rapat akbar Sabtu 09.00 di alun-alun.");
    expect(byChat.get("7001")).toContain("Balas STOP untuk berhenti");
    expect(byChat.get("7002")).toContain("Big rally Saturday 9am at the town square.");
    expect(byChat.get("7002")).toContain("Nusa Bakti Volunteer Team (DEMO)");
    expect(api.rateLimited).toBe(0);
    // A slot may go unused (a row skipped after its grant), but no call leaves without one.
    expect(granted).toBeGreaterThanOrEqual(api.calls("sendMessage").length + api.calls("editMessageText").length);

    const after = await app.db.broadcast.findUniqueOrThrow({ where: { id: broadcast.id } });
    expect(after.status).toBe("completed");
    const deliveries = await app.db.delivery.findMany({ where: { broadcastId: broadcast.id }, orderBy: { contactId: "asc" } });
    // 7004 said STOP before: never queued. 7003 said it after: skipped at send time. The
    // coordinator is a subscriber too and gets it like everyone else.
    expect(deliveries).toHaveLength(4);
    expect(deliveries.map((d) => d.status).sort()).toEqual(["sent", "sent", "sent", "skipped"]);
    expect(deliveries.find((d) => d.status === "skipped")?.reason).toBe("opted_out");

    const toStaff = api.calls("sendMessage").filter((r) => String((r.body as { chat_id: number }).chat_id) === "9100");
    const edits = api.calls("editMessageText").filter((r) => String((r.body as { chat_id: number }).chat_id) === "9100");
    // The first message to the coordinator after confirming is the progress message; it is edited, not re-sent.
    const progressMessageId = Number(after.progressMessage);
    expect(progressMessageId).toBeGreaterThan(0);
    expect(edits.length).toBeGreaterThan(0);
    expect(edits.every((e) => (e.body as { message_id: number }).message_id === progressMessageId)).toBe(true);
    const lastReport = String(((toStaff.at(-1)?.body ?? {}) as { text?: string }).text ?? "");
    expect(lastReport).toContain("Broadcast report");
    expect(lastReport).toContain("Sent: 3 of 4");
    expect(lastReport).toContain("said STOP: 1");
  });
});
