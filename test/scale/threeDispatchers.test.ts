// The scale-out proof at Telegram's real limit: three dispatcher processes on one PostgreSQL and
// one Redis send a 10,000-contact broadcast through a fake Bot API that answers 429 to anything
// over 30 msg/s in any sliding second. About 6 minutes.
import { afterEach, describe, expect, it } from "vitest";
import { describeFigures } from "./support/measureBroadcast.js";
import { requireScaleServices } from "./support/requireScaleServices.js";
import { startScaleRun, type ScaleRun } from "./support/startScaleRun.js";

const servicesUp = await requireScaleServices();
const CONTACTS = 10_000;
const LIMIT = 30;
let run: ScaleRun | undefined;

afterEach(async () => {
  await run?.close();
  run = undefined;
});

describe.skipIf(!servicesUp)("three dispatchers on one PostgreSQL and one Redis", () => {
  it("deliver 10,000 messages once each, within 30 msg/s and at 0.95 of it or more", async () => {
    run = await startScaleRun({ contacts: CONTACTS, perSecond: LIMIT, dispatchers: 3 });
    const started = performance.now();
    expect(await run.send()).toBe(CONTACTS);
    const figures = await run.finish(15 * 60_000);
    const sentBy = await run.database.db.delivery.groupBy({ by: ["claimedBy"], where: { broadcastId: run.seeded.broadcastId }, _count: true });
    console.log(describeFigures("three dispatchers", figures, `sent per process ${sentBy.map((p) => p._count).join(" / ")}; took ${((performance.now() - started) / 1000).toFixed(1)} s`));

    expect(figures.duplicates).toBe(0);
    expect(figures.lost).toBe(0);
    expect(figures.statuses).toEqual({ sent: CONTACTS });
    expect(figures.delivered).toBe(CONTACTS);
    expect(figures.provoked429).toBe(0);
    expect(figures.maxWindow).toBeLessThanOrEqual(LIMIT);
    expect(figures.ratio).toBeGreaterThanOrEqual(0.95);
    // All three took part: one process alone could not be the proof.
    expect(sentBy.length).toBe(3);
  });
});
