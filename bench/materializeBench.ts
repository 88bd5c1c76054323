// Run in its own process by benchMaterialize.ts, so its peak RSS is the materialising alone:
// opens an already seeded database, writes one delivery per contact, prints JSON.
import { Prisma, openDatabase } from "../src/db/client.js";
import { materializeDeliveries } from "../src/domain/deliveries/materializeDeliveries.js";

const [url = "", broadcastId = ""] = process.argv.slice(2);
const db = await openDatabase(url);
const rssBefore = process.memoryUsage().rss;
const started = performance.now();
// A filter of the kind a segment produces: consenting people not opted out, reachable somewhere.
const rows = await materializeDeliveries(
  db,
  broadcastId,
  Prisma.sql`c."optedOut" = FALSE AND c."updatesConsent" = TRUE AND EXISTS (SELECT 1 FROM "ChannelIdentity" i WHERE i."contactId" = c."id" AND i."unreachableAt" IS NULL)`,
  new Date(),
);
const seconds = (performance.now() - started) / 1000;
await db.$disconnect();
process.stdout.write(`${JSON.stringify({ rows, seconds, rssBeforeMb: rssBefore / 1024 / 1024, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
