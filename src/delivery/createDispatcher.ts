import { randomUUID } from "node:crypto";
import type { ChannelName } from "../domain/contacts/channelName.js";
import type { Database } from "../db/client.js";
import type { Logger } from "../logger.js";
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from "./backoffDelay.js";
import { claimDeliveries, type ClaimedDelivery } from "./claimDeliveries.js";
import { closeClaimedDeliveries } from "./closeClaimedDeliveries.js";
import type { ChannelLimiter } from "./createChannelLimiter.js";
import { createSerialLimiter } from "./createSerialLimiter.js";
import { createSendingWriter } from "./createSendingWriter.js";
import { decideDelivery, type DeliveryRules, type DeliverySource } from "./decideDelivery.js";
import { loadDeliveryContext, type DeliveryBroadcast, type DeliveryContact, type DeliveryIdentity } from "./loadDeliveryContext.js";
import { parseOutboundChoices } from "./parseOutboundChoices.js";
import type { BlackoutRange } from "../domain/blackout/parseBlackout.js";
import { DEFAULT_QUIET_HOURS, minuteOfDay, type QuietHours } from "../domain/schedule/quietHoursEnd.js";
import { createRevisionBumper } from "./createRevisionBumper.js";
import { recoverExpiredLeases } from "./recoverExpiredLeases.js";
import { releaseClaims } from "./releaseClaims.js";
import { renewLeases } from "./renewLeases.js";
import { requeueClaimedDeliveries } from "./requeueClaimedDeliveries.js";
import { sendClaimedDelivery, type SendContext, type SendReport } from "./sendClaimedDelivery.js";
import { skipCancelledDeliveries } from "./skipCancelledDeliveries.js";
import { sourceOfDelivery } from "./sourceOfDelivery.js";
import { startDueBroadcasts } from "./startDueBroadcasts.js";
import type { RenderBroadcast } from "../domain/deliveries/outboundMessage.js";
import type { BulkSender, OutboundMessage } from "./types.js";

export interface DispatcherOptions {
  db: Database;
  senders: Partial<Record<ChannelName, BulkSender>>;
  /**
   * Channels other processes send on and this one has no sender for (a WhatsApp Web session lives
   * in one process): rows for people best reached there are left to them instead of skipped.
   */
  elsewhere?: readonly ChannelName[];
  /**
   * Per-channel limiters (createChannelLimiter), shared with the channel's replies; they own the
   * channel's 429 pause. A sender without one gets a serial one (createSerialLimiter): one delivery
   * at a time.
   */
  limiters?: Partial<Record<ChannelName, ChannelLimiter>>;
  clock: () => Date;
  /** Unique per running dispatcher; it is what claimedBy says. */
  workerId?: string;
  renderBroadcast: RenderBroadcast;
  logger: Logger;
  /** Rows claimed at a time; another batch is claimed once fewer than this are waiting. */
  batchSize?: number;
  /** How long a claim survives a worker that stopped renewing it (crash recovery time). */
  leaseMs?: number;
  /** null: none. Default 21:00-07:00 in the recipient's local time. */
  quietHours?: QuietHours | null;
  /** Zone for contacts with no Indonesian region. */
  defaultTimeZone: string;
  blackout?: readonly BlackoutRange[];
  retry?: RetryPolicy;
  /** How often to look for due rows when there were none. */
  pollIntervalMs?: number;
  /** How often to recover expired leases, start scheduled broadcasts and close cancelled ones. */
  sweepIntervalMs?: number;
  /** Told of every send the platform accepted and every 429, per channel (for /metrics). */
  observer?: { sent(channel: string): void; rateLimited(channel: string): void };
  /** Deliveries a self-paced channel (no limiter) may hold before more are deferred. */
  selfPacedBacklog?: number;
  random?: () => number;
}

/** What one runOnce() (or the dispatcher so far) did. */
export interface DispatchSummary {
  claimed: number;
  sent: number;
  failed: number;
  skipped: number;
  uncertain: number;
  /** Put back until quiet hours or a blackout end. */
  held: number;
  /** Put back for later: paused broadcast, retry, busy channel, lost lease. */
  requeued: number;
}

export interface Dispatcher {
  /** Recovers what a crashed worker left, then keeps sending until stop(). */
  start(): Promise<void>;
  /** Finishes the sends in flight, gives back what was claimed but not started, then resolves. */
  stop(): Promise<void>;
  /** One sweep and one batch, awaited to the end; for tests and one-shot runs, not alongside start(). */
  runOnce(): Promise<DispatchSummary>;
  summary(): DispatchSummary;
}

interface Lane {
  channel: ChannelName;
  sender: BulkSender;
  /** The channel's limits and its 429 pause. A serial one (self-paced) runs one job after another. */
  limiter: ChannelLimiter;
  /** Jobs handed to the lane and not finished. */
  backlog: number;
  /** Of those, the ones not started yet: what a paced lane still has to send. */
  unstarted: number;
  /** Smoothed time between two finished jobs, to say when a busy self-paced lane has room. */
  msPerJob: number;
  lastFinishedAt?: number;
}

interface Job {
  row: ClaimedDelivery;
  lane: Lane;
  identity: DeliveryIdentity;
  contact: DeliveryContact;
  source: DeliverySource;
  message: OutboundMessage;
}

const emptySummary = (): DispatchSummary => ({ claimed: 0, sent: 0, failed: 0, skipped: 0, uncertain: 0, held: 0, requeued: 0 });

/**
 * The outbox worker: claims due deliveries in leased batches, decides each one again right
 * before the platform call, sends it through its channel's limiter and records the answer.
 * Any number of dispatchers may share a database; a delivery is sent by at most one of them.
 */
export function createDispatcher(opts: DispatcherOptions): Dispatcher {
  const { db, clock, logger } = opts;
  const workerId = opts.workerId ?? `dispatcher-${randomUUID()}`;
  const batchSize = opts.batchSize ?? 100;
  const leaseMs = opts.leaseMs ?? 60_000;
  const pollIntervalMs = opts.pollIntervalMs ?? 1_000;
  const sweepIntervalMs = opts.sweepIntervalMs ?? 5_000;
  const selfPacedBacklog = opts.selfPacedBacklog ?? 3;
  const retry = opts.retry ?? DEFAULT_RETRY_POLICY;
  const random = opts.random ?? Math.random;
  const quietHours = opts.quietHours === undefined ? DEFAULT_QUIET_HOURS : opts.quietHours;
  // A bad QUIET_HOURS_* value stops start-up rather than the first broadcast.
  if (quietHours) [quietHours.start, quietHours.end].forEach(minuteOfDay);
  const lanes = new Map<string, Lane>();
  for (const [channel, sender] of Object.entries(opts.senders) as [ChannelName, BulkSender | undefined][]) {
    if (!sender) continue;
    const limiter = opts.limiters?.[channel] ?? createSerialLimiter({ now: () => clock().getTime() });
    lanes.set(channel, { channel, sender, limiter, backlog: 0, unstarted: 0, msPerJob: 1_000 });
  }
  const rules: DeliveryRules = {
    quietHours,
    defaultTimeZone: opts.defaultTimeZone,
    blackout: opts.blackout ?? [],
    channels: new Set(lanes.keys()),
    elsewhere: new Set((opts.elsewhere ?? []).filter((channel) => !lanes.has(channel))),
    // A sender says when its platform takes free text only within a window; decideDelivery picks text or template.
    windows: new Map([...lanes].flatMap(([channel, lane]) => (lane.sender.window ? [[channel, lane.sender.window] as const] : []))),
  };
  const leaveChannels = [...(rules.elsewhere ?? [])];

  const sendContext: SendContext = { db, writer: createSendingWriter(db, workerId), workerId, clock, rules, leaseMs, retry, random, logger };
  const totals = emptySummary();
  /** Rows this worker holds (claimed or sending): the ones whose leases it renews. */
  const held = new Set<string>();
  /** Jobs handed to a lane and not finished. */
  const pending = new Set<Promise<void>>();
  /** Rows handed to a lane and not finished. */
  const enqueued = new Set<string>();
  /** Jobs past the stop check: stop() waits for these. */
  const active = new Set<Promise<SendReport>>();
  let running = false;
  let stopping = false;
  let loopDone: Promise<void> = Promise.resolve();
  let stopped: Promise<void> | undefined;
  let wake: () => void = () => undefined;
  let lastSweepAt = Number.NEGATIVE_INFINITY;
  let lastRenewAt = Number.NEGATIVE_INFINITY;

  // The dashboard's live pages follow Broadcast/Task.revision, bumped for what moved here (a few writes a second at most).
  const revisions = createRevisionBumper(db, logger);
  const count = (key: keyof DispatchSummary, n = 1) => {
    totals[key] += n;
  };
  // What the lanes still have to send: a paced lane counts what waits for its limiter, not what is
  // in flight (at 1000 msg/s, slow answers would otherwise starve it of new rows); a self-paced
  // lane counts everything it holds.
  const backlog = () => [...lanes.values()].reduce((sum, lane) => sum + (lane.limiter.serial ? lane.backlog : lane.unstarted), 0);

  async function sweep(): Promise<void> {
    const now = clock();
    const recovered = await recoverExpiredLeases(db, now);
    const started = await startDueBroadcasts(db, now);
    const cancelled = await skipCancelledDeliveries(db, now);
    if (recovered.requeued || recovered.uncertain || started || cancelled) {
      revisions.noteAll();
      logger.info({ workerId, ...recovered, broadcastsStarted: started, cancelledSkipped: cancelled }, "delivery sweep");
    }
    lastSweepAt = now.getTime();
  }

  async function renew(): Promise<void> {
    const now = clock();
    lastRenewAt = now.getTime();
    await renewLeases(db, workerId, [...held], new Date(now.getTime() + leaseMs), now);
  }

  /** Claims a batch, settles what needs no platform call, and hands the rest to their lanes. */
  async function claimAndRoute(limit: number): Promise<number> {
    const now = clock();
    const rows = await claimDeliveries(db, { workerId, now, leaseMs, limit, leaveChannels });
    if (rows.length === 0) return 0;
    for (const row of rows) held.add(row.id);
    count("claimed", rows.length);
    try {
      await routeClaimed(rows, now);
    } catch (err) {
      // Rows not handed to a lane stop being renewed: their lease runs out and recovery queues them again.
      for (const row of rows) if (!enqueued.has(row.id)) held.delete(row.id);
      throw err;
    }
    return rows.length;
  }

  /** Settles what needs no platform call and hands the rest to their lanes. */
  async function routeClaimed(rows: ClaimedDelivery[], now: Date): Promise<void> {
    const context = await loadDeliveryContext(db, rows);
    const closes = new Map<string, string[]>();
    const waits = new Map<string, { ids: string[]; until: Date | undefined; reason: string | null | undefined; channel?: string }>();
    const addWait = (id: string, until: Date | undefined, reason: string | null | undefined, channel?: string) => {
      const key = `${until?.getTime() ?? ""}|${reason ?? ""}|${channel ?? ""}`;
      const group = waits.get(key) ?? { ids: [], until, reason, ...(channel ? { channel } : {}) };
      group.ids.push(id);
      waits.set(key, group);
    };
    let toSend = 0;
    for (const row of rows) {
      const broadcast = row.broadcastId === null ? undefined : context.broadcasts.get(row.broadcastId);
      const task = row.taskId === null ? undefined : context.tasks.get(row.taskId);
      const source = sourceOfDelivery(row, { broadcast, task });
      const contact = row.contactId ? context.contacts.get(row.contactId) : undefined;
      const decision = decideDelivery(source, contact, now, rules);
      if (decision.action === "skip") closes.set(`skipped|${decision.reason}`, [...(closes.get(`skipped|${decision.reason}`) ?? []), row.id]);
      else if (decision.action === "release") addWait(row.id, undefined, undefined);
      else if (decision.action === "wait") addWait(row.id, decision.until, decision.reason);
      else if (decision.action === "handoff") addWait(row.id, undefined, undefined, decision.channel);
      else {
        const lane = lanes.get(decision.identity.channel)!;
        const message = broadcast ? render(broadcast, contact!, lane.channel) : oneOffMessage(row);
        if (!message) closes.set("failed|render_failed", [...(closes.get("failed|render_failed") ?? []), row.id]);
        else if (lane.limiter.serial && lane.backlog >= selfPacedBacklog) {
          // A self-paced channel has all it can send for a while; the row comes back when it may have room.
          addWait(row.id, new Date(now.getTime() + Math.max(1_000, lane.backlog * lane.msPerJob)), null);
        } else {
          enqueue({ row, lane, identity: decision.identity, contact: contact!, source: source!, message });
          toSend++;
        }
      }
    }
    for (const [key, ids] of closes) {
      const [status, reason] = key.split("|") as ["skipped" | "failed", string];
      count(status, await closeClaimedDeliveries(db, ids, workerId, { status, reason, now }));
      for (const id of ids) held.delete(id);
    }
    for (const group of waits.values()) {
      const requeued = await requeueClaimedDeliveries(db, group.ids, workerId, { now, notBefore: group.until, reason: group.reason, ...(group.channel ? { channel: group.channel } : {}) });
      count(group.reason === "quiet_hours" || group.reason === "blackout" ? "held" : "requeued", requeued);
      for (const id of group.ids) held.delete(id);
    }
    // After the writes: a page that reads the new revision must read the rows it moved.
    const moved = new Set([...closes.values(), ...[...waits.values()].map((group) => group.ids)].flat());
    for (const row of rows) if (moved.has(row.id)) revisions.note(row);
    logger.debug({ workerId, claimed: rows.length, toSend }, "delivery batch claimed");
  }

  function render(broadcast: DeliveryBroadcast, contact: DeliveryContact, channel: ChannelName): OutboundMessage | undefined {
    if (!broadcast.texts) return undefined;
    try {
      return opts.renderBroadcast(
        { id: broadcast.id, texts: broadcast.texts, imageUrl: broadcast.imageUrl, operational: broadcast.operational },
        { id: contact.id, name: contact.name, language: contact.language, role: contact.role, regionCode: contact.regionCode },
        channel,
      );
    } catch (err) {
      logger.error({ err, broadcastId: broadcast.id }, "broadcast could not be rendered");
      return undefined;
    }
  }

  /** One-off rows (task offers, reminders, staff replies) were written already in the recipient's language. */
  function oneOffMessage(row: ClaimedDelivery): OutboundMessage | undefined {
    if (!row.text) return undefined;
    const choices = parseOutboundChoices(row.choices);
    return { text: row.text, ...(row.imageUrl ? { imageUrl: row.imageUrl } : {}), ...(choices.length ? { choices } : {}) };
  }

  function enqueue(job: Job): void {
    const { lane } = job;
    enqueued.add(job.row.id);
    lane.backlog++;
    lane.unstarted++;
    let started = false;
    const run = (called?: () => void) => {
      started = true;
      lane.unstarted--;
      return runJob(job, called);
    };
    // A staff reply answers someone waiting for it: it goes ahead of bulk traffic, like the bot's own replies.
    const priority = job.source.consent === "reply" ? "reply" : "bulk";
    // The limiter reads the platform's "slow down" from the report and pauses the channel itself.
    const scheduled = lane.limiter.schedule(priority, job.identity.externalId, run, (report) => report?.pauseChannelMs);
    const finished: Promise<void> = scheduled
      .then(() => undefined, (err: unknown) => {
        // Only a stopped limiter or broken infrastructure lands here; the lease brings the row back.
        if (!stopping) logger.error({ err, deliveryId: job.row.id }, "delivery job failed");
      })
      .finally(() => {
        enqueued.delete(job.row.id);
        held.delete(job.row.id);
        lane.backlog--;
        if (!started) lane.unstarted--;
        const t = clock().getTime();
        if (lane.lastFinishedAt !== undefined) lane.msPerJob = 0.8 * lane.msPerJob + 0.2 * Math.max(0, t - lane.lastFinishedAt);
        lane.lastFinishedAt = t;
        pending.delete(finished);
        wake();
      });
    pending.add(finished);
  }

  async function runJob(job: Job, called?: () => void): Promise<SendReport | undefined> {
    // Left claimed: stop() gives it back to the queue.
    if (stopping) return undefined;
    const work = sendOne(job, called).finally(() => {
      active.delete(work);
      held.delete(job.row.id);
    });
    active.add(work);
    return work;
  }

  async function sendOne(job: Job, called?: () => void): Promise<SendReport> {
    const { lane } = job;
    const report = await sendClaimedDelivery(sendContext, { ...job, sender: lane.sender, ...(called ? { called } : {}) });
    if (report.result !== "lost") count(report.result);
    revisions.note(job.row);
    if (report.result === "sent") opts.observer?.sent(lane.channel);
    if (report.pauseChannelMs !== undefined) {
      opts.observer?.rateLimited(lane.channel);
      logger.warn({ channel: lane.channel, pauseMs: report.pauseChannelMs }, "platform asked to slow down; channel paused");
    }
    return report;
  }

  async function loop(): Promise<void> {
    while (!stopping) {
      let idleMs = 0;
      try {
        const now = clock().getTime();
        if (now - lastSweepAt >= sweepIntervalMs) await sweep();
        if (now - lastRenewAt >= leaseMs / 3) await renew();
        if (backlog() < batchSize) {
          const claimed = await claimAndRoute(batchSize);
          // Fewer than asked: nothing else is due yet.
          if (claimed < batchSize) idleMs = pollIntervalMs;
        } else {
          // Enough waiting in the lanes; a finished job wakes us.
          idleMs = pollIntervalMs;
        }
      } catch (err) {
        logger.error({ err, workerId }, "dispatcher loop failed; retrying");
        idleMs = pollIntervalMs;
      }
      // Never idle past a lease renewal.
      if (idleMs > 0 && !stopping) await idle(Math.min(idleMs, leaseMs / 3));
    }
  }

  function idle(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        wake = () => undefined;
        resolve();
      }
      // Woken early by stop(), or by a finished job once the lanes have room for another batch.
      wake = () => {
        if (stopping || backlog() < batchSize) done();
      };
    });
  }

  return {
    async start() {
      if (running) throw new Error("dispatcher already started");
      running = true;
      stopping = false;
      stopped = undefined;
      await sweep();
      loopDone = loop();
      logger.info({ workerId, channels: [...lanes.keys()], batchSize, leaseMs }, "dispatcher started");
    },
    stop() {
      if (!running) return Promise.resolve();
      stopped ??= (async () => {
        stopping = true;
        wake();
        await loopDone;
        const released = await releaseClaims(db, workerId, clock());
        await Promise.allSettled([...active]);
        await revisions.flush();
        running = false;
        logger.info({ workerId, released, ...totals }, "dispatcher stopped");
      })();
      return stopped;
    },
    async runOnce() {
      if (running) throw new Error("runOnce is not for a started dispatcher");
      const before = { ...totals };
      await sweep();
      await claimAndRoute(batchSize);
      while (pending.size > 0) await Promise.allSettled([...pending]);
      await revisions.flush();
      const after = { ...totals };
      return Object.fromEntries(Object.entries(after).map(([k, v]) => [k, v - before[k as keyof DispatchSummary]])) as unknown as DispatchSummary;
    },
    summary: () => ({ ...totals }),
  };
}
