// Talk to the bot as a voter from a terminal: same core, numbered choices.
// It is what `npm start` opens when no Telegram token is configured.
import { mkdir, writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { ConversationEngine, InboundMessage, ReplyImage } from "../../conversation/types.js";
import { renderReply } from "./renderReply.js";

export interface ConsoleChannelOptions {
  engine: ConversationEngine;
  input: Readable;
  output: Writable;
  /** Stable per machine user, so the conversation resumes after a restart. */
  externalId: string;
  color: boolean;
  texts: { banner: string; pickByNumber: string; typePhone: string; bye: string; apology: string };
  onError?: (error: unknown) => void;
  clock?: () => Date;
  /** Where pictures (the /stats charts) are saved, since a terminal cannot show them; default ./data/charts. */
  imageDir?: string;
}

export function createConsoleChannel(options: ConsoleChannelOptions): { run(): Promise<void> } {
  const { engine, output, texts } = options;
  const clock = options.clock ?? (() => new Date());
  const write = (text: string) => output.write(`${text}\n`);

  async function send(text: string): Promise<void> {
    const message: InboundMessage = { channel: "console", externalId: options.externalId, kind: "text", text, receivedAt: clock() };
    try {
      const result = await engine.handle(message);
      for (const reply of result.replies) {
        write(`\n${renderReply(reply, { color: options.color }, texts)}`);
        if (reply.image) write(`  → ${await saveImage(reply.image)}`);
      }
    } catch (error) {
      options.onError?.(error);
      write(`\n  ${texts.apology}`);
    }
  }

  async function saveImage(image: ReplyImage): Promise<string> {
    const dir = resolve(options.imageDir ?? join("data", "charts"));
    await mkdir(dir, { recursive: true });
    // The time in the name keeps an earlier /stats from being overwritten.
    const path = join(dir, `${clock().toISOString().replace(/[:.]/g, "-")}-${image.fileName}`);
    await writeFile(path, await image.png());
    return path;
  }

  return {
    async run() {
      write(texts.banner);
      const lines = createInterface({ input: options.input, terminal: false });
      // Take the iterator before the first await so piped lines are not lost.
      const iterator = lines[Symbol.asyncIterator]();
      const prompt = () => output.write("\n> ");
      await send("/start");
      prompt();
      for await (const line of { [Symbol.asyncIterator]: () => iterator }) {
        const text = line.trim();
        if (text === "/quit" || text === "/exit" || text === "/keluar") break;
        if (text !== "") await send(line);
        prompt();
      }
      lines.close();
      write(`\n${texts.bye}`);
    },
  };
}
