// "Live means live" across processes: the dashboard in this process, a dispatcher in another (its
// own Node process on the same database, as `--role dispatcher` runs one), sending to the fake Bot
// API. The broadcast stream (/live/broadcasts) tells the open page of every step the other process
// makes, and the page, drawn again, shows the figures it wrote until 100%. The live hub reads the
// database (no Redis message needed), so this holds on SQLite and on PostgreSQL (npm run test:pg).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createTestApp, staffMember, type TestApp } from "../support/createTestApp.js";
import { createDashboardClient, DASHBOARD_URL, type DashboardClient } from "../support/dashboardClient.js";
import { openLiveStream } from "../support/openLiveStream.js";
import { startFakeBotApi, TEST_BOT_TOKEN, type FakeBotApi } from "../support/fakeBotApi.js";
import { seedBroadcast, seedTelegramAudience } from "../support/seedBroadcast.js";
import { spawnDispatcher, type DispatcherProcess } from "../delivery/support/spawnDispatcher.js";

const PEOPLE = 20;
let app: TestApp;
let browser: DashboardClient;
let api: FakeBotApi;
let other: DispatcherProcess | undefined;

beforeEach(async () => {
  app = await createTestApp({ dashboardUrl: DASHBOARD_URL });
  // Real time: the other process sends by the real clock.
  app.clock.now = new Date();
  browser = await createDashboardClient(app, { liveIntervalMs: 100 });
  api = await startFakeBotApi();
});
afterEach(async () => {
  if (other) {
    other.child.kill("SIGTERM");
    await other.exited;
  }
  await api.close();
  await browser.close();
  await app.close();
});

const figure = (body: string, key: string) => Number(new RegExp(`data-figure="${key}"><span class="value">(\\d+)<`).exec(body)?.[1]);

describe("a broadcast's page while another process sends it", { timeout: 120_000 }, () => {
  it("is told of each step by the stream and shows the other process's figures up to 100%", async () => {
    const { segmentId, chatIds } = await seedTelegramAudience(app.db, PEOPLE, 650_000);
    const id = await seedBroadcast(app.db, { segmentId, now: app.clock.now });
    await browser.signIn(await staffMember(app, "coordinator", "9701"));
    expect(figure((await browser.get(`/siaran/${id}`)).body, "sent")).toBe(0);
    const { response, events } = await openLiveStream(browser, "/live/broadcasts");
    expect(response.statusCode).toBe(200);

    other = await spawnDispatcher({ DATABASE_URL: app.dbUrl, API_ROOT: api.url, TOKEN: TEST_BOT_TOKEN, WORKER_ID: "other-process", RATE: "5" });
    // Each time the stream says "changed", the page is drawn again, as /assets/live.js does.
    const seen: number[] = [];
    let handled = 0;
    let page = "";
    while (!page.includes('id="broadcast-bar" max="100" value="100"')) {
      while (events.length === handled) await new Promise((resolve) => setTimeout(resolve, 20));
      handled = events.length;
      page = (await browser.get(`/siaran/${id}`)).body;
      seen.push(figure(page, "sent"));
    }
    // The other process's progress reached the page through the stream: more than the first marker was pushed.
    expect(handled).toBeGreaterThan(1);
    expect(seen.at(-1)).toBe(PEOPLE);
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(figure(page, "failed") + figure(page, "skipped") + figure(page, "uncertain") + figure(page, "waiting")).toBe(0);
    expect(page).toContain(`100% selesai: ${PEOPLE} dari ${PEOPLE} pesan sudah tuntas`);
    expect([...api.deliveredByChat().keys()].sort()).toEqual([...chatIds].sort());
    response.destroy();
  });
});
