// The demo campaign's sample targets: every row valid, loaded on the first start only.
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { seedCampaignTargets } from "../../../src/domain/targets/seedCampaignTargets.js";
import { createTestDatabase, repoRoot, type TestDatabase } from "../../support/createTestDatabase.js";

let store: TestDatabase;
beforeEach(async () => {
  store = await createTestDatabase();
});
afterEach(async () => {
  await store.close();
});

const now = new Date("2026-11-26T03:00:00Z");

describe("seedCampaignTargets", () => {
  it("loads campaign/targets.csv once, with every row valid, and leaves later starts to staff", async () => {
    const first = await seedCampaignTargets(store.db, join(repoRoot, "campaign"), now);
    expect(first).toMatchObject({ status: "loaded", invalid: 0 });
    const regions = await store.db.regionTarget.count();
    expect(first.status === "loaded" && first.regions).toBe(regions);
    // Provinces, Jawa Barat's regencies, Kota Bandung's districts and Coblong's villages.
    expect(await store.db.regionTarget.count({ where: { regionCode: { startsWith: "32.73.02." } } })).toBe(6);
    expect(await store.db.auditEntry.findFirstOrThrow({ where: { action: "targets.import" } })).toMatchObject({ actor: "content" });

    await store.db.regionTarget.deleteMany({});
    expect(await seedCampaignTargets(store.db, join(repoRoot, "campaign"), now)).toEqual({ status: "skipped", reason: "already_loaded" });
    expect(await seedCampaignTargets(store.db, join(repoRoot, "test"), now)).toEqual({ status: "skipped", reason: "no_file" });
  });
});
