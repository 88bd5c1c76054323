// Duplicates and losses when dispatcher processes are SIGKILLed at random moments mid-broadcast.
import { Prisma } from "../src/db/client.js";
import { materializeDeliveries } from "../src/domain/deliveries/materializeDeliveries.js";
import { addBroadcast } from "../test/delivery/support/seedCampaign.js";
import { seedContacts } from "../test/delivery/support/seedContacts.js";
import { spawnDispatcher } from "../test/delivery/support/spawnDispatcher.js";
import { createBenchDatabase, type BenchDialect } from "./benchDatabase.js";
import { BENCH_TOKEN, waitUntilSettled } from "./benchDeliveryRate.js";
import { startFakeBotApiProcess } from "./startFakeBotApiProcess.js";

export async function benchKills(contacts: number, kills: number, perSecond: number, database: BenchDialect): Promise<void> {
  const fake = await startFakeBotApiProcess({ latencyMs: 5, keepAliveTimeoutMs: 60_000 });
  const store = await createBenchDatabase(database);
  const chats = await seedContacts(store.url, { count: contacts });
  const broadcast = await addBroadcast(store.db);
  await materializeDeliveries(store.db, broadcast, Prisma.sql`TRUE`, new Date(Date.now() - 1000));
  // Every dispatcher process opens the same DATABASE_URL, SQLite file or PostgreSQL database.
  // A short lease so the next process recovers quickly.
  const env = { DATABASE_URL: store.url, API_ROOT: fake.url, TOKEN: BENCH_TOKEN, RATE: String(perSecond), LEASE_MS: "1000" };
  const started = performance.now();
  const killedAt: number[] = [];
  for (let n = 0; n < kills; n++) {
    const before = (await fake.stats()).delivered;
    const worker = await spawnDispatcher({ ...env, WORKER_ID: `killed-${n}` });
    // Killed while it sends at full pace: once a few of its messages arrived, at a random moment of the next second.
    const deadline = performance.now() + 30_000;
    while ((await fake.stats()).delivered < before + 5 && performance.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 1000));
    worker.child.kill("SIGKILL");
    await worker.exited;
    killedAt.push((await fake.stats()).delivered);
  }
  const last = await spawnDispatcher({ ...env, WORKER_ID: "survivor" });
  await waitUntilSettled(store.db, broadcast);
  last.child.kill("SIGTERM");
  const { code } = await last.exited;
  const seconds = (performance.now() - started) / 1000;

  const stats = await fake.stats(true);
  const delivered = new Map(stats.byChat);
  const rows = await store.db.delivery.findMany({ where: { broadcastId: broadcast }, select: { status: true, contactId: true } });
  const chatOf = new Map((await store.db.channelIdentity.findMany({ select: { contactId: true, externalId: true } })).map((i) => [i.contactId, i.externalId]));
  const lost = rows.filter((r) => !delivered.has(chatOf.get(r.contactId!)!));
  const uncertain = rows.filter((r) => r.status === "uncertain");
  // Uncertain rows whose request never reached the Bot API: marked sending too early.
  const neverArrived = lost.filter((r) => r.status === "uncertain").length;
  const statuses = Object.entries(rows.reduce<Record<string, number>>((acc, r) => ({ ...acc, [r.status]: (acc[r.status] ?? 0) + 1 }), {}));
  console.log(
    `kills (${database}): ${contacts} contacts at ${perSecond} msg/s, ${kills} SIGKILLs (after ${killedAt.join(", ")} delivered) then one process to the end (exit ${code}), ${seconds.toFixed(1)} s: ` +
      `duplicates ${stats.duplicateMessages} (chats hit twice: ${stats.duplicateChats}); lost ${lost.length} of ${chats.length} ` +
      `(${lost.length - neverArrived} of them not marked uncertain); uncertain ${uncertain.length} = ${(uncertain.length / kills).toFixed(1)} per kill, ` +
      `${neverArrived} of them never arrived (${uncertain.length ? ((100 * neverArrived) / uncertain.length).toFixed(0) : "-"}%); statuses ${statuses.map(([s, n]) => `${s}=${n}`).join(", ")}`,
  );
  await fake.close();
  await store.close();
}
