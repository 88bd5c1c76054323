import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { addBroadcast } from "../test/delivery/support/seedCampaign.js";
import { seedContactsFast } from "../test/delivery/support/seedContactsFast.js";
import { createBenchDatabase, root } from "./benchDatabase.js";

/** Seeds `contacts` with raw inserts, then materialises a broadcast to all of them in a child process. */
export async function benchMaterialize(contacts: number): Promise<void> {
  const store = await createBenchDatabase();
  let started = performance.now();
  seedContactsFast(store.url, { count: contacts });
  const seedSeconds = (performance.now() - started) / 1000;
  const broadcast = await addBroadcast(store.db);
  started = performance.now();
  const { stdout } = await promisify(execFile)(process.execPath, ["--import", "tsx", join(root, "bench/materializeBench.ts"), store.url, broadcast], {
    cwd: root,
    maxBuffer: 1024 * 1024,
  });
  const result = JSON.parse(stdout.trim().split("\n").at(-1)!) as { rows: number; seconds: number; rssBeforeMb: number; peakRssMb: number };
  const counted = await store.db.delivery.count({ where: { broadcastId: broadcast } });
  console.log(
    `materialise: ${contacts} contacts seeded in ${seedSeconds.toFixed(1)} s (raw inserts); ${result.rows} deliveries written by one INSERT ... SELECT in ${result.seconds.toFixed(1)} s ` +
      `(${Math.round(result.rows / result.seconds)} rows/s); materialising process peak RSS ${result.peakRssMb.toFixed(0)} MB (${result.rssBeforeMb.toFixed(0)} MB before); ` +
      `database now ${store.sizeMb().toFixed(0)} MB; rows counted ${counted}`,
  );
  await store.close();
}
