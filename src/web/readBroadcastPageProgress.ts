// A broadcast's progress for its page, with a rate and an ETA as the chat's progress message has
// them (readBroadcastProgress against an earlier reading). The page is drawn again on every live
// change, so this process keeps each broadcast's recent readings for a while and measures against
// one a few seconds old: steadier than the last redraw, and still about now after a pause.
import type { Database } from "../db/client.js";
import { readBroadcastProgress, type BroadcastProgress } from "../domain/broadcasts/readBroadcastProgress.js";

type Reading = Pick<BroadcastProgress, "settled" | "at">;

const SPAN_MS = 5_000;
const KEEP_MS = 30_000;
const readings = new Map<string, Reading[]>();

export async function readBroadcastPageProgress(db: Database, broadcastId: string, now: Date): Promise<BroadcastProgress | undefined> {
  forgetOld(now);
  const kept = readings.get(broadcastId) ?? [];
  // The newest reading at least SPAN_MS old, or else the oldest kept.
  const previous = kept.findLast((r) => now.getTime() - r.at.getTime() >= SPAN_MS) ?? kept[0];
  const progress = await readBroadcastProgress(db, broadcastId, now, previous);
  if (!progress) return undefined;
  // Only while something moves: a finished broadcast's page needs no rate.
  if (progress.remaining > 0) readings.set(broadcastId, [...kept, { settled: progress.settled, at: now }]);
  else readings.delete(broadcastId);
  return progress;
}

function forgetOld(now: Date): void {
  for (const [id, kept] of readings) {
    const fresh = kept.filter((r) => now.getTime() - r.at.getTime() <= KEEP_MS);
    if (fresh.length === 0) readings.delete(id);
    else readings.set(id, fresh);
  }
}
