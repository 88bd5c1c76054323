import type { Database } from "../db/client.js";
import type { Logger } from "../logger.js";
import { recordDeliveryReceipts, type ReceiptsRecorded } from "./recordDeliveryReceipts.js";
import type { DeliveryReceipt } from "./types.js";

export interface ReceiptWriter {
  /** Queues receipts; they are written with whatever else arrives within a few milliseconds. */
  add(receipts: readonly DeliveryReceipt[]): void;
  /** Writes what is queued and waits for writes under way. */
  flush(): Promise<void>;
}

// Meta sends one status per webhook at a broadcast's pace (two or three per message): gathered for
// this long, a second's worth of them costs a few statements instead of one lookup each.
const GATHER_MS = 50;
const MAX_BATCH = 500;

/** Gathers a channel's delivery receipts and records them in batches (recordDeliveryReceipts). */
export function createReceiptWriter(opts: {
  db: Database;
  channel: string;
  logger: Logger;
  clock?: () => Date;
  /** Told how many receipts named a delivery of ours and how many did not, for the metrics. */
  counted?: (recorded: ReceiptsRecorded) => void;
}): ReceiptWriter {
  const clock = opts.clock ?? (() => new Date());
  let queued: DeliveryReceipt[] = [];
  let timer: NodeJS.Timeout | undefined;
  // One batch at a time, in arrival order: a later receipt is never written before an earlier one.
  let writing: Promise<void> = Promise.resolve();

  function write(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const batch = queued;
    queued = [];
    if (batch.length === 0) return writing;
    writing = writing.then(async () => {
      for (let i = 0; i < batch.length; i += MAX_BATCH) {
        const chunk = batch.slice(i, i + MAX_BATCH);
        try {
          const recorded = await recordDeliveryReceipts(opts.db, opts.channel, chunk, clock());
          opts.counted?.(recorded);
          if (recorded.unknown > 0) opts.logger.debug({ channel: opts.channel, ...recorded }, "delivery receipts for messages that are no delivery of ours ignored");
        } catch (err) {
          // Receipts are not redelivered once the webhook was answered: these are lost, and say so.
          opts.logger.error({ err, channel: opts.channel, receipts: chunk.length }, "delivery receipts not recorded");
        }
      }
    });
    return writing;
  }

  return {
    add(receipts) {
      queued.push(...receipts);
      if (queued.length >= MAX_BATCH) void write();
      else timer ??= setTimeout(() => void write(), GATHER_MS);
    },
    flush: () => write(),
  };
}
