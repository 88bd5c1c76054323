import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it } from "vitest";
import { serializeByKey } from "../../src/conversation/serializeByKey.js";

describe("serializeByKey", () => {
  it("runs tasks of one key in order, one at a time, and other keys alongside", async () => {
    const queue = serializeByKey();
    const log: string[] = [];
    const task = (name: string, ms: number) => async () => {
      log.push(`start ${name}`);
      await sleep(ms);
      log.push(`end ${name}`);
      return name;
    };
    const results = await Promise.all([queue.run("a", task("a1", 30)), queue.run("a", task("a2", 1)), queue.run("b", task("b1", 1))]);
    expect(results).toEqual(["a1", "a2", "b1"]);
    expect(log.filter((l) => / a\d/.test(l))).toEqual(["start a1", "end a1", "start a2", "end a2"]);
    expect(log.indexOf("end b1")).toBeLessThan(log.indexOf("end a1"));
  });

  it("does not let a failed task block the next one, and still reports the failure", async () => {
    const queue = serializeByKey();
    const failed = queue.run("a", async () => {
      throw new Error("nope");
    });
    const next = queue.run("a", async () => "ran");
    await expect(failed).rejects.toThrow("nope");
    await expect(next).resolves.toBe("ran");
  });

  it("drains everything queued so far", async () => {
    const queue = serializeByKey();
    let finished = 0;
    for (let i = 0; i < 3; i++) {
      void queue.run("a", async () => {
        await sleep(10);
        finished += 1;
      });
    }
    await queue.drain();
    expect(finished).toBe(3);
  });
});
