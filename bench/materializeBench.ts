// Run in its own process by benchMaterialize.ts, so its peak RSS is the materialising alone:
// opens an already seeded database, writes one delivery per contact, prints JSON.
import { readFileSync } from "node:fs";
import { openDatabase, type Database } from "../src/db/client.js";
import { dialectOf } from "../src/db/dialect.js";
import { materializeDeliveries } from "../src/domain/deliveries/materializeDeliveries.js";
import { sendableWhereSql } from "../src/domain/segments/sendableWhereSql.js";

const [url = "", broadcastId = ""] = process.argv.slice(2);
const db = await openDatabase(url);
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
const cpuBefore = process.cpuUsage();
// The filter every segment's broadcast adds: consenting people not opted out, reachable somewhere.
const where = sendableWhereSql();
// One transaction pins one connection, so on PostgreSQL the server process that did the work is known.
const { rows, serverCpuSeconds } = await db.$transaction(
  async (tx) => {
    const backend = dialectOf(tx) === "postgresql" ? (await tx.$queryRaw<{ pid: number }[]>`SELECT pg_backend_pid() AS "pid"`)[0]!.pid : undefined;
    const serverBefore = backendCpuSeconds(backend);
    const rows = await materializeDeliveries(tx as Database, broadcastId, where, new Date());
    const serverAfter = backendCpuSeconds(backend);
    return { rows, serverCpuSeconds: serverBefore === undefined || serverAfter === undefined ? undefined : serverAfter - serverBefore };
  },
  { timeout: 3_600_000, maxWait: 60_000 },
);
const seconds = (performance.now() - started) / 1000;
const cpu = process.cpuUsage(cpuBefore);
await db.$disconnect();
process.stdout.write(
  `${JSON.stringify({ rows, seconds, cpuSeconds: (cpu.user + cpu.system) / 1e6, serverCpuSeconds, rssBeforeMb: rssBefore / 1024 / 1024, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
);

/** User + system CPU of a PostgreSQL server process, when the server runs on this machine (Linux). */
function backendCpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}
