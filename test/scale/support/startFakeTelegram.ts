// The fake Bot API in its own process (bench/serveFakeBotApi.ts), enforcing Telegram's limits:
// its arrival clock must not be starved by the dispatchers it measures, as Telegram's is not.
import { fork, type ChildProcess } from "node:child_process";
import { join } from "node:path";
import type { FakeBotApiStats } from "../../../bench/serveFakeBotApi.js";
import type { InjectedFailures } from "../../support/fakeBotApi.js";
import { repoRoot } from "../../support/createTestDatabase.js";

export interface FakeTelegram {
  url: string;
  stats(detail?: { byChat?: boolean; arrivals?: boolean }): Promise<FakeBotApiStats>;
  /** From now, every send is answered with this error for a while. */
  inject(failures: InjectedFailures): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeTelegram(perSecond: number): Promise<FakeTelegram> {
  const options = { enforceLimits: { perSecond, perChatPerSecond: 1 }, keepAliveTimeoutMs: 60_000 };
  const child = fork(join(repoRoot, "bench/serveFakeBotApi.ts"), [JSON.stringify(options)], { execArgv: ["--import", "tsx"], cwd: repoRoot, stdio: "inherit" });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    child.once("message", (message: { url: string }) => resolve(message.url));
    void exited.then(() => reject(new Error("the fake Bot API exited before it listened")));
  });
  // One question at a time: the answers carry no id.
  let queue: Promise<unknown> = Promise.resolve();
  const ask = <T>(request: object) => {
    const answer = queue.then(() => exchange<T>(child, request));
    queue = answer.catch(() => undefined);
    return answer;
  };
  return {
    url,
    stats: (detail = {}) => ask<FakeBotApiStats>({ type: "stats", ...detail }),
    inject: async (failures) => void (await ask({ type: "inject", failures })),
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.send({ type: "close" });
      await exited;
    },
  };
}

function exchange<T>(child: ChildProcess, request: object): Promise<T> {
  return new Promise((resolve) => {
    child.once("message", (answer: T) => resolve(answer));
    child.send(request);
  });
}
