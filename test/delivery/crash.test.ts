// Dispatchers in child processes against a real SQLite file and the fake Bot API over HTTP:
// killed mid-broadcast, stopped with SIGTERM, and two at once.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { Prisma } from "../../src/db/client.js";
import { materializeDeliveries } from "../../src/domain/deliveries/materializeDeliveries.js";
import { startFakeBotApi, type FakeBotApi, TEST_BOT_TOKEN } from "../support/fakeBotApi.js";
import { createTestDatabase, type TestDatabase } from "../support/createTestDatabase.js";
import { addBroadcast, statusCounts } from "./support/seedCampaign.js";
import { seedContacts } from "./support/seedContacts.js";
import { spawnDispatcher, type DispatcherProcess } from "./support/spawnDispatcher.js";

const TOKEN = TEST_BOT_TOKEN;

let t: TestDatabase;
let api: FakeBotApi;
const children: DispatcherProcess[] = [];

beforeEach(async () => {
  t = await createTestDatabase();
});

afterEach(async () => {
  for (const child of children.splice(0)) if (child.child.exitCode === null && child.child.signalCode === null) child.child.kill("SIGKILL");
  await api.close();
  await t.close();
});

async function broadcastTo(count: number) {
  const chats = await seedContacts(t.url, { count });
  return { broadcast: await queueBroadcast(), chats };
}

/** A broadcast due now to every contact. */
async function queueBroadcast(): Promise<string> {
  const broadcast = await addBroadcast(t.db);
  await materializeDeliveries(t.db, broadcast, Prisma.sql`TRUE`, new Date(Date.now() - 1000));
  return broadcast;
}

async function dispatcherProcess(workerId: string, extra: Record<string, string> = {}): Promise<DispatcherProcess> {
  const started = await spawnDispatcher({ DATABASE_URL: t.url, API_ROOT: api.url, TOKEN, WORKER_ID: workerId, ...extra });
  children.push(started);
  return started;
}

// Each test starts one or two Node processes (tsx, Prisma) and waits for them: seconds each on a busy machine.
const PROCESS_TEST_MS = 90_000;

async function waitUntilSettled(broadcast: string, timeoutMs = 40_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while ((await t.db.delivery.count({ where: { broadcastId: broadcast, status: { in: ["queued", "claimed", "sending"] } } })) > 0) {
    if (Date.now() > deadline) throw new Error(`not settled: ${JSON.stringify(await statusCounts(t.db, broadcast))}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe("dispatcher processes", () => {
  it("after a SIGKILL mid-broadcast, a new process finishes it: no duplicates, and only `uncertain` rows may be lost", async () => {
    api = await startFakeBotApi({ latencyMs: 20 });
    const { broadcast, chats } = await broadcastTo(300);
    const first = await dispatcherProcess("first", { RATE: "200", LEASE_MS: "1500" });
    await api.waitFor(() => api.calls("sendMessage").length >= 60, 15_000);
    first.child.kill("SIGKILL");
    await first.exited;
    const atKill = await statusCounts(t.db, broadcast);
    expect(atKill.queued ?? 0).toBeGreaterThan(0);

    const second = await dispatcherProcess("second", { RATE: "200", LEASE_MS: "1500" });
    await waitUntilSettled(broadcast);
    second.child.kill("SIGTERM");
    expect((await second.exited).code).toBe(0);

    const rows = await t.db.delivery.findMany({ where: { broadcastId: broadcast }, include: {} });
    expect(rows.every((d) => ["sent", "failed", "skipped", "uncertain"].includes(d.status))).toBe(true);
    const delivered = api.deliveredByChat();
    expect(Math.max(...delivered.values())).toBe(1);
    const identities = new Map((await t.db.channelIdentity.findMany()).map((i) => [i.contactId, i.externalId]));
    const lost = rows.filter((d) => !delivered.has(identities.get(d.contactId!)!));
    expect(lost.every((d) => d.status === "uncertain")).toBe(true);
    expect(rows.filter((d) => d.status === "sent").every((d) => delivered.has(d.externalId!))).toBe(true);
    expect(delivered.size + lost.length).toBe(chats.length);
    // Rows the killed process had claimed but not started were sent by the second one.
    expect(rows.filter((d) => d.claimedBy === "second").length).toBeGreaterThan(0);
  }, PROCESS_TEST_MS);

  it("on SIGTERM finishes the sends in flight, exits 0, and leaves nothing claimed or sending", async () => {
    api = await startFakeBotApi({ latencyMs: 300 });
    const { broadcast } = await broadcastTo(200);
    const worker = await dispatcherProcess("terminated", { RATE: "100" });
    await api.waitFor(() => api.calls("sendMessage").length >= 20, 15_000);

    worker.child.kill("SIGTERM");
    const { code } = await worker.exited;

    expect(code).toBe(0);
    const counts = await statusCounts(t.db, broadcast);
    expect(Object.keys(counts).sort()).toEqual(["queued", "sent"]);
    // Every call that left was answered before the process ended, and recorded as sent.
    expect(api.calls("sendMessage").length).toBe(counts.sent);
    expect(api.deliveredByChat().size).toBe(counts.sent);
  }, PROCESS_TEST_MS);

  it("two processes on one database file share a broadcast without sending anything twice", async () => {
    api = await startFakeBotApi({ latencyMs: 5 });
    const chats = await seedContacts(t.url, { count: 400 });
    // Both dispatching before anything is due: the one that was ready first could otherwise send much
    // of it, on a busy machine all of it, while the other was still loading, and share nothing.
    const workers = await Promise.all([dispatcherProcess("p1", { RATE: "300", BATCH_SIZE: "10" }), dispatcherProcess("p2", { RATE: "300", BATCH_SIZE: "10" })]);
    const broadcast = await queueBroadcast();

    await waitUntilSettled(broadcast);
    for (const worker of workers) worker.child.kill("SIGTERM");
    for (const worker of workers) expect((await worker.exited).code).toBe(0);

    const delivered = api.deliveredByChat();
    expect(delivered.size).toBe(chats.length);
    expect(Math.max(...delivered.values())).toBe(1);
    expect(api.calls("sendMessage")).toHaveLength(chats.length);
    const byWorker = await t.db.delivery.groupBy({ by: ["claimedBy"], where: { broadcastId: broadcast }, _count: true });
    expect(byWorker.map((w) => w.claimedBy).sort()).toEqual(["p1", "p2"]);
  }, PROCESS_TEST_MS);
});
