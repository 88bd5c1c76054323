import { fork } from "node:child_process";
import { join } from "node:path";
import type { FakeBotApiOptions } from "../test/support/fakeBotApi.js";
import { root } from "./benchDatabase.js";
import type { FakeBotApiStats } from "./serveFakeBotApi.js";

export interface FakeBotApiProcess {
  url: string;
  stats(byChat?: boolean): Promise<FakeBotApiStats>;
  close(): Promise<void>;
}

/** The fake Bot API in a child process (see serveFakeBotApi.ts). */
export async function startFakeBotApiProcess(options: FakeBotApiOptions): Promise<FakeBotApiProcess> {
  const child = fork(join(root, "bench/serveFakeBotApi.ts"), [JSON.stringify(options)], { execArgv: ["--import", "tsx"], cwd: root, stdio: "inherit" });
  const url = await new Promise<string>((resolve, reject) => {
    child.once("message", (message: { url: string }) => resolve(message.url));
    child.once("exit", (code) => reject(new Error(`fake Bot API exited with ${code}`)));
  });
  return {
    url,
    stats: (byChat = false) =>
      new Promise((resolve) => {
        child.once("message", (stats: FakeBotApiStats) => resolve(stats));
        child.send({ type: "stats", byChat });
      }),
    close: () =>
      new Promise((resolve) => {
        child.once("exit", () => resolve());
        child.send({ type: "close" });
      }),
  };
}
