// The whatsapp-web.js channel wired the way main.ts will wire it, around a fake client, a captured log,
// a temporary QR path and a fake sleep that records every reconnect delay instead of waiting.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pino } from "pino";
import {
  createWhatsAppWebChannel,
  type WhatsAppWebChannel,
  type WhatsAppWebChannelOptions,
} from "../../../../src/channels/whatsapp/web/createWhatsAppWebChannel.js";
import type { ConversationEngine } from "../../../../src/conversation/types.js";
import { fakeWhatsAppClient, type FakeWhatsAppClient } from "./fakeWhatsAppClient.js";

export const APOLOGY = { id: "Maaf, ada gangguan. Coba lagi sebentar lagi ya.", en: "Sorry, something went wrong. Please try again shortly." };
export const PICK_BY_NUMBER = { id: "Balas dengan angka pilihanmu.", en: "Reply with the number of your choice." };

export interface FakeSleep {
  /** Every delay the channel asked to wait, in order. */
  delays: number[];
  /** How many more sleeps end at once; after that they last until aborted. */
  instantLeft: number;
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

export interface WhatsAppHarness {
  client: FakeWhatsAppClient;
  channel: WhatsAppWebChannel;
  /** Parsed pino lines the channel logged. */
  logs: Record<string, unknown>[];
  printedQrs: string[];
  qrPngPath: string;
  sleeps: FakeSleep;
  /** Emits authenticated and ready, as whatsapp-web.js does once a session is restored. */
  connect(): void;
  /**
   * Settles, then waits for every turn the engine started and for its replies. A real engine on
   * PostgreSQL waits for the server, which settle()'s ticks alone do not cover.
   */
  idle(): Promise<void>;
  stop(): Promise<void>;
}

export async function startWhatsAppHarness(options: {
  engine: ConversationEngine;
  client?: FakeWhatsAppClient;
  printQr?: WhatsAppWebChannelOptions["printQr"];
  random?: () => number;
}): Promise<WhatsAppHarness> {
  const dir = await mkdtemp(join(tmpdir(), "relawan-wa-"));
  const client = options.client ?? fakeWhatsAppClient();
  const logs: Record<string, unknown>[] = [];
  const logger = pino({ level: "debug" }, { write: (line: string) => void logs.push(JSON.parse(line) as Record<string, unknown>) });
  const printedQrs: string[] = [];
  const sleeps = fakeSleep();
  const turns = new Set<Promise<unknown>>();
  const qrPngPath = join(dir, "login", "whatsapp-qr.png");
  const harness: WhatsAppHarness = {
    client,
    channel: undefined as unknown as WhatsAppWebChannel,
    logs,
    printedQrs,
    qrPngPath,
    sleeps,
    connect() {
      client.emit("authenticated");
      client.emit("ready");
    },
    async idle() {
      await settle();
      while (turns.size > 0) {
        await Promise.allSettled([...turns]);
        await settle();
      }
    },
    async stop() {
      await harness.channel.stop();
      await rm(dir, { recursive: true, force: true });
    },
  };
  harness.channel = createWhatsAppWebChannel({
    client,
    engine: {
      handle(message) {
        const turn = options.engine.handle(message);
        turns.add(turn);
        void turn.catch(() => undefined).finally(() => turns.delete(turn));
        return turn;
      },
      resume: (channel, externalId, at) => options.engine.resume(channel, externalId, at),
      markUnreachable: (channel, externalId, at) => options.engine.markUnreachable(channel, externalId, at),
    },
    logger,
    defaultCountry: "ID",
    pickByNumberHint: (lang) => (lang === "en" ? PICK_BY_NUMBER.en : PICK_BY_NUMBER.id),
    apologyText: (lang) => (lang === "en" ? APOLOGY.en : APOLOGY.id),
    qrPngPath,
    printQr: options.printQr ?? ((qr) => void printedQrs.push(qr)),
    reconnect: { initialDelayMs: 5_000, maxDelayMs: 300_000 },
    clock: () => new Date("2026-02-03T04:05:06Z"),
    sleep: sleeps.sleep,
    random: options.random ?? (() => 0.5),
  });
  await harness.channel.start();
  return harness;
}

function fakeSleep(): FakeSleep {
  const sleeps: FakeSleep = {
    delays: [],
    instantLeft: Infinity,
    sleep(ms, signal) {
      sleeps.delays.push(ms);
      if (sleeps.instantLeft > 0) {
        sleeps.instantLeft -= 1;
        return Promise.resolve();
      }
      return new Promise((_, reject) => signal.addEventListener("abort", () => reject(signal.reason), { once: true }));
    },
  };
  return sleeps;
}

/** Lets every pending promise chain run to its end (no timers involved). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 5; i++) await new Promise((resolve) => setImmediate(resolve));
}
