import type { BulkWriter } from "../../db/openBulkWriter.js";
import type { ImportRow } from "./types.js";
import type { BatchResult, BatchSettings } from "./writeImportBatch.js";
import { writeImportBatchInParallel } from "./writeImportBatchInParallel.js";

/** A batch being written: what it may touch, and when its lookups are done. */
interface Flight {
  phones: Set<string>;
  telegramIds: Set<string>;
  /** The people already in the database it found, complete once `looked` has resolved. */
  contactIds: Set<string>;
  looked: Promise<void>;
  result: Promise<BatchResult>;
  settled: Promise<void>;
  done: boolean;
}

/** Thrown at a batch's claim when the batch before it, still being written, found one of its people. */
class FoundByEarlierBatch extends Error {}

export interface OverlappedBatches {
  /**
   * Starts writing a batch on the next lane of writers, once it may: returns when its lookups are
   * done, with the promise of its result. Throws the error of an earlier batch that failed.
   */
  start(rows: readonly ImportRow[]): Promise<{ written: Promise<BatchResult> }>;
  /** Resolves once every batch started has committed or failed. */
  settled(): Promise<void>;
}

/**
 * Writes an import's batches on PostgreSQL with one batch's writes overlapping the next one's
 * lookups and writes, each on its own lane of writers (connections), so the server processes
 * are not left idle while this thread prepares a batch and the batch before it commits. A batch
 * must still act as if the one before it were committed: it starts after that one's lookups, only
 * if no phone or Telegram id is in both (otherwise once that one has committed), and if its lookups
 * find a person that one found too, it writes nothing, waits for that one to commit, and looks up
 * again. So the two never touch the same person (nor the same row or key), and each finds what the
 * other would have found in file order. One lane writes one batch at a time, as before.
 */
export function overlapImportBatches(lanes: readonly (readonly BulkWriter[])[], settings: BatchSettings): OverlappedBatches {
  const flights: Flight[] = [];
  let started = 0;
  let failure: { error: unknown } | undefined;
  const throwFailure = () => {
    if (failure) throw failure.error;
  };
  return {
    async start(rows) {
      throwFailure();
      const lane = lanes[started++ % lanes.length]!;
      // The lane's previous batch, and any batch sharing a key with this one, must be done first.
      const sameLane = flights.at(-lanes.length);
      if (sameLane) await sameLane.settled;
      const phones = new Set(rows.flatMap((row) => (row.phone ? [row.phone] : [])));
      const telegramIds = new Set(rows.flatMap((row) => (row.telegramId ? [row.telegramId] : [])));
      let earlier = flights.at(-1);
      if (earlier && !earlier.done && (shares(phones, earlier.phones) || shares(telegramIds, earlier.telegramIds))) await earlier.settled;
      if (earlier?.done) earlier = undefined;
      throwFailure();
      const flight = fly(lane, rows, { phones, telegramIds }, earlier, settings);
      flight.result.catch((error: unknown) => (failure ??= { error }));
      flights.push(flight);
      if (flights.length > lanes.length) flights.shift();
      await flight.looked;
      return { written: flight.result };
    },
    async settled() {
      await Promise.all(flights.map((flight) => flight.settled));
    },
  };
}

function fly(lane: readonly BulkWriter[], rows: readonly ImportRow[], keys: Pick<Flight, "phones" | "telegramIds">, earlier: Flight | undefined, settings: BatchSettings): Flight {
  let looked!: () => void;
  const flight = { ...keys, contactIds: new Set<string>(), looked: new Promise<void>((resolve) => (looked = resolve)), done: false } as Flight;
  const record = (contactIds: readonly string[]) => {
    for (const id of contactIds) flight.contactIds.add(id);
    looked();
  };
  // Checked against the batch that was being written when this one began, even if it has committed
  // since: this one's lookups may have run before its commit.
  const claim = async (contactIds: readonly string[]) => {
    if (earlier && contactIds.some((id) => earlier.contactIds.has(id))) throw new FoundByEarlierBatch();
    record(contactIds);
  };
  flight.result = (async () => {
    try {
      return await writeImportBatchInParallel(lane, rows, { ...settings, claim });
    } catch (error) {
      if (!(error instanceof FoundByEarlierBatch)) throw error;
      await earlier!.settled;
      return await writeImportBatchInParallel(lane, rows, { ...settings, claim: async (contactIds) => record(contactIds) });
    } finally {
      flight.done = true;
      looked();
    }
  })();
  flight.settled = flight.result.then(
    () => undefined,
    () => undefined,
  );
  return flight;
}

function shares(a: ReadonlySet<string>, b: ReadonlySet<string>): boolean {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  for (const key of small) if (large.has(key)) return true;
  return false;
}
