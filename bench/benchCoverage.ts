// Coverage on a big database: contacts spread over real village, district and regency codes of
// every province, a tenth of them volunteers, targets for every regency and for the districts of
// Jawa Barat. Seeded straight through better-sqlite3 (SQLite only: the goal is about SQLite).
import Sqlite from "better-sqlite3";
import { sqlitePath } from "../src/db/client.js";
import { nameSearchWords } from "../src/domain/contacts/nameSearchWords.js";
import { loadRegions } from "../src/domain/regions/loadRegions.js";
import { readRegionCoverage } from "../src/domain/regions/readRegionCoverage.js";
import type { RegionDirectory } from "../src/domain/regions/types.js";
import { createBenchDatabase } from "./benchDatabase.js";

/** The seeded database's "now": contacts were last active up to 90 days before it. */
export const now = new Date("2029-01-01T00:00:00Z");
const PROVINCE = "32";

export async function benchCoverage(contacts: number): Promise<void> {
  const regions = await loadRegions({ villages: true });
  const store = await createBenchDatabase("sqlite");
  let started = performance.now();
  seedCoverageBench(store.url, regions, contacts);
  const seedSeconds = (performance.now() - started) / 1000;
  const time = async (regionCode: string | null) => {
    const begun = performance.now();
    const cpu = process.cpuUsage();
    const outcome = await readRegionCoverage(store.db, regions, { regionCode, activeDays: 30, now });
    if (outcome.status !== "ok") throw new Error(`coverage of ${regionCode}: ${outcome.status}`);
    return { seconds: (performance.now() - begun) / 1000, cpuSeconds: cpuSince(cpu), coverage: outcome.coverage };
  };
  // The first query also warms SQLite's page cache, as a running bot's would be.
  await time(null);
  const provinces = await time(null);
  const province = await time(PROVINCE);
  started = performance.now();
  const districtCpu = process.cpuUsage();
  let districts = 0;
  for (const regency of regions.childrenOf(PROVINCE)) districts += (await time(regency.code)).coverage.children.length;
  const districtSeconds = (performance.now() - started) / 1000;
  const districtCpuSeconds = cpuSince(districtCpu);
  const jabar = provinces.coverage.children.find((row) => row.code === PROVINCE);
  console.log(
    `coverage (sqlite): ${contacts} contacts seeded in ${seedSeconds.toFixed(1)} s; all ${provinces.coverage.children.length} provinces in ${provinces.seconds.toFixed(2)} s (CPU ${provinces.cpuSeconds.toFixed(2)} s); ` +
      `the ${province.coverage.children.length} regencies of Jawa Barat in ${province.seconds.toFixed(2)} s (CPU ${province.cpuSeconds.toFixed(2)} s); ` +
      `its ${districts} districts (one call per regency) in ${districtSeconds.toFixed(2)} s (CPU ${districtCpuSeconds.toFixed(2)} s); ` +
      `Jawa Barat: ${jabar?.contacts} contacts, ${jabar?.volunteers} volunteers, ${jabar?.activeVolunteers} active, coverage ${((jabar?.volunteerCoverage ?? 0) * 100).toFixed(1)}%`,
  );
  await store.close();
}

// SQLite runs in this process (better-sqlite3), so its work is this process's CPU time: the figure
// to read when a loaded machine stretches the wall-clock one.
function cpuSince(start: NodeJS.CpuUsage): number {
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6;
}

/** Deterministic: the same database every run. */
export function seedCoverageBench(url: string, regions: RegionDirectory, count: number): void {
  const villages: string[] = [];
  const districts: string[] = [];
  const regencies: string[] = [];
  for (const province of regions.childrenOf(null)) {
    for (const regency of regions.childrenOf(province.code)) {
      regencies.push(regency.code);
      for (const district of regions.childrenOf(regency.code)) {
        districts.push(district.code);
        for (const village of regions.childrenOf(district.code)) villages.push(village.code);
      }
    }
  }
  let state = 42;
  const random = () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
  const pick = (list: string[]) => list[Math.floor(random() * list.length)]!;
  const iso = (date: Date) => date.toISOString().replace("Z", "+00:00");
  const sqlite = new Sqlite(sqlitePath(url));
  sqlite.pragma("journal_mode = WAL");
  const contact = sqlite.prepare(`INSERT INTO "Contact" ("id", "name", "phone", "language", "regionCode", "optedOut", "updatesConsent", "createdAt", "lastActiveAt") VALUES (?, ?, ?, 'id', ?, ?, ?, ?, ?)`);
  // The name search's words, as every write of a name saves them (saveNameWords).
  const word = sqlite.prepare(`INSERT OR IGNORE INTO "ContactNameWord" ("word", "contactId") VALUES (?, ?)`);
  const volunteer = sqlite.prepare(`INSERT INTO "Volunteer" ("id", "contactId", "referralCode", "interests", "availability", "createdAt") VALUES (?, ?, ?, '[]', 'weekend', ?)`);
  const target = sqlite.prepare(`INSERT INTO "RegionTarget" ("regionCode", "registeredVoters", "pollingStations", "targetVolunteers", "targetSupporters", "updatedAt", "updatedBy") VALUES (?, ?, ?, ?, ?, ?, 'bench')`);
  const insert = sqlite.transaction((from: number, to: number) => {
    for (let n = from; n < to; n++) {
      const where = random();
      const regionCode = where < 0.7 ? pick(villages) : where < 0.9 ? pick(districts) : where < 0.95 ? pick(regencies) : null;
      const consent = random();
      const lastActive = iso(new Date(now.getTime() - Math.floor(random() * 90) * 86_400_000));
      // Names from a few hundred first and family names (the dashboard's name search); every phone different.
      // (Not drawn from random(): the coverage figures stay what they were before names were seeded.)
      const name = `${firstNames[n % firstNames.length]} ${familyNames[Math.floor(n / firstNames.length) % familyNames.length]}`;
      contact.run(`c${n}`, name, benchPhone(n), regionCode, random() < 0.05 ? 1 : 0, consent < 0.5 ? 1 : consent < 0.7 ? 0 : null, iso(now), lastActive);
      for (const part of nameSearchWords(name)) word.run(part, `c${n}`);
      if (random() < 0.1) volunteer.run(`v${n}`, `c${n}`, benchReferralCode(n), iso(now));
    }
  });
  for (let from = 0; from < count; from += 50_000) insert(from, Math.min(count, from + 50_000));
  sqlite.transaction(() => {
    for (const code of regencies) target.run(code, 400_000, 1_600, 300, 80_000, iso(now));
    for (const code of districts.filter((d) => d.startsWith(`${PROVINCE}.`))) target.run(code, 50_000, 200, 40, 10_000, iso(now));
  })();
  sqlite.close();
}

/** The n-th seeded contact's phone number. */
export function benchPhone(n: number): string {
  return `+62812${String(n).padStart(8, "0")}`;
}

/** The n-th seeded contact's referral code (if a volunteer): seven characters of the real codes' alphabet. */
function benchReferralCode(n: number): string {
  const alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
  let code = "";
  for (let rest = n, i = 0; i < 7; i++, rest = Math.floor(rest / alphabet.length)) code = alphabet[rest % alphabet.length]! + code;
  return code;
}

const firstNames = ("Budi Siti Agus Dewi Andi Rina Joko Sri Hendra Wati Rudi Lestari Eko Yuni Bambang Ratna Dedi Nur Ahmad Fitri " +
  "Indra Maya Yusuf Sari Arif Rizki Dian Putri Hadi Ayu Wahyu Intan Fajar Ani Teguh Nia Bayu Tuti Rahmat Eka").split(" ");
const familyNames = ("Santoso Aminah Wijaya Susanto Hidayat Saputra Pratama Kusuma Nugroho Lubis Siregar Nasution Harahap Simanjuntak " +
  "Setiawan Gunawan Hakim Rahman Sihombing Tanjung Halim Wibowo Purnomo Sulistyo Hartono Utomo Situmorang Panjaitan Manurung Ginting").split(" ");
