import type { Database } from "../db/client.js";
import { beginSending } from "./beginSending.js";
import type { DeliverySource } from "./decideDelivery.js";
import { settleSending, type SendingResult } from "./settleSending.js";
import { settleSentDeliveries } from "./settleSentDeliveries.js";
import type { SentAs } from "./types.js";

export interface SendingWriter {
  /** Marks the row `sending` if it may still go (see beginSending); false: it may not. */
  begin(id: string, target: { channel: string; externalId: string; consent: DeliverySource["consent"]; leaseUntil: Date; now: Date }): Promise<boolean>;
  /** Records the platform's answer; false: the row was no longer this worker's. */
  settle(id: string, result: SendingResult, now: Date): Promise<boolean>;
}

interface Pending<T> {
  item: T;
  resolve: (ok: boolean) => void;
  reject: (err: unknown) => void;
}

// "sent" answers wait this long for company before being written; a crash in that window leaves
// them `sending`, which recovery reports as uncertain: never sent twice, just reported.
const SETTLE_WINDOW_MS = 5;
const MAX_BATCH = 200;

/**
 * The two writes around every platform call, gathered into one statement per batch: the rows a
 * rate-limiter slice lets go together (1000 msg/s paid broadcasts release ten at a time) begin in
 * one statement, and answers arriving within a few milliseconds settle in one. At 30 msg/s every
 * batch holds one row and nothing changes.
 */
export function createSendingWriter(db: Database, workerId: string): SendingWriter {
  const begins = new Map<string, { group: Parameters<typeof beginSending>[3]; rows: Pending<{ id: string; externalId: string }>[] }>();
  let beginScheduled = false;
  let sent: Pending<{ id: string; platformMessageId?: string; sentAs?: SentAs; now: Date }>[] = [];
  let settleTimer: NodeJS.Timeout | undefined;

  async function flushBegins(): Promise<void> {
    beginScheduled = false;
    const groups = [...begins.values()];
    begins.clear();
    for (const { group, rows } of groups) {
      for (let i = 0; i < rows.length; i += MAX_BATCH) {
        const chunk = rows.slice(i, i + MAX_BATCH);
        try {
          const passed = await beginSending(db, workerId, chunk.map((p) => p.item), group);
          for (const p of chunk) p.resolve(passed.has(p.item.id));
        } catch (err) {
          for (const p of chunk) p.reject(err);
        }
      }
    }
  }

  async function flushSent(): Promise<void> {
    settleTimer = undefined;
    const batch = sent;
    sent = [];
    for (let i = 0; i < batch.length; i += MAX_BATCH) {
      const chunk = batch.slice(i, i + MAX_BATCH);
      try {
        const now = chunk[chunk.length - 1]!.item.now;
        const updated = await settleSentDeliveries(db, workerId, chunk.map((p) => p.item), now);
        for (const p of chunk) p.resolve(updated.has(p.item.id));
      } catch (err) {
        for (const p of chunk) p.reject(err);
      }
    }
  }

  return {
    begin(id, target) {
      const { channel, consent, leaseUntil, now } = target;
      const key = `${channel}|${consent}`;
      return new Promise<boolean>((resolve, reject) => {
        const entry = begins.get(key) ?? { group: { channel, consent, leaseUntil, now }, rows: [] };
        entry.rows.push({ item: { id, externalId: target.externalId }, resolve, reject });
        begins.set(key, entry);
        // Everything the limiter starts in this turn of the event loop goes in one statement.
        if (!beginScheduled) {
          beginScheduled = true;
          setImmediate(() => void flushBegins());
        }
      });
    },
    settle(id, result, now) {
      if (result.status !== "sent") return settleSending(db, id, workerId, result, now);
      return new Promise<boolean>((resolve, reject) => {
        const { platformMessageId, sentAs } = result;
        sent.push({ item: { id, now, ...(platformMessageId ? { platformMessageId } : {}), ...(sentAs ? { sentAs } : {}) }, resolve, reject });
        if (sent.length >= MAX_BATCH) {
          clearTimeout(settleTimer);
          void flushSent();
        } else settleTimer ??= setTimeout(() => void flushSent(), SETTLE_WINDOW_MS);
      });
    },
  };
}
