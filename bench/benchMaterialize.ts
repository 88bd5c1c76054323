import { execFile } from "node:child_process";
import { loadavg } from "node:os";
import { join } from "node:path";
import { promisify } from "node:util";
import { addBroadcast } from "../test/delivery/support/seedCampaign.js";
import { seedContacts } from "../test/delivery/support/seedContacts.js";
import { createBenchDatabase, root, type BenchDialect } from "./benchDatabase.js";

export interface MaterializeFigures {
  rows: number;
  seconds: number;
  peakRssMb: number;
}

/** Seeds `contacts` with raw inserts, then materialises a broadcast to all of them in a child process. */
export async function benchMaterialize(contacts: number, database: BenchDialect): Promise<MaterializeFigures> {
  const store = await createBenchDatabase(database);
  let started = performance.now();
  await seedContacts(store.url, { count: contacts });
  const seedSeconds = (performance.now() - started) / 1000;
  // Fresh statistics, as autovacuum would have gathered long before a real broadcast.
  if (database === "postgresql") await store.db.$executeRawUnsafe(`ANALYZE "Contact", "ChannelIdentity"`);
  const broadcast = await addBroadcast(store.db);
  started = performance.now();
  // The child opens the same URL (file: or postgresql:) with openDatabase, as the bot would.
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", join(root, "bench/materializeBench.ts"), store.url, broadcast], {
    cwd: root,
    maxBuffer: 1024 * 1024,
  });
  const result = JSON.parse(stdout.trim().split("\n").at(-1)!) as {
    rows: number;
    seconds: number;
    cpuSeconds: number;
    serverCpuSeconds?: number;
    rssBeforeMb: number;
    peakRssMb: number;
  };
  const counted = await store.db.delivery.count({ where: { broadcastId: broadcast } });
  // On PostgreSQL the rows are built by the server; its memory is not in the bot process's RSS.
  const rssOf = database === "postgresql" ? "bot process (PostgreSQL server's memory not included)" : "materialising process";
  const seeding = database === "postgresql" ? "INSERT ... SELECT over generate_series" : "raw inserts";
  // CPU time says what the work costs when other processes stretch the wall time; the load average says how much they did.
  const server = result.serverCpuSeconds === undefined ? "" : `, PostgreSQL server process ${result.serverCpuSeconds.toFixed(1)} s`;
  console.log(
    `materialise (${database}): ${contacts} contacts seeded in ${seedSeconds.toFixed(1)} s (${seeding}); ${result.rows} deliveries written by one INSERT ... SELECT in ${result.seconds.toFixed(1)} s ` +
      `(${Math.round(result.rows / result.seconds)} rows/s; CPU: bot process ${result.cpuSeconds.toFixed(1)} s${server}; load average ${loadavg()[0]!.toFixed(1)}); ${rssOf} peak RSS ${result.peakRssMb.toFixed(0)} MB (${result.rssBeforeMb.toFixed(0)} MB before); ` +
      `database now ${(await store.sizeMb()).toFixed(0)} MB; rows counted ${counted}`,
  );
  await store.close();
  return { rows: result.rows, seconds: result.seconds, peakRssMb: result.peakRssMb };
}
