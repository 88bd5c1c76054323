// The scale-out proof under faults: three dispatcher processes on one PostgreSQL and one Redis,
// a 1,500-contact broadcast at 100 msg/s (a paid-broadcast rate, which the fake enforces), and
// one fault each: a dispatcher SIGKILLed, PostgreSQL restarted, Redis restarted (its limiter
// state lost), the Bot API answering bursts of 429 and 500. Restarts are simulated from the
// clients' side, through TCP proxies, so CI never touches the machine's services.
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import { describeFigures, sendsBetween } from "./support/measureBroadcast.js";
import { requireScaleServices } from "./support/requireScaleServices.js";
import { startScaleRun, type ScaleRun, type ScaleRunOptions } from "./support/startScaleRun.js";

const servicesUp = await requireScaleServices();
const CONTACTS = 1_500;
const LIMIT = 100;
// What one dispatcher can hold in flight: the limiter's default, half a second's worth.
const IN_FLIGHT_PER_PROCESS = Math.ceil(LIMIT / 2);
const OUTAGE_MS = 5_000;
const base: ScaleRunOptions = { contacts: CONTACTS, perSecond: LIMIT, dispatchers: 3 };
let run: ScaleRun | undefined;

afterEach(async () => {
  await run?.close();
  run = undefined;
});

/** Rows of the broadcast each worker settled, by claimedBy. */
async function sentByWorker(r: ScaleRun, since?: Date): Promise<Map<string, number>> {
  const rows = await r.database.db.delivery.groupBy({
    by: ["claimedBy"],
    where: { broadcastId: r.seeded.broadcastId, status: "sent", ...(since ? { sentAt: { gt: since } } : {}) },
    _count: true,
  });
  return new Map(rows.map((row) => [row.claimedBy ?? "", row._count]));
}

describe.skipIf(!servicesUp)("three dispatchers under faults", () => {
  it("SIGKILL of one dispatcher: the others send its claimed rows once its lease ends, and nothing twice", async () => {
    const leaseSeconds = 10;
    run = await startScaleRun({ ...base, leaseSeconds });
    const { db } = run.database;
    await run.send();
    await run.waitForDelivered(CONTACTS * 0.3);
    const victim = run.dispatchers.processes[1]!;
    victim.child.kill("SIGKILL");
    await victim.exited;
    const killedAt = Date.now();
    const deliveredAtKill = (await run.fake.stats()).delivered;
    const held = await db.delivery.findMany({
      where: { broadcastId: run.seeded.broadcastId, claimedBy: victim.workerId, status: { in: ["claimed", "sending"] } },
      select: { id: true, status: true, leaseUntil: true },
    });
    const figures = await run.finish(90_000);
    const claimed = held.filter((row) => row.status === "claimed");
    const sending = held.filter((row) => row.status === "sending");
    const after = await db.delivery.findMany({ where: { id: { in: claimed.map((row) => row.id) } }, select: { status: true, claimedBy: true, sentAt: true } });
    const firstResent = Math.min(...after.map((row) => row.sentAt?.getTime() ?? Number.POSITIVE_INFINITY));
    const uncertainIds = (await db.delivery.findMany({ where: { broadcastId: run.seeded.broadcastId, status: "uncertain" }, select: { id: true } })).map((row) => row.id);
    console.log(
      describeFigures(
        "SIGKILL",
        figures,
        `killed after ${deliveredAtKill} delivered, holding ${claimed.length} claimed and ${sending.length} sending; ` +
          `its claimed rows sent by the others from ${((firstResent - killedAt) / 1000).toFixed(1)} s after the kill (lease ${leaseSeconds} s)`,
      ),
    );

    expect(figures.duplicates).toBe(0);
    expect(figures.lost).toBe(0);
    expect(figures.misrecorded).toBe(0);
    expect(figures.statuses.sent! + figures.uncertain).toBe(CONTACTS);
    // Exactly the rows it was sending are uncertain: no more than one process holds in flight.
    expect(uncertainIds.sort()).toEqual(sending.map((row) => row.id).sort());
    expect(figures.uncertain).toBeLessThanOrEqual(IN_FLIGHT_PER_PROCESS);
    // It held work that was not started yet; the survivors sent all of it, and only after its lease ended.
    expect(claimed.length).toBeGreaterThan(0);
    for (const row of after) expect(row.status).toBe("sent");
    expect(new Set(after.map((row) => row.claimedBy))).not.toContain(victim.workerId);
    const leaseEnd = Math.min(...claimed.map((row) => row.leaseUntil!.getTime()));
    expect(firstResent).toBeGreaterThanOrEqual(leaseEnd);
  });

  it("PostgreSQL restarted mid-broadcast: the dispatchers wait, resume, and send nothing twice", async () => {
    run = await startScaleRun({ ...base, leaseSeconds: 15, proxies: true });
    await run.send();
    await run.waitForDelivered(CONTACTS * 0.3);
    const deliveredAtCut = (await run.fake.stats()).delivered;
    // The server shuts down: it ends every session (rolling back open transactions), then
    // refuses connections until it is back; sessions opened in between are ended too.
    const terminated = await run.database.terminateOthers();
    await run.postgresProxy!.cut();
    const terminatedLate = await run.database.terminateOthers();
    await sleep(OUTAGE_MS);
    const deliveredAtRestore = (await run.fake.stats()).delivered;
    await run.postgresProxy!.restore();
    const restoredAt = new Date();
    await run.waitForDelivered(deliveredAtRestore + 1, 60_000);
    const running = run.dispatchers.processes.filter((p) => p.child.exitCode === null && p.child.signalCode === null).length;
    const figures = await run.finish(90_000);
    const resumed = await sentByWorker(run, restoredAt);
    console.log(
      describeFigures(
        "PostgreSQL restart",
        figures,
        `${terminated} + ${terminatedLate} sessions terminated; ${deliveredAtRestore - deliveredAtCut} delivered during the ${OUTAGE_MS / 1000} s outage; ` +
          `sent after it per process ${[...resumed.values()].join(" / ")}; ${run.dispatchers.said("dispatcher loop failed; retrying").length} loop failures logged`,
      ),
    );

    expect(running).toBe(3);
    expect(figures.duplicates).toBe(0);
    expect(figures.lost).toBe(0);
    expect(figures.misrecorded).toBe(0);
    expect(figures.statuses.sent! + figures.uncertain).toBe(CONTACTS);
    // Only what was mid-send when the connections dropped can be uncertain.
    expect(figures.uncertain).toBeLessThanOrEqual(3 * IN_FLIGHT_PER_PROCESS);
    // Every process sent again once the database was back.
    expect(resumed.size).toBe(3);
  });

  it("Redis restarted mid-broadcast (its limiter state lost): sending pauses, then resumes with no burst above the limit", async () => {
    run = await startScaleRun({ ...base, proxies: true });
    await run.send();
    await run.waitForDelivered(CONTACTS * 0.3);
    const deliveredAtCut = (await run.fake.stats()).delivered;
    await run.redisProxy!.cut();
    // A Redis without persistence comes back empty.
    const forgotten = await run.forgetLimiterState();
    await sleep(OUTAGE_MS);
    const { delivered: deliveredAtRestore } = await run.fake.stats();
    await run.redisProxy!.restore();
    const { now: restoredAt } = await run.fake.stats();
    const figures = await run.finish(90_000);
    // One warning per outage and process: the send window is the only thing that asks Redis.
    const warnings = run.dispatchers.said(/^Redis \(REDIS_URL\) is not answering/).length;
    const backAgain = run.dispatchers.said(/^Redis \(REDIS_URL\) is answering again/).length;
    // Where a burst would be: the processes coming back to an empty Redis together.
    const fromRestore = restoredAt - figures.origin;
    const afterRestore = sendsBetween(figures, fromRestore, fromRestore + OUTAGE_MS);
    console.log(
      describeFigures(
        "Redis restart",
        figures,
        `${forgotten} limiter keys deleted; ${deliveredAtRestore - deliveredAtCut} delivered during the ${OUTAGE_MS / 1000} s outage; ` +
          `in the ${OUTAGE_MS / 1000} s after it: max ${afterRestore.maxWindow} sends in any 1000 ms window, ${afterRestore.provoked429} provoked 429s; ` +
          `${warnings} "Redis is not answering" warnings, ${backAgain} "answering again"`,
      ),
    );

    expect(forgotten).toBeGreaterThan(0);
    expect(warnings).toBeGreaterThan(0);
    expect(warnings).toBeLessThanOrEqual(run.dispatchers.processes.length);
    // Paused, not unpaced: at most what was already granted before the cut went out meanwhile.
    expect(deliveredAtRestore - deliveredAtCut).toBeLessThan(LIMIT);
    expect(afterRestore.provoked429).toBe(0);
    expect(afterRestore.maxWindow).toBeLessThanOrEqual(LIMIT);
    expect(figures.provoked429).toBe(0);
    expect(figures.maxWindow).toBeLessThanOrEqual(LIMIT);
    expect(figures.duplicates).toBe(0);
    expect(figures.lost).toBe(0);
    expect(figures.statuses).toEqual({ sent: CONTACTS });
  });

  it("the Bot API answering bursts of 429 and 500: everything still arrives exactly once, nothing fails", async () => {
    run = await startScaleRun(base);
    await run.send();
    await run.waitForDelivered(CONTACTS * 0.2);
    await run.fake.inject({ errorCode: 429, forMs: 2_000, retryAfterSeconds: 2 });
    await sleep(2_000);
    await run.fake.inject({ errorCode: 500, forMs: 2_000 });
    await sleep(2_000);
    const figures = await run.finish(90_000);
    const pauses = run.dispatchers.said("platform asked to slow down; channel paused").length;
    console.log(describeFigures("429/500 bursts", figures, `${pauses} channel pauses logged`));

    expect(figures.injected429).toBeGreaterThan(0);
    expect(figures.injected500).toBeGreaterThan(0);
    expect(pauses).toBeGreaterThan(0);
    expect(figures.duplicates).toBe(0);
    expect(figures.lost).toBe(0);
    expect(figures.statuses).toEqual({ sent: CONTACTS });
    expect(figures.delivered).toBe(CONTACTS);
  });
});
