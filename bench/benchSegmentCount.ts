// The segment form's live count (issue 18's goal: at most a second on 1,000,000 contacts): the
// coverage bench's contacts with tags, chat accounts and volunteers' region tags added, an admin
// signed in, and the form's own GET (/segmen/baru?<fields>, what dashboard.js asks as the fields
// change: the count, who cannot be reached and why, five examples) through the real server
// (fastify inject). SQLite only, as the dashboard bench.
import { loadavg } from "node:os";
import Sqlite from "better-sqlite3";
import { sqlitePath } from "../src/db/client.js";
import { loadRegions } from "../src/domain/regions/loadRegions.js";
import { seedCoverageBench } from "./benchCoverage.js";
import { percentile } from "./benchDashboard.js";
import { createBenchDatabase } from "./benchDatabase.js";
import { startBenchDashboard } from "./startBenchDashboard.js";

export async function benchSegmentCount(contacts: number, runs: number): Promise<void> {
  const store = await createBenchDatabase("sqlite");
  const started = performance.now();
  seedCoverageBench(store.url, await loadRegions({ villages: true }), contacts);
  const villages = seedSegmentFacts(store.url);
  const seedSeconds = (performance.now() - started) / 1000;
  const { server, cookies } = await startBenchDashboard(store);
  // Dates relative to the seed's now (2029-01-01): activity spreads over the 90 days before it.
  const filters: Array<[string, Record<string, string>]> = [
    ["everyone", {}],
    ["province", { wilayah: "32" }],
    ["city", { wilayah: "32.73" }],
    ["province + role", { wilayah: "32", peran: "volunteer" }],
    ["village", { wilayah: villages[0]! }],
    ["ten villages", { daftar_wilayah: villages.slice(0, 10).join(", ") }],
    ["tags all", { tag_semua: "donatur, event:rapat" }],
    ["tags any", { tag_salah_satu: "donatur, saksi" }],
    ["province, tags none", { wilayah: "32", tag_tanpa: "donatur" }],
    ["role voter, consent", { peran: "voter", persetujuan: "subscribed" }],
    ["active since", { aktif_sejak: "2028-12-20" }],
    ["inactive since + consent", { tidak_aktif_sejak: "2028-10-15", persetujuan: "subscribed" }],
    ["province, tags any, volunteer, consent, active, telegram", { wilayah: "32", tag_salah_satu: "donatur, saksi", peran: "volunteer", persetujuan: "subscribed", aktif_sejak: "2028-12-01", aplikasi: "telegram" }],
    ["matches nobody", { wilayah: villages[0]!, tag_semua: "tidak-ada" }],
  ];
  console.log(`segmentcount (sqlite): ${contacts} contacts seeded in ${seedSeconds.toFixed(1)} s; load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}`);
  const lines: string[] = [];
  for (const [label, fields] of filters) {
    const url = `/segmen/baru?${new URLSearchParams(fields).toString()}`;
    const ms: number[] = [];
    // SQLite runs in this process: its CPU time is the server's work, the figure to read on a loaded machine.
    const cpuMs: number[] = [];
    let total = "";
    // The first answer warms SQLite's page cache, as a running bot's would be: not counted.
    for (let run = 0; run <= runs; run++) {
      const begun = performance.now();
      const cpu = process.cpuUsage();
      const response = await server.inject({ method: "GET", url, headers: { cookie: cookies } });
      if (response.statusCode !== 200) throw new Error(`${label} (${url}) answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
      if (run === 0) {
        // The first figure of the count's sentence ("12.345 kontak: ..."); a form with a problem is the bench's mistake.
        const counted = /class="count"><strong>([^<]*)</.exec(response.body)?.[1];
        if (counted === undefined) throw new Error(`${label} (${url}) shows no count: ${/<ul class="problems">[\s\S]*?<\/ul>/.exec(response.body)?.[0] ?? response.body.slice(0, 300)}`);
        total = counted.split(":")[0]!;
      }
      if (run > 0) {
        ms.push(performance.now() - begun);
        const used = process.cpuUsage(cpu);
        cpuMs.push((used.user + used.system) / 1000);
      }
    }
    const figures = `${total}: p50 ${percentile(ms, 0.5).toFixed(0)} ms, p95 ${percentile(ms, 0.95).toFixed(0)} ms (CPU p50 ${percentile(cpuMs, 0.5).toFixed(0)} ms, p95 ${percentile(cpuMs, 0.95).toFixed(0)} ms)`;
    console.log(`segmentcount (sqlite): ${label}: ${figures}; load ${loadavg()[0]!.toFixed(1)}`);
    lines.push(`${label} ${figures}`);
  }
  console.log(`segmentcount (sqlite): ${contacts} contacts, ${runs} requests each after one that warms the cache, load average ${loadavg().map((l) => l.toFixed(1)).join(" ")}: ${lines.join("; ")}`);
  await server.close();
  await store.close();
}

/**
 * What the coverage seed leaves out and segments filter on: tags (a tenth donors, a 25th
 * witnesses, a seventh at the rally), a chat account for nine in ten (one in a hundred of them
 * blocked), volunteers with their role and region:<code> tags at every level, as sign-up writes.
 * Returns ten villages that have people.
 */
function seedSegmentFacts(url: string): string[] {
  const sqlite = new Sqlite(sqlitePath(url));
  sqlite.pragma("journal_mode = WAL");
  sqlite.transaction(() => {
    sqlite.exec(`
      INSERT INTO "ContactTag" ("contactId", "tag") SELECT "id", 'donatur' FROM "Contact" WHERE "rowid" % 10 = 0;
      INSERT INTO "ContactTag" ("contactId", "tag") SELECT "id", 'saksi' FROM "Contact" WHERE "rowid" % 25 = 3;
      INSERT INTO "ContactTag" ("contactId", "tag") SELECT "id", 'event:rapat' FROM "Contact" WHERE "rowid" % 7 = 1;
      INSERT INTO "ChannelIdentity" ("id", "contactId", "channel", "externalId", "unreachableAt", "createdAt")
        SELECT 'i' || "id", "id", CASE WHEN "rowid" % 2 = 0 THEN 'telegram' ELSE 'whatsapp' END, "id",
          CASE WHEN "rowid" % 100 = 5 THEN "createdAt" ELSE NULL END, "createdAt"
        FROM "Contact" WHERE "rowid" % 10 <> 9;
      UPDATE "Contact" SET "role" = 'volunteer' WHERE "id" IN (SELECT "contactId" FROM "Volunteer");
      INSERT OR IGNORE INTO "ContactTag" ("contactId", "tag")
        SELECT c."id", 'region:' || substr(c."regionCode", 1, n."length") FROM "Volunteer" v JOIN "Contact" c ON c."id" = v."contactId"
        JOIN (SELECT 2 AS "length" UNION ALL SELECT 5 UNION ALL SELECT 8 UNION ALL SELECT 13) n ON length(c."regionCode") >= n."length"
        WHERE c."regionCode" IS NOT NULL;
    `);
  })();
  const villages = sqlite.prepare(`SELECT "regionCode" FROM "Contact" WHERE "regionCode" LIKE '32.73.%' AND length("regionCode") = 13 GROUP BY "regionCode" ORDER BY COUNT(*) DESC, "regionCode" LIMIT 10`).all() as { regionCode: string }[];
  sqlite.close();
  return villages.map((row) => row.regionCode);
}
