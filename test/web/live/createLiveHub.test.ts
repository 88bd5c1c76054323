// The live hub: one reader per topic however many pages follow it, followers told only of changes,
// and nothing left running once the last follower has gone or the hub is closed.
import pino from "pino";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import type { Db } from "../../../src/db/client.js";
import { createLiveHub, type LiveFollower } from "../../../src/web/live/createLiveHub.js";
import type { LiveTopic } from "../../../src/web/live/liveTopics.js";

let reading = "a";
let reads = 0;
const topic: LiveTopic = {
  name: "test",
  permission: "broadcasts",
  async readMarker() {
    reads += 1;
    return reading;
  },
};
const db = {} as Db;
const logger = pino({ level: "silent" });

function recorder(): LiveFollower & { markers: string[]; ended: boolean } {
  const follower = { markers: [] as string[], ended: false, changed: (marker: string) => follower.markers.push(marker), end: () => (follower.ended = true) };
  return follower;
}

async function until(check: () => boolean): Promise<void> {
  while (!check()) await new Promise((resolve) => setTimeout(resolve, 5));
}

beforeEach(() => {
  reading = "a";
  reads = 0;
});

describe("createLiveHub", () => {
  const hubs: ReturnType<typeof createLiveHub>[] = [];
  afterEach(() => hubs.splice(0).forEach((hub) => hub.close()));
  const newHub = () => {
    const hub = createLiveHub({ db, logger, intervalMs: 5 });
    hubs.push(hub);
    return hub;
  };

  it("tells a follower the marker at once, then only when it changes", async () => {
    const hub = newHub();
    const follower = recorder();
    hub.follow(topic, follower);
    await until(() => follower.markers.length === 1);
    const readsBefore = reads;
    await until(() => reads >= readsBefore + 3);
    expect(follower.markers).toHaveLength(1);
    reading = "b";
    await until(() => follower.markers.length === 2);
    expect(follower.markers[1]).not.toBe(follower.markers[0]);
    // Hashed: the stream says only that something changed.
    expect(follower.markers[1]).toMatch(/^[A-Za-z0-9_-]{16}$/);
  });

  it("reads a topic once per round however many follow it, and a late follower gets the marker known", async () => {
    const hub = newHub();
    const first = recorder();
    hub.follow(topic, first);
    await until(() => first.markers.length === 1);
    const second = recorder();
    hub.follow(topic, second);
    expect(second.markers).toEqual(first.markers);
    expect(hub.activity).toMatchObject({ topics: 1, followers: 2 });
  });

  it("stops reading when the last follower leaves: no timer left, no read after", async () => {
    const hub = newHub();
    const first = recorder();
    const second = recorder();
    const stopFirst = hub.follow(topic, first);
    const stopSecond = hub.follow(topic, second);
    await until(() => reads >= 3);
    stopFirst();
    expect(hub.activity).toMatchObject({ topics: 1, followers: 1 });
    stopSecond();
    expect(hub.activity).toEqual({ topics: 0, followers: 0, timers: 0 });
    const readsAfter = reads;
    // A read under way when the last one left may finish; none starts after it.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(reads - readsAfter).toBeLessThanOrEqual(1);
    expect(hub.activity).toEqual({ topics: 0, followers: 0, timers: 0 });
  });

  it("ends every stream and stops every reader when closed", async () => {
    const hub = newHub();
    const follower = recorder();
    hub.follow(topic, follower);
    await until(() => follower.markers.length === 1);
    hub.close();
    expect(follower.ended).toBe(true);
    expect(hub.activity).toEqual({ topics: 0, followers: 0, timers: 0 });
  });

  it("keeps reading after a failed read, and tells the followers when it works again", async () => {
    const hub = newHub();
    let failing = true;
    const flaky: LiveTopic = {
      ...topic,
      async readMarker() {
        reads += 1;
        if (failing) throw new Error("database away");
        return "back";
      },
    };
    const follower = recorder();
    hub.follow(flaky, follower);
    await until(() => reads >= 3);
    expect(follower.markers).toEqual([]);
    failing = false;
    await until(() => follower.markers.length === 1);
  });
});
