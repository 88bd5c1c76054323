import { describe, expect, it } from "vitest";
import { startOps } from "../../src/app/startOps.js";
import { parseConfig } from "../../src/config.js";
import type { ConversationEngine, TurnHooks } from "../../src/conversation/types.js";
import type { Database } from "../../src/db/client.js";
import { createLogger } from "../../src/logger.js";

describe("startOps", () => {
  it("passes the turn's hooks through the counting engine, so Telegram polls again once the turn has committed", async () => {
    const parsed = parseConfig({});
    if (parsed.status !== "ok") throw new Error(parsed.problems.join("\n"));
    const ops = await startOps(parsed.config, {} as Database, createLogger("silent", { pretty: false }));
    const seen: (TurnHooks | undefined)[] = [];
    const engine = {
      async handle(_message: unknown, hooks?: TurnHooks) {
        seen.push(hooks);
        hooks?.onCommitted?.();
        return { replies: [], effects: [] };
      },
    } as unknown as ConversationEngine;
    let committed = 0;
    await ops.counted(engine).handle({ channel: "telegram", externalId: "1", kind: "text", text: "halo", receivedAt: new Date() }, { onCommitted: () => committed++ });
    await ops.stop();
    expect(seen[0]?.onCommitted).toBeTypeOf("function");
    expect(committed).toBe(1);
  });
});
