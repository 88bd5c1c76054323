import { describe, expect, it } from "vitest";
import { createSendWindow } from "../../src/delivery/createSendWindow.js";

describe("the send window, checked right before each platform call", () => {
  it("lets `limit` calls through in any window and holds the next until the oldest has left it", async () => {
    const window = createSendWindow(3, 200);
    const t0 = performance.now();
    const left: number[] = [];
    for (let i = 0; i < 7; i++) {
      await window.admit();
      left.push(performance.now() - t0);
    }
    // No four calls within 200 ms of each other.
    for (let i = 3; i < left.length; i++) expect(left[i]! - left[i - 3]!).toBeGreaterThanOrEqual(199);
    expect(left[2]!).toBeLessThan(100);
  });

  it("counts a call that left late where it really left", async () => {
    let now = 0;
    const window = createSendWindow(2, 1000, () => now);
    await window.admit(); // on time, at 0
    now = 900;
    await window.admit(); // late: at 900 instead of ~500
    now = 1001;
    await window.admit(); // the one at 0 has left the window
    let admitted = false;
    const fourth = window.admit().then(() => (admitted = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    // 900 and 1001 are both within the last second: the fourth waits for the late one.
    expect(admitted).toBe(false);
    now = 1901;
    await fourth;
    expect(admitted).toBe(true);
  });
});
