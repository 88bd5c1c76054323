// A WhatsAppClient without a browser: an EventEmitter that emits whatsapp-web.js's own event names,
// records what the channel sends, and lets a test script initialize() and sendMessage().
import { EventEmitter } from "node:events";
import type { WhatsAppClient, WhatsAppClientEvent, WhatsAppClientEvents } from "../../../../src/channels/whatsapp/web/whatsAppClient.js";

export interface FakeWhatsAppClient extends WhatsAppClient {
  emit<E extends WhatsAppClientEvent>(event: E, ...args: WhatsAppClientEvents[E]): boolean;
  sent: { chatId: string; text: string }[];
  initializeCalls: number;
  destroyCalls: number;
  /** What the next initialize() calls do; resolves at once unless replaced. */
  initializeWith: () => Promise<void>;
  /** Every sendMessage fails with this error while it is set. */
  sendError: Error | undefined;
}

/** `lidPhones` maps linked ids to numbers; without it the client has no resolvePhone at all. */
export function fakeWhatsAppClient(options: { lidPhones?: Record<string, string | Error> } = {}): FakeWhatsAppClient {
  const emitter = new EventEmitter();
  const { lidPhones } = options;
  const fake: FakeWhatsAppClient = {
    sent: [],
    initializeCalls: 0,
    destroyCalls: 0,
    initializeWith: () => Promise.resolve(),
    sendError: undefined,
    on(event, listener) {
      emitter.on(event, listener as (...args: unknown[]) => void);
      return fake;
    },
    emit: (event, ...args) => emitter.emit(event, ...args),
    initialize() {
      fake.initializeCalls += 1;
      return fake.initializeWith();
    },
    async destroy() {
      fake.destroyCalls += 1;
    },
    async sendMessage(chatId, text) {
      if (fake.sendError) throw fake.sendError;
      fake.sent.push({ chatId, text });
      return { id: { fromMe: true, remote: chatId, id: `3EB0SENT${fake.sent.length}`, _serialized: `true_${chatId}_3EB0SENT${fake.sent.length}` } };
    },
    async requestPairingCode() {
      return "ABCDEFGH";
    },
    ...(lidPhones
      ? {
          async resolvePhone(message) {
            const found = lidPhones[message.from];
            if (found instanceof Error) throw found;
            return found;
          },
        }
      : {}),
  };
  return fake;
}
