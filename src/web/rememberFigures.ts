import type { DashboardDeps } from "./dashboardTypes.js";

interface Entry {
  readAt: Date;
  value: unknown;
  refreshing?: Promise<void>;
}

export interface RememberedFigures<T> {
  value: T;
  /** When the figures were read: the page says so. */
  readAt: Date;
}

const memories = new WeakMap<DashboardDeps, Map<string, Entry | Promise<Entry>>>();

/**
 * Figures over the whole campaign (the overview, the country map), read at most once every
 * `deps.figuresSeconds`: with a million contacts one reading costs the database about a second,
 * and every staff member opening the overview would pay it again. Figures older than that are
 * still shown while one fresh reading runs behind them (the next page gets it); requests that
 * arrive together share one reading. Without `figuresSeconds` (tests) every request reads.
 */
export async function rememberFigures<T>(deps: DashboardDeps, key: string, read: () => Promise<T>): Promise<RememberedFigures<T>> {
  const seconds = deps.figuresSeconds ?? 0;
  if (seconds <= 0) return { value: await read(), readAt: deps.clock() };
  let memory = memories.get(deps);
  if (memory === undefined) {
    memory = new Map();
    memories.set(deps, memory);
  }
  const readNow = async (): Promise<Entry> => {
    const readAt = deps.clock();
    return { readAt, value: await read() };
  };
  const known = memory.get(key);
  if (known === undefined) {
    const first = readNow();
    memory.set(key, first);
    try {
      const entry = await first;
      memory.set(key, entry);
      return { value: entry.value as T, readAt: entry.readAt };
    } catch (error) {
      memory.delete(key);
      throw error;
    }
  }
  const entry = await known;
  const age = deps.clock().getTime() - entry.readAt.getTime();
  if (age >= seconds * 1000 && entry.refreshing === undefined) {
    entry.refreshing = readNow()
      .then((fresh) => void memory.set(key, fresh))
      .catch((error: unknown) => deps.logger.warn({ err: error, figures: key }, "dashboard figures not refreshed; showing the previous ones"))
      .finally(() => (entry.refreshing = undefined));
  }
  return { value: entry.value as T, readAt: entry.readAt };
}
