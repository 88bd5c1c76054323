export interface KeyedQueue {
  /** Runs the task after every earlier task with the same key has settled; other keys run concurrently. */
  run<T>(key: string, task: () => Promise<T>): Promise<T>;
  /** Resolves once every task queued so far has settled. */
  drain(): Promise<void>;
}

/**
 * A per-key promise chain, so two quick messages from one person are handled one at a time and in order.
 * A failed task does not block the ones after it.
 */
export function serializeByKey(): KeyedQueue {
  const tails = new Map<string, Promise<unknown>>();

  return {
    run<T>(key: string, task: () => Promise<T>): Promise<T> {
      const previous = tails.get(key) ?? Promise.resolve();
      const result = previous.then(() => task());
      const tail = result.then(
        () => undefined,
        () => undefined,
      );
      tails.set(key, tail);
      // Forget idle keys so the map only holds people with work in flight.
      void tail.then(() => {
        if (tails.get(key) === tail) tails.delete(key);
      });
      return result;
    },
    async drain(): Promise<void> {
      while (tails.size > 0) await Promise.all(tails.values());
    },
  };
}
