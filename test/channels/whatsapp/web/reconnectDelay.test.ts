import { describe, expect, it } from "vitest";
import { reconnectDelay } from "../../../../src/channels/whatsapp/web/reconnectDelay.js";

const POLICY = { initialDelayMs: 5_000, maxDelayMs: 300_000 };

describe("reconnectDelay", () => {
  it("doubles from the initial delay up to the cap", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7].map((attempt) => reconnectDelay(attempt, POLICY, () => 0))).toEqual([
      5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000,
    ]);
  });

  it("shaves at most a fifth off at random, never going over the cap", () => {
    expect(reconnectDelay(0, POLICY, () => 0.999999)).toBe(4_000);
    expect(reconnectDelay(10, POLICY, () => 0.5)).toBe(270_000);
  });

  it("stays capped after very many attempts", () => {
    expect(reconnectDelay(5_000, POLICY, () => 0)).toBe(300_000);
  });
});
