import type { Database } from "../db/client.js";
import { bumpSourceRevisions } from "../domain/deliveries/bumpSourceRevisions.js";
import type { Logger } from "../logger.js";

export interface RevisionBumper {
  /** A delivery of this broadcast or task moved (settled, held, skipped). */
  note(row: { broadcastId: string | null; taskId: number | null }): void;
  /** A sweep moved rows whose owners it did not read. */
  noteAll(): void;
  /** Writes what was noted now (stop, runOnce). */
  flush(): Promise<void>;
}

// One write per this many ms at most, however fast deliveries settle: the live pages read once a
// second, so this keeps them within the 2 s the dashboard promises, at a few statements a second.
const FLUSH_AFTER_MS = 250;

/** Gathers the broadcasts and tasks whose deliveries this dispatcher moved and bumps their revision in one statement each, now and then. */
export function createRevisionBumper(db: Database, logger: Logger): RevisionBumper {
  let broadcastIds = new Set<string>();
  let taskIds = new Set<number>();
  let all = false;
  let timer: NodeJS.Timeout | undefined;
  let writing: Promise<void> = Promise.resolve();

  async function flush(): Promise<void> {
    clearTimeout(timer);
    timer = undefined;
    const sources = { broadcastIds, taskIds, all };
    broadcastIds = new Set();
    taskIds = new Set();
    all = false;
    if (!sources.all && sources.broadcastIds.size === 0 && sources.taskIds.size === 0) return writing;
    writing = writing.then(() => bumpSourceRevisions(db, sources)).catch((err: unknown) => logger.warn({ err }, "live revision not written"));
    return writing;
  }
  const later = () => {
    timer ??= setTimeout(() => void flush(), FLUSH_AFTER_MS);
    timer.unref?.();
  };
  return {
    note(row) {
      if (row.broadcastId !== null) broadcastIds.add(row.broadcastId);
      if (row.taskId !== null) taskIds.add(row.taskId);
      if (row.broadcastId !== null || row.taskId !== null) later();
    },
    noteAll() {
      all = true;
      later();
    },
    flush,
  };
}
