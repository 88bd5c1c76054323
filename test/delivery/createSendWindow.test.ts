import { describe, expect, it } from "vitest";
import { createSendWindow } from "../../src/delivery/createSendWindow.js";

describe("the send window, the channel's one rate check", () => {
  it("grants `limit` slots in a window, counting each until a window after its call is over", async () => {
    let now = 0;
    const window = createSendWindow({ limit: 2, windowMs: 1000, intervalMs: 0, now: () => now });
    const first = await window.grant(5);
    expect(first.slots).toHaveLength(2);
    expect(await window.grant(1)).toEqual({ slots: [], waitMs: 1000 });
    // One call is over at 100, the other (late: a starved process) at 900.
    now = 100;
    window.done(first.slots[0]!);
    now = 900;
    window.done(first.slots[1]!);
    now = 1000;
    expect(await window.grant(1)).toEqual({ slots: [], waitMs: 100 });
    now = 1100;
    const second = await window.grant(2);
    expect(second.slots).toHaveLength(1);
    // The late one holds its slot until a second after it was over, not after it was granted.
    now = 1899;
    expect((await window.grant(1)).slots).toHaveLength(0);
    now = 1900;
    expect((await window.grant(1)).slots).toHaveLength(1);
  });

  it("spaces grants evenly and banks nothing while idle", async () => {
    let now = 0;
    const window = createSendWindow({ limit: 30, windowMs: 1000, intervalMs: 100, now: () => now });
    expect((await window.grant(1)).slots).toHaveLength(1);
    expect(await window.grant(1)).toEqual({ slots: [], waitMs: 100 });
    // A slice of three spaces the next grant three intervals on.
    now = 100;
    expect((await window.grant(3)).slots).toHaveLength(3);
    now = 350;
    expect(await window.grant(1)).toEqual({ slots: [], waitMs: 50 });
    now = 10_000;
    expect((await window.grant(1)).slots).toHaveLength(1);
    expect(await window.grant(1)).toEqual({ slots: [], waitMs: 100 });
  });

  it("keeps the schedule for a grant up to catchUpMs late, so late wake-ups do not slow the pace", async () => {
    let now = 0;
    // 1000 msg/s in grants of 20: one every 20 ms.
    const window = createSendWindow({ limit: 1000, windowMs: 1000, intervalMs: 1, catchUpMs: 20, now: () => now });
    const granted: string[] = [];
    // The asker wakes 3 ms after each time it was told (a timer's rounding, a busy event loop).
    while (now < 1000) {
      const { slots, waitMs } = await window.grant(20);
      granted.push(...slots);
      if (slots.length === 0) now += waitMs + 3;
    }
    // Half an interval of slack would start the schedule afresh each time: 20 every 23 ms, 880 in the second.
    expect(granted.length).toBeGreaterThanOrEqual(980);
    // Later than that (an idle spell) starts the schedule afresh: nothing banked.
    for (const slot of granted) window.done(slot);
    now = 10_000;
    expect((await window.grant(20)).slots).toHaveLength(20);
    expect(await window.grant(20)).toEqual({ slots: [], waitMs: 20 });
  });

  it("frees a slot given back unused a window later, and ignores a slot given back twice", async () => {
    let now = 0;
    const window = createSendWindow({ limit: 1, windowMs: 1000, intervalMs: 0, now: () => now });
    const { slots } = await window.grant(1);
    window.done(slots[0]!);
    now = 500;
    window.done(slots[0]!);
    now = 1000;
    expect((await window.grant(1)).slots).toHaveLength(1);
  });
});
