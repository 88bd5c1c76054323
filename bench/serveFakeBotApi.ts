// The fake Bot API in its own process for the benchmarks, so its HTTP work does not share an
// event loop (and its arrival clock) with the dispatcher being measured, as Telegram would not.
// Started with fork(); options arrive as JSON in argv[2]; answers "stats" messages over IPC.
import { startFakeBotApi, type FakeBotApiOptions } from "../test/support/fakeBotApi.js";

const options = JSON.parse(process.argv[2] ?? "{}") as FakeBotApiOptions;
const api = await startFakeBotApi(options);

export interface FakeBotApiStats {
  /** Messages accepted. */
  delivered: number;
  /** Chats that received more than one message. */
  duplicateChats: number;
  /** Extra messages beyond the first, over all chats. */
  duplicateMessages: number;
  rateLimited: number;
  /** Accepted sends per chat, only when asked for. */
  byChat?: [string, number][];
  /** Arrival of the first and last accepted send (performance.now() of this process). */
  firstAt?: number;
  lastAt?: number;
}

process.on("message", (message: { type: "stats"; byChat?: boolean } | { type: "close" }) => {
  if (message.type === "close") {
    void api.close().then(() => process.exit(0));
    return;
  }
  const byChat = api.deliveredByChat();
  const counts = [...byChat.values()];
  const stats: FakeBotApiStats = {
    delivered: counts.reduce((a, b) => a + b, 0),
    duplicateChats: counts.filter((n) => n > 1).length,
    duplicateMessages: counts.reduce((a, n) => a + Math.max(0, n - 1), 0),
    rateLimited: api.rateLimited,
    firstAt: api.deliveredAt()[0],
    lastAt: api.deliveredAt().at(-1),
    ...(message.byChat ? { byChat: [...byChat] } : {}),
  };
  process.send?.(stats);
});

process.send?.({ url: api.url });
