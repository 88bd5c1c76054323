// `npm run docs:map`: redraws docs/images/peta-demo.png, the map the README shows, from the demo
// campaign: its targets (campaign/targets.csv) and volunteers seeded here, the same every run (the
// demo ships without contacts). A throwaway SQLite file; nothing touches ./data.
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { drawRegionMap } from "../src/charts/drawRegionMap.js";
import { renderSvgPng } from "../src/charts/renderSvgPng.js";
import { formatFigureLabel } from "../src/conversation/flows/mapSummary.js";
import { createTranslator, readLocaleResources } from "../src/conversation/createTranslator.js";
import { applyMigrations } from "../src/db/applyMigrations.js";
import { openDatabase, type Database } from "../src/db/client.js";
import { readRegionMap } from "../src/domain/maps/readRegionMap.js";
import { createRegionLookup } from "../src/domain/regions/createRegionLookup.js";
import type { RegionLookup } from "../src/domain/regions/types.js";
import { seedCampaignTargets } from "../src/domain/targets/seedCampaignTargets.js";

const root = resolve(import.meta.dirname, "..");
const out = join(root, "docs/images/peta-demo.png");
const now = new Date("2026-11-26T03:00:00Z");
// Volunteers per province, before a random spread: the demo campaign is strongest on Java.
const weights: Record<string, number> = { "32": 900, "31": 420, "33": 380, "35": 330, "36": 260, "34": 120, "12": 160, "73": 140, "51": 90, "16": 70, "18": 60, "61": 45, "64": 40, "71": 35, "13": 30, "94": 12 };
// Provinces with targets but nobody yet: zero, drawn apart from "no data".
const empty = new Set(["65", "76", "17"]);

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), "relawan-docs-map-"));
  const db = await openDatabase(`file:${join(dir, "demo.db")}`);
  try {
    await applyMigrations(db);
    const seeded = await seedCampaignTargets(db, join(root, "campaign"), now);
    if (seeded.status !== "loaded") throw new Error(`campaign/targets.csv was not loaded: ${JSON.stringify(seeded)}`);
    const regions = await createRegionLookup();
    const volunteers = await seedVolunteers(db, regions);
    const outcome = await readRegionMap(db, regions, { figure: "volunteers", regionCode: null, activeDays: 30, now });
    if (outcome.status !== "ok") throw new Error(outcome.status);
    const t = createTranslator(readLocaleResources(join(root, "locales")), "id").forLanguage("id");
    const { map } = outcome;
    const started = performance.now();
    const drawn = await drawRegionMap({ region: map.region, childLevel: map.childLevel, figure: { label: formatFigureLabel("volunteers", 30, t), kind: map.kind }, children: map.children }, t, "id");
    writeFileSync(out, renderSvgPng(drawn.svg, drawn));
    console.log(`${out}: ${drawn.width}x${drawn.height}, ${volunteers} demo volunteers, drawn in ${Math.round(performance.now() - started)} ms`);
  } finally {
    await db.$disconnect();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Volunteers spread over the regencies of each weighted province by a seeded generator: the same picture every run. */
async function seedVolunteers(db: Database, regions: RegionLookup): Promise<number> {
  const random = mulberry32(15);
  let count = 0;
  for (const province of regions.childrenOf(null)) {
    const regencies = regions.childrenOf(province.code);
    const weight = weights[province.code] ?? (empty.has(province.code) ? 0 : undefined);
    if (weight === undefined) continue;
    const people = Math.round(weight * (0.6 + random() * 0.8));
    // At least one contact, so a province of zero volunteers has data (zero, not "no data").
    const rows = Array.from({ length: Math.max(people, 1) }, (_, i) => ({
      id: `demo-${province.code}-${i}`,
      name: `Demo ${province.code}-${i}`,
      regionCode: regencies[Math.floor(random() * regencies.length)]!.code,
      updatesConsent: true,
      createdAt: now,
      lastActiveAt: now,
    }));
    await db.contact.createMany({ data: rows });
    const volunteerRows = rows.slice(0, people).map((row) => ({ contactId: row.id, referralCode: `D${row.id.slice(5).replace(/-/g, "")}`, interests: "[]", availability: "weekend" }));
    if (volunteerRows.length > 0) await db.volunteer.createMany({ data: volunteerRows });
    count += volunteerRows.length;
  }
  return count;
}

function mulberry32(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

await main();
