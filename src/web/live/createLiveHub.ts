// One reader per topic per process, not one per open page: while anyone follows a topic its marker
// is read every `intervalMs` (the next read is scheduled after the last one finished, so a slow
// database never piles reads up), and the followers hear only when it changed. The last follower
// leaving stops the reads; close() ends every stream (the server's shutdown waits for none).
import type { Db } from "../../db/client.js";
import type { Logger } from "../../logger.js";
import type { LiveTopic } from "./liveTopics.js";
import { readLiveMarker } from "./readLiveMarker.js";

export interface LiveFollower {
  /** Called with the topic's marker: at once when one is known, then whenever it changes. */
  changed(marker: string): void;
  /** The hub is closing: end the stream. */
  end(): void;
}

export interface LiveHub {
  /** Follow a topic; the function returned stops following it. */
  follow(topic: LiveTopic, follower: LiveFollower): () => void;
  /** Topics read right now and their followers: what a test checks after a disconnect. */
  readonly activity: { topics: number; followers: number; timers: number };
  close(): void;
}

interface Watch {
  topic: LiveTopic;
  followers: Set<LiveFollower>;
  marker?: string;
  timer?: ReturnType<typeof setTimeout>;
}

export function createLiveHub(options: { db: Db; logger: Logger; intervalMs?: number }): LiveHub {
  const intervalMs = options.intervalMs ?? 1000;
  const watches = new Map<string, Watch>();

  async function read(watch: Watch): Promise<void> {
    watch.timer = undefined;
    try {
      const marker = await readLiveMarker(watch.topic, options.db);
      if (watches.get(watch.topic.name) !== watch) return;
      if (marker !== watch.marker) {
        watch.marker = marker;
        for (const follower of [...watch.followers]) follower.changed(marker);
      }
    } catch (error) {
      options.logger.warn({ err: error, topic: watch.topic.name }, "live topic could not be read");
    }
    if (watches.get(watch.topic.name) === watch) watch.timer = setTimeout(() => void read(watch), intervalMs);
  }

  return {
    follow(topic, follower) {
      let watch = watches.get(topic.name);
      if (!watch) {
        watch = { topic, followers: new Set([follower]) };
        watches.set(topic.name, watch);
        void read(watch);
      } else {
        watch.followers.add(follower);
        if (watch.marker !== undefined) follower.changed(watch.marker);
      }
      const followed = watch;
      return () => {
        followed.followers.delete(follower);
        if (followed.followers.size > 0 || watches.get(topic.name) !== followed) return;
        clearTimeout(followed.timer);
        followed.timer = undefined;
        watches.delete(topic.name);
      };
    },
    get activity() {
      const all = [...watches.values()];
      return { topics: all.length, followers: all.reduce((n, w) => n + w.followers.size, 0), timers: all.filter((w) => w.timer !== undefined).length };
    },
    close() {
      for (const watch of [...watches.values()]) for (const follower of [...watch.followers]) follower.end();
      for (const watch of watches.values()) clearTimeout(watch.timer);
      watches.clear();
    },
  };
}
