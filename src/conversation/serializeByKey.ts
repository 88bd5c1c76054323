// Messages from one person are handled one at a time and in order, so two
// quick messages never race on the same conversation state.
export type Serializer = <T>(key: string, work: () => Promise<T>) => Promise<T>;

export function serializeByKey(): Serializer {
  const tails = new Map<string, Promise<unknown>>();
  return <T>(key: string, work: () => Promise<T>): Promise<T> => {
    const previous = tails.get(key) ?? Promise.resolve();
    const run = previous.then(work, work);
    const tail = run.catch(() => undefined);
    tails.set(key, tail);
    void tail.then(() => {
      if (tails.get(key) === tail) tails.delete(key);
    });
    return run;
  };
}
