import type { Database } from "../db/client.js";
import type { Logger } from "../logger.js";
import { recordDeliveryReceipts, type ReceiptsRecorded } from "./recordDeliveryReceipts.js";
import type { DeliveryReceipt } from "./types.js";

export interface ReceiptWriter {
  /**
   * Queues receipts; they are written with whatever else arrived meanwhile. Resolves once they are
   * written, rejects when writing them failed (the webhook then asks for them again).
   */
  add(receipts: readonly DeliveryReceipt[]): Promise<void>;
  /** Writes what is queued and waits for writes under way; failures were already told to those who added. */
  flush(): Promise<void>;
}

// Receipts per statement at most.
const MAX_BATCH = 500;

interface Waiting {
  receipts: readonly DeliveryReceipt[];
  written: () => void;
  failed: (err: unknown) => void;
}

/**
 * Gathers a channel's delivery receipts and records them in batches (recordDeliveryReceipts). Meta
 * sends one status per webhook at a broadcast's pace (two or three per message), and each webhook
 * waits for its receipts to be written: whatever arrives while a batch is written goes in the next
 * one. A quiet webhook waits for one write; under load a batch holds all that came meanwhile, so
 * the writes keep pace with the database instead of costing a lookup per status; nothing waits for a
 * fixed time.
 */
export function createReceiptWriter(opts: {
  db: Database;
  channel: string;
  logger: Logger;
  clock?: () => Date;
  /** Told how many receipts named a delivery of ours and how many did not, for the metrics. */
  counted?: (recorded: ReceiptsRecorded) => void;
}): ReceiptWriter {
  const clock = opts.clock ?? (() => new Date());
  let queued: Waiting[] = [];
  // One batch at a time, in arrival order: a later receipt is never written before an earlier one.
  let writing: Promise<void> | undefined;

  async function record(chunk: readonly Waiting[]): Promise<void> {
    const receipts = chunk.flatMap((waiting) => waiting.receipts);
    try {
      const recorded = await recordDeliveryReceipts(opts.db, opts.channel, receipts, clock());
      opts.counted?.(recorded);
      if (recorded.unknown > 0) opts.logger.debug({ channel: opts.channel, ...recorded }, "delivery receipts for messages that are no delivery of ours ignored");
      for (const waiting of chunk) waiting.written();
    } catch (err) {
      opts.logger.error({ err, channel: opts.channel, receipts: receipts.length }, "delivery receipts not recorded");
      for (const waiting of chunk) waiting.failed(err);
    }
  }

  async function writeUntilEmpty(): Promise<void> {
    // The webhooks that came in the same turn of the event loop go together from the start.
    await new Promise<void>((resolve) => setImmediate(resolve));
    for (;;) {
      const batch = queued;
      queued = [];
      // Marked idle in the same step that found nothing left: a receipt added after it starts a new round.
      if (batch.length === 0) return void (writing = undefined);
      for (const chunk of chunksOf(batch)) await record(chunk);
    }
  }

  return {
    add(receipts) {
      if (receipts.length === 0) return Promise.resolve();
      return new Promise<void>((written, failed) => {
        queued.push({ receipts, written, failed });
        writing ??= writeUntilEmpty();
      });
    },
    flush: () => writing ?? Promise.resolve(),
  };
}

// Whole webhooks per statement, about MAX_BATCH receipts each: a failure is told to exactly the webhooks it hit.
function chunksOf(batch: readonly Waiting[]): Waiting[][] {
  const chunks: Waiting[][] = [];
  let chunk: Waiting[] = [];
  let size = 0;
  for (const waiting of batch) {
    if (size > 0 && size + waiting.receipts.length > MAX_BATCH) {
      chunks.push(chunk);
      chunk = [];
      size = 0;
    }
    chunk.push(waiting);
    size += waiting.receipts.length;
  }
  if (chunk.length > 0) chunks.push(chunk);
  return chunks;
}
