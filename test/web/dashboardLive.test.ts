// GET /live/<topic> over real HTTP: server-sent events for the staff who may see the topic's pages,
// a change made in the database by anyone (another process, here a direct write) pushed within a
// read or two, and nothing left running when the page goes away or the server stops.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { LiveHub } from "../../src/web/live/createLiveHub.js";
import { contactOf, createTestApp, onboard, person, staffMember, type TestApp } from "../support/createTestApp.js";
import { createDashboardClient, DASHBOARD_URL, type DashboardClient } from "../support/dashboardClient.js";
import { openLiveStream } from "../support/openLiveStream.js";

let app: TestApp;
let browser: DashboardClient;
beforeEach(async () => {
  app = await createTestApp({ dashboardUrl: DASHBOARD_URL });
  browser = await createDashboardClient(app, { liveIntervalMs: 20 });
});
afterEach(async () => {
  await browser.close();
  await app.close();
});

const hubOf = (client: DashboardClient) => (client.server as unknown as { liveHub: LiveHub }).liveHub;

const openStream = (path: string) => openLiveStream(browser, path);

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe("GET /live/<topic>", () => {
  it("asks a visitor without a session to sign in, and refuses a voter", async () => {
    expect((await browser.get("/live/inbox")).statusCode).toBe(401);
    const voter = person(app, "telegram", "7300");
    await onboard(voter);
    await voter.say("/dasbor");
    expect((await browser.get("/live/broadcasts")).statusCode).toBe(401);
    expect((await browser.get("/live/nothing")).statusCode).toBe(404);
  });

  it("pushes the marker at once and again when another writer changes the inbox, then stops reading when the page goes", async () => {
    const coordinator = await staffMember(app, "coordinator", "7301");
    await browser.signIn(coordinator);
    const { response, events } = await openStream("/live/inbox");
    expect(response.statusCode).toBe(200);
    expect(response.headers["content-type"]).toBe("text/event-stream; charset=utf-8");
    expect(response.headers["content-security-policy"]).toContain("default-src 'none'");
    await until(() => events.length === 1);

    const voter = person(app, "telegram", "7302");
    await onboard(voter);
    // Written straight into the database, as a bot process elsewhere would.
    await app.db.inboxItem.create({ data: { contactId: (await contactOf(app, "telegram", "7302")).id, kind: "question", text: "Kapan kampanye?", language: "id", channel: "telegram" } });
    await until(() => events.length === 2);
    expect(events[1]).not.toBe(events[0]);
    expect(hubOf(browser).activity).toMatchObject({ topics: 1, followers: 1 });

    response.destroy();
    await until(() => hubOf(browser).activity.followers === 0);
    expect(hubOf(browser).activity).toEqual({ topics: 0, followers: 0, timers: 0 });
  });

  it("pushes a new broadcast to the broadcasts topic", async () => {
    const admin = await staffMember(app, "admin", "7303");
    await browser.signIn(admin);
    const { events } = await openStream("/live/broadcasts");
    await until(() => events.length === 1);
    const segment = await app.db.segment.create({ data: { name: "semua", definition: "{}", createdBy: "cli" } });
    await app.db.broadcast.create({ data: { texts: JSON.stringify({ id: "Halo" }), segmentId: segment.id, status: "sending", scheduledAt: app.clock.now, createdBy: "cli" } });
    await until(() => events.length === 2);
  });

  it("lets the server stop while a stream is open, ending it", async () => {
    const coordinator = await staffMember(app, "coordinator", "7304");
    await browser.signIn(coordinator);
    const { response, events } = await openStream("/live/inbox");
    await until(() => events.length === 1);
    const ended = new Promise((resolve) => response.on("end", resolve));
    await browser.server.close();
    await ended;
    expect(hubOf(browser).activity).toEqual({ topics: 0, followers: 0, timers: 0 });
  });
});
