// Talk to the bot as a voter from a terminal: same core, numbered choices.
// It is what `npm start` opens when no Telegram token is configured.
import { writeFile } from "node:fs/promises";
import { join, resolve } from "node:path";
import { createInterface } from "node:readline";
import type { Readable, Writable } from "node:stream";
import type { ConversationEngine, InboundMessage, Reply, ReplyImage, TurnResult } from "../../conversation/types.js";
import { makeFolder } from "../../makeFolder.js";
import { renderReply } from "./renderReply.js";

/** The terminal's own words around the bot's replies, in one language. */
export interface ConsoleTexts {
  banner: string;
  pickByNumber: string;
  typePhone: string;
  bye: string;
  apology: string;
}

export interface ConsoleChannelOptions {
  engine: ConversationEngine;
  input: Readable;
  output: Writable;
  /** Stable per machine user, so the conversation resumes after a restart. */
  externalId: string;
  color: boolean;
  /** The terminal's words in a language (the person's, once a turn told it; undefined before: the default). */
  texts: (language: string | undefined) => ConsoleTexts;
  /** Columns to wrap at, read before each reply (the window may be resized); undefined: no wrapping. */
  width?: () => number | undefined;
  onError?: (error: unknown) => void;
  clock?: () => Date;
  /** Called once the first replies are on screen: from then on deliver() prints. */
  onOpen?: () => void;
  /** Where pictures (the /stats charts) are saved, since a terminal cannot show them; default ./data/charts. */
  imageDir?: string;
}

export interface ConsoleChannel {
  run(): Promise<void>;
  /**
   * Prints a message the bot starts (a broadcast, a staff reply, a task offer) into the chat, after
   * whatever is printing now. "not_open": the chat is not running; "other_person": another terminal's.
   */
  deliver(externalId: string, reply: Reply): Promise<"printed" | "not_open" | "other_person">;
  /** "Sampai jumpa!" in the person's language, for a Ctrl+C outside run(). */
  farewell(): string;
}

export function createConsoleChannel(options: ConsoleChannelOptions): ConsoleChannel {
  const { engine, output } = options;
  const clock = options.clock ?? (() => new Date());
  const write = (text: string) => output.write(`${text}\n`);
  // The person's language as the last turn reported it: the terminal's own hints follow it.
  let language: string | undefined;
  const texts = () => options.texts(language);
  let open = false;
  // Turns and delivered messages print one after another, never into each other.
  let printing: Promise<void> = Promise.resolve();
  const inOrder = (work: () => Promise<void>): Promise<void> => (printing = printing.then(work, work));
  const prompt = () => output.write("\n> ");

  async function show(turn: () => Promise<TurnResult>): Promise<void> {
    try {
      const result = await turn();
      if (result.language) language = result.language;
      for (const reply of result.replies) await print(reply);
    } catch (error) {
      options.onError?.(error);
      write(`\n  ${texts().apology}`);
    }
  }

  async function print(reply: Reply): Promise<void> {
    write(`\n${renderReply(reply, { color: options.color, width: options.width?.() }, texts())}`);
    if (reply.image) write(`  → ${await saveImage(reply.image)}`);
  }

  function send(text: string): Promise<void> {
    const message: InboundMessage = { channel: "console", externalId: options.externalId, kind: "text", text, receivedAt: clock() };
    return show(() => engine.handle(message));
  }

  async function saveImage(image: ReplyImage): Promise<string> {
    const dir = resolve(options.imageDir ?? join("data", "charts"));
    makeFolder(dir);
    // The time in the name keeps an earlier /stats from being overwritten.
    const path = join(dir, `${clock().toISOString().replace(/[:.]/g, "-")}-${image.fileName}`);
    await writeFile(path, await image.png());
    return path;
  }

  return {
    async run() {
      const lines = createInterface({ input: options.input, terminal: false });
      // Take the iterator before the first await so piped lines are not lost.
      const iterator = lines[Symbol.asyncIterator]();
      // Where the person left off (a new person is greeted as on /start); the banner then speaks their language.
      let resumed: TurnResult | undefined;
      let failure: unknown;
      try {
        resumed = await engine.resume("console", options.externalId, clock());
        if (resumed.language) language = resumed.language;
      } catch (error) {
        failure = error;
      }
      await inOrder(async () => {
        write(texts().banner);
        if (resumed) for (const reply of resumed.replies) await print(reply);
        else await show(() => Promise.reject(failure));
        prompt();
        open = true;
      });
      options.onOpen?.();
      for await (const line of { [Symbol.asyncIterator]: () => iterator }) {
        const text = line.trim();
        if (text === "/quit" || text === "/exit" || text === "/keluar") break;
        await inOrder(async () => {
          if (text !== "") await send(line);
          prompt();
        });
      }
      lines.close();
      await inOrder(async () => {
        open = false;
        write(`\n${texts().bye}`);
      });
    },
    async deliver(externalId, reply) {
      if (externalId !== options.externalId) return "other_person";
      let outcome: "printed" | "not_open" = "not_open";
      await inOrder(async () => {
        if (!open) return;
        await print(reply);
        prompt();
        outcome = "printed";
      });
      return outcome;
    },
    farewell: () => texts().bye,
  };
}
