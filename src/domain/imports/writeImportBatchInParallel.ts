import { isUniqueViolation } from "../../db/isUniqueViolation.js";
import type { BulkWriter } from "../../db/openBulkWriter.js";
import { splitImportBatch } from "./splitImportBatch.js";
import type { ImportRow } from "./types.js";
import { writeImportBatch, type BatchResult, type BatchSettings } from "./writeImportBatch.js";

/**
 * Writes one batch with several writers at once, each on its own connection and transaction, so
 * that on PostgreSQL each keeps a server process (and a core) busy: the rows are split so that no
 * two writers write the same phone or Telegram id (splitImportBatch), and after their lookups the
 * writers wait for each other: if two of them found the same person already in the database (one
 * by phone, the other by Telegram id), all roll back before writing anything and the whole batch is
 * written by one writer, rows in file order, as without parallel writers. A writer that fails after
 * that point (a deadlock, a unique key someone else took meanwhile, a lost connection) has rolled
 * back; its rows are written again by one writer once the others have committed, so no row is lost
 * or written twice, and a lasting fault fails the import there. The caller's claim, given everyone
 * the writers found, may refuse the batch before anything is written (overlapImportBatches, which
 * keeps a later batch from touching anyone this one does). One writer alone (the only one, or the
 * one writing again) that breaks a unique key another session took after its lookups (the bot
 * adding someone the file names) writes its rows once more, and the lookups then find that key.
 */
export async function writeImportBatchInParallel(writers: readonly BulkWriter[], rows: readonly ImportRow[], settings: BatchSettings): Promise<BatchResult> {
  const first = writers[0]!;
  const once = (batch: readonly ImportRow[], given: BatchSettings) => first.transaction(() => writeImportBatch(first, batch, given));
  const alone = (batch: readonly ImportRow[], given = settings) =>
    once(batch, given).catch((error: unknown) => {
      if (!isUniqueViolation(error)) throw error;
      return once(batch, given);
    });
  const groups = writers.length > 1 ? splitImportBatch(rows, writers.length) : [];
  if (groups.length < 2) return alone(rows);
  const claims = startClaims(groups.length, settings.claim);
  const outcomes = await Promise.allSettled(
    groups.map(async (group, i) => {
      const writer = writers[i]!;
      try {
        return await writer.transaction(() => writeImportBatch(writer, group, { ...settings, claim: (ids) => claims.claim(i, ids) }));
      } finally {
        claims.leave(i);
      }
    }),
  );
  // Nobody wrote: the caller's claim refused, a person found twice, or a writer failed before its lookups were done.
  const refusal = claims.refusal();
  if (refusal) throw refusal.error;
  if (!claims.passed()) return alone(rows);
  const results = outcomes.flatMap((outcome) => (outcome.status === "fulfilled" ? [outcome.value] : []));
  const failed = groups.flatMap((group, i) => (outcomes[i]!.status === "rejected" ? group : [])).sort((a, b) => a.line - b.line);
  // The caller's claim has passed for these people already; looked up again, they are the same.
  if (failed.length > 0) results.push(await alone(failed, { ...settings, claim: undefined }));
  return results.reduce((sum, result) => ({
    created: sum.created + result.created,
    merged: sum.merged + result.merged,
    invalid: [...sum.invalid, ...result.invalid],
    consentRecorded: sum.consentRecorded + result.consentRecorded,
    consentNotApplied: sum.consentNotApplied + result.consentNotApplied,
    optedOut: sum.optedOut + result.optedOut,
  }));
}

/** Thrown in every writer at the claim when two of them found one person. */
class PersonFoundTwice extends Error {}

/**
 * The writers' meeting point after their lookups: each names the people it found and waits until
 * every writer has (or has failed, which leaves too); the claims pass when no person was named
 * twice and the caller's own claim, given everyone found, did not throw (its error is then every writer's).
 */
function startClaims(writers: number, outer: BatchSettings["claim"]) {
  const owners = new Map<string, number>();
  const arrived = new Set<number>();
  let clear = true;
  let outerClaim: Promise<void> | undefined;
  let refused: { error: unknown } | undefined;
  let everyone!: () => void;
  const all = new Promise<void>((resolve) => (everyone = resolve));
  const arrive = (writer: number) => {
    if (arrived.has(writer)) return false;
    arrived.add(writer);
    if (arrived.size === writers) everyone();
    return true;
  };
  return {
    async claim(writer: number, contactIds: readonly string[]) {
      arrive(writer);
      for (const id of contactIds) {
        const owner = owners.get(id);
        if (owner !== undefined && owner !== writer) clear = false;
        owners.set(id, writer);
      }
      await all;
      if (!clear) throw new PersonFoundTwice("Two import writers found the same person");
      outerClaim ??= (async () => {
        try {
          await outer?.([...owners.keys()]);
        } catch (error) {
          refused = { error };
          clear = false;
          throw error;
        }
      })();
      await outerClaim;
    },
    /** A writer done, or failed; failing before its claim fails the claims. */
    leave(writer: number) {
      if (arrive(writer)) clear = false;
    },
    passed: () => clear,
    refusal: () => refused,
  };
}
