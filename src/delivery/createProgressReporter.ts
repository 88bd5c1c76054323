import type { ChannelName } from "../domain/contacts/channelName.js";
import type { Database } from "../db/client.js";
import type { Logger } from "../logger.js";
import { readBroadcastProgress, type BroadcastProgress, type FormatProgress } from "../domain/broadcasts/readBroadcastProgress.js";
import type { StaffNotifier } from "./types.js";

export interface ProgressReporterOptions {
  db: Database;
  notifiers: Partial<Record<ChannelName, StaffNotifier>>;
  format: FormatProgress;
  clock: () => Date;
  logger: Logger;
  /** How often start() ticks. */
  intervalMs?: number;
}

export interface ProgressReporter {
  start(): void;
  stop(): Promise<void>;
  /** One round over the broadcasts being sent; start() calls it every intervalMs. */
  tick(): Promise<void>;
}

/**
 * Keeps each running broadcast's progress message up to date, closes broadcasts with nothing
 * left to send (completed; a cancelled one keeps its status and gets completedAt) and posts
 * the final report. Safe with several processes: only the one that closes a broadcast reports it.
 */
export function createProgressReporter(opts: ProgressReporterOptions): ProgressReporter {
  const { db, clock, logger } = opts;
  const previous = new Map<string, BroadcastProgress>();
  const lastText = new Map<string, string>();
  let timer: NodeJS.Timeout | undefined;
  let ticking: Promise<void> | undefined;

  async function tick(): Promise<void> {
    const broadcasts = await db.broadcast.findMany({
      where: { OR: [{ status: { in: ["sending", "paused"] } }, { status: "cancelled", completedAt: null }] },
      select: { id: true, status: true, progressChat: true, progressMessage: true },
    });
    for (const broadcast of broadcasts) {
      try {
        await report(broadcast);
      } catch (err) {
        logger.warn({ err, broadcastId: broadcast.id }, "broadcast progress report failed");
      }
    }
  }

  async function report(broadcast: { id: string; status: string; progressChat: string | null; progressMessage: string | null }): Promise<void> {
    const now = clock();
    const progress = await readBroadcastProgress(db, broadcast.id, now, previous.get(broadcast.id));
    if (!progress) return;
    previous.set(broadcast.id, progress);
    const done = progress.remaining === 0 && broadcast.status !== "paused";
    if (done && !(await close(broadcast.id, broadcast.status, now))) return;
    const target = parseChat(broadcast.progressChat);
    const notifier = target && opts.notifiers[target.channel as ChannelName];
    if (!target || !notifier) return;
    const phase = done ? "final" : "running";
    const text = opts.format(done ? { ...progress, status: broadcast.status === "cancelled" ? "cancelled" : "completed" } : progress, phase);
    if (done) {
      previous.delete(broadcast.id);
      lastText.delete(broadcast.id);
      if (broadcast.progressMessage) await notifier.edit(target.chatId, broadcast.progressMessage, text);
      // A new message, so staff get a notification; edits arrive silently.
      await notifier.post(target.chatId, text);
      return;
    }
    if (lastText.get(broadcast.id) === text) return;
    if (broadcast.progressMessage) await notifier.edit(target.chatId, broadcast.progressMessage, text);
    else {
      const ref = await notifier.post(target.chatId, text);
      if (ref) await db.broadcast.updateMany({ where: { id: broadcast.id, progressMessage: null }, data: { progressMessage: ref } });
    }
    lastText.set(broadcast.id, text);
  }

  /** True for the one caller that closed it. */
  async function close(id: string, status: string, now: Date): Promise<boolean> {
    const closed =
      status === "cancelled"
        ? await db.broadcast.updateMany({ where: { id, status: "cancelled", completedAt: null }, data: { completedAt: now } })
        : await db.broadcast.updateMany({ where: { id, status: "sending" }, data: { status: "completed", completedAt: now } });
    if (closed.count === 1) logger.info({ broadcastId: id, status: status === "cancelled" ? "cancelled" : "completed" }, "broadcast finished");
    return closed.count === 1;
  }

  function runTick(): Promise<void> {
    ticking ??= tick()
      .catch((err: unknown) => logger.error({ err }, "progress reporter tick failed"))
      .finally(() => (ticking = undefined));
    return ticking;
  }

  return {
    start() {
      if (timer) return;
      timer = setInterval(() => void runTick(), opts.intervalMs ?? 5_000);
    },
    async stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      await ticking;
    },
    tick: runTick,
  };
}

function parseChat(progressChat: string | null): { channel: string; chatId: string } | undefined {
  const at = progressChat?.indexOf(":") ?? -1;
  if (!progressChat || at <= 0) return undefined;
  return { channel: progressChat.slice(0, at), chatId: progressChat.slice(at + 1) };
}
