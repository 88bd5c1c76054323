// WhatsApp Cloud API status webhooks: signed webhooks posted over HTTP to the real Cloud adapter,
// each answered once its receipt is written (createReceiptWriter). The figures are answers per second
// and their latency, with one webhook at a time (a sender that waits for each answer) and with many.
import { Prisma } from "../src/db/client.js";
import { refreshPlannerStatistics } from "../src/db/refreshPlannerStatistics.js";
import { createReceiptWriter } from "../src/delivery/createReceiptWriter.js";
import { materializeDeliveries } from "../src/domain/deliveries/materializeDeliveries.js";
import { echo, recordingEngine } from "../test/channels/telegram/recordingEngine.js";
import { SITI, statusWebhook } from "../test/channels/whatsapp/cloud/payloads.js";
import { startCloudHarness } from "../test/channels/whatsapp/cloud/startCloudHarness.js";
import { addBroadcast, silentLogger } from "../test/delivery/support/seedCampaign.js";
import { seedContacts } from "../test/delivery/support/seedContacts.js";
import { createBenchDatabase, type BenchDialect } from "./benchDatabase.js";

export interface ReceiptRound {
  concurrency: number;
  webhooks: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** The bench process's CPU per webhook: the adapter and the writer, and the HTTP client posting. */
  cpuMsPerWebhook: number;
  /** Writes (recordDeliveryReceipts calls) for the round's receipts. */
  writes: number;
}

export async function benchReceipts(deliveries: number, concurrencies: readonly number[], database: BenchDialect): Promise<ReceiptRound[]> {
  const store = await createBenchDatabase(database);
  const { db } = store;
  await seedContacts(store.url, { count: deliveries });
  const broadcast = await addBroadcast(db);
  await materializeDeliveries(db, broadcast, Prisma.sql`TRUE`, new Date());
  await db.$executeRaw`UPDATE "Delivery" SET "status" = 'sent', "channel" = 'whatsapp', "sentAs" = 'text', "sentAt" = ${new Date()}, "platformMessageId" = 'wamid.B' || "id"`;
  // A broadcast's deliveries are long known to PostgreSQL's planner by the time their receipts come.
  await refreshPlannerStatistics(db, ["Contact", "Delivery"]);
  const wamids = (await db.delivery.findMany({ select: { platformMessageId: true } })).map((row) => row.platformMessageId!);
  let writes = 0;
  const writer = createReceiptWriter({ db, channel: "whatsapp", logger: silentLogger, counted: () => void (writes += 1) });
  const cloud = await startCloudHarness({ engine: recordingEngine(echo), onReceipts: (receipts) => writer.add(receipts) });
  const rounds: ReceiptRound[] = [];
  try {
    for (const concurrency of concurrencies) {
      // Every round's receipts move every delivery: none was read before it.
      await db.$executeRaw`UPDATE "Delivery" SET "deliveredAt" = NULL, "readAt" = NULL`;
      const latencies: number[] = [];
      let next = 0;
      writes = 0;
      const cpu = process.cpuUsage();
      const started = performance.now();
      await Promise.all(
        Array.from({ length: concurrency }, async () => {
          while (next < wamids.length) {
            const wamid = wamids[next++]!;
            const sent = performance.now();
            const response = await cloud.post(statusWebhook(wamid, SITI, "read"));
            if (response.status !== 200) throw new Error(`status webhook answered ${response.status}`);
            latencies.push(performance.now() - sent);
          }
        }),
      );
      const seconds = (performance.now() - started) / 1000;
      const used = process.cpuUsage(cpu);
      latencies.sort((a, b) => a - b);
      const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
      const figures = { concurrency, webhooks: wamids.length, perSecond: wamids.length / seconds, p50Ms: at(0.5), p99Ms: at(0.99), cpuMsPerWebhook: (used.user + used.system) / 1000 / wamids.length, writes };
      rounds.push(figures);
      console.log(
        `receipts (${database}, ${concurrency} at once): ${figures.perSecond.toFixed(0)} webhooks/s answered after their write, p50 ${figures.p50Ms.toFixed(1)} ms, p99 ${figures.p99Ms.toFixed(1)} ms, ` +
          `${figures.cpuMsPerWebhook.toFixed(2)} ms CPU per webhook (adapter, writer and client), ${writes} writes for ${wamids.length} receipts`,
      );
    }
  } finally {
    await cloud.stop();
    await writer.flush();
    await store.close();
  }
  return rounds;
}
