// The staff dashboard on a big database (issue 17's goal: p95 at most 300 ms server time per page
// with a million contacts on SQLite): the coverage bench's contacts, an admin signed in through a
// real one-time link, and each page asked through the real server (fastify inject: no sockets, so
// the time is the server's). SQLite only, as the goal is.
import { loadRegions } from "../src/domain/regions/loadRegions.js";
import { DASHBOARD_FIGURES_SECONDS } from "../src/app/startDashboard.js";
import { benchPhone, seedCoverageBench } from "./benchCoverage.js";
import { createBenchDatabase } from "./benchDatabase.js";
import { startBenchDashboard } from "./startBenchDashboard.js";

export async function benchDashboard(contacts: number, runs: number): Promise<void> {
  const store = await createBenchDatabase("sqlite");
  const started = performance.now();
  seedCoverageBench(store.url, await loadRegions({ villages: true }), contacts);
  const seedSeconds = (performance.now() - started) / 1000;
  const { server, cookies } = await startBenchDashboard(store, { figuresSeconds: DASHBOARD_FIGURES_SECONDS });
  const middle = Math.floor(contacts / 2);
  const volunteer = await store.db.volunteer.findFirst({ where: { contactId: { gte: `c${middle}` } }, orderBy: { contactId: "asc" } });
  const pages: Array<[string, string]> = [
    ["overview", "/"],
    ["people, city + role", "/orang?wilayah=32.73&peran=volunteer"],
    ["people, province + role", "/orang?wilayah=32&peran=volunteer"],
    ["people, name search", "/orang?cari=budi+santoso"],
    ["people, name part", "/orang?cari=simanj"],
    ["people, name nobody has", "/orang?cari=zulkarnain"],
    ["people, phone search", `/orang?cari=${encodeURIComponent(`0812-${benchPhone(middle).slice(6, 10)}-${benchPhone(middle).slice(10)}`)}`],
    ["people, referral code", `/orang?cari=${volunteer?.referralCode ?? "R1"}`],
    ["people, province + consent + active", "/orang?wilayah=32&persetujuan=subscribed&aktivitas=active"],
    ["people, second page", ""],
    ["person (a volunteer)", `/orang/${volunteer?.contactId ?? `c${middle}`}`],
    ["map, provinces", "/map"],
  ];
  console.log(`dashboard (sqlite): ${contacts} contacts seeded in ${seedSeconds.toFixed(1)} s`);
  const lines: string[] = [];
  for (const [label, given] of pages) {
    let url = given;
    if (label === "people, second page") {
      const firstPage = await server.inject({ method: "GET", url: "/orang?wilayah=32&peran=volunteer", headers: { cookie: cookies } });
      const next = /href="(\/orang\?[^"]*setelah=[A-Za-z0-9_-]+)"/.exec(firstPage.body)?.[1];
      if (next === undefined) throw new Error(`no next page in: ${firstPage.body.replace(/\s+/g, " ").slice(-1500)}`);
      url = next.replace(/&amp;/g, "&");
    }
    const ms: number[] = [];
    // SQLite runs in this process: its CPU time is the server's work, the figure to read when a
    // loaded machine stretches the wall-clock one.
    const cpuMs: number[] = [];
    // The overview's and the country map's figures are read on the first request and then reused for
    // figuresSeconds (rememberFigures): the first request's time is the reading's.
    let first = 0;
    // The first answer also warms SQLite's page cache, as a running bot's would be: not counted.
    for (let run = 0; run <= runs; run++) {
      const begun = performance.now();
      const cpu = process.cpuUsage();
      const response = await server.inject({ method: "GET", url, headers: { cookie: cookies } });
      if (response.statusCode !== 200) throw new Error(`${label} (${url}) answered ${response.statusCode}: ${response.body.slice(0, 300)}`);
      if (run === 0) first = performance.now() - begun;
      if (run > 0) {
        ms.push(performance.now() - begun);
        const used = process.cpuUsage(cpu);
        cpuMs.push((used.user + used.system) / 1000);
      }
    }
    const figures = `p50 ${percentile(ms, 0.5).toFixed(0)} ms, p95 ${percentile(ms, 0.95).toFixed(0)} ms (CPU p50 ${percentile(cpuMs, 0.5).toFixed(0)} ms, p95 ${percentile(cpuMs, 0.95).toFixed(0)} ms); first request ${first.toFixed(0)} ms`;
    console.log(`dashboard (sqlite): ${label}: ${figures}`);
    lines.push(`${label} ${figures}`);
  }
  console.log(`dashboard (sqlite): ${contacts} contacts seeded in ${seedSeconds.toFixed(1)} s; server time over ${runs} requests each (after one that warms the cache): ${lines.join("; ")}`);
  await server.close();
  await store.close();
}

/** Opens the link and presses the button, as staff do: the session and CSRF cookies. */
export function percentile(values: number[], share: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(share * sorted.length) - 1)]!;
}
